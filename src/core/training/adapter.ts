import { product, runProducts, runProductsSync, type MatrixProducts, type ProductSteps } from '../numeric/matrix-products';
import { createRng } from '../numeric/rng';

/**
 * A linear map W applied to question and passage embeddings alike (the encoder is shared, as in
 * the paper's dual encoder), output re-normalised to unit length so scores stay cosines.
 *  - full (rank 0): W = I + Delta, params = Delta, d x d row-major.
 *  - low-rank (rank r): W = I + U V^T, params = U (d x r row-major) then V^T (r x d row-major).
 * W is parametrised as identity plus a trainable part that starts at 0, so AdamW's weight decay
 * (which pulls parameters toward 0) pulls W toward the identity, i.e. toward the frozen encoder.
 */
export interface AdapterShape {
  dim: number;
  /** 0 for a full d x d map; r > 0 for W = I + U V^T. */
  rank: number;
}

export interface Adapter extends AdapterShape {
  params: Float32Array;
}

export function adapterParamCount(shape: AdapterShape): number {
  return shape.rank === 0 ? shape.dim * shape.dim : 2 * shape.dim * shape.rank;
}

export function assertAdapterShape(shape: AdapterShape, where: string): void {
  if (!Number.isInteger(shape.dim) || shape.dim < 1) {
    throw new RangeError(`${where}: dim must be a positive integer, got ${shape.dim}`);
  }
  if (!Number.isInteger(shape.rank) || shape.rank < 0 || shape.rank > shape.dim) {
    throw new RangeError(`${where}: rank must be an integer in [0, dim=${shape.dim}] (0 = full), got ${shape.rank}`);
  }
}

/**
 * The identity adapter. Low-rank: U = 0 (so W = I exactly) and V small random, N(0, 1/dim),
 * so the first gradient step on U is already informative (LoRA's initialisation).
 */
export function createIdentityAdapter(dim: number, rank = 0, seed = 0): Adapter {
  assertAdapterShape({ dim, rank }, 'createIdentityAdapter');
  const params = new Float32Array(adapterParamCount({ dim, rank }));
  if (rank > 0) {
    const rng = createRng(seed);
    const scale = 1 / Math.sqrt(dim);
    for (let i = dim * rank; i < params.length; i++) params[i] = rng.normal() * scale;
  }
  return { dim, rank, params };
}

/** Scratch space for forwardAdapter over up to `rows` rows. */
export interface ForwardWorkspace {
  rows: number;
  /** Low-rank only: Z = X V (rows x r). */
  z: Float64Array;
  /** Low-rank only: Z U^T before adding X (rows x d). */
  tmp: Float64Array;
}

export function createForwardWorkspace(shape: AdapterShape, rows: number): ForwardWorkspace {
  return {
    rows,
    z: new Float64Array(shape.rank > 0 ? rows * shape.rank : 0),
    tmp: new Float64Array(shape.rank > 0 ? rows * shape.dim : 0),
  };
}

/** out (rows x d) = X W^T, un-normalised; for low-rank also leaves Z = X V in ws.z. */
export function forwardAdapter(shape: AdapterShape, params: Float64Array, x: Float64Array, rows: number, out: Float64Array, ws: ForwardWorkspace): void {
  runProductsSync(forwardAdapterSteps(shape, params, x, rows, out, ws));
}

/** forwardAdapter as product steps (matrix-products.ts), for any product backend. */
export function* forwardAdapterSteps(
  shape: AdapterShape,
  params: Float64Array,
  x: Float64Array,
  rows: number,
  out: Float64Array,
  ws: ForwardWorkspace,
): ProductSteps<void> {
  const d = shape.dim;
  const r = shape.rank;
  const n = rows * d;
  if (r === 0) {
    yield product(x, params, out, rows, d, d);
    for (let i = 0; i < n; i++) out[i] += x[i];
    return;
  }
  const u = params.subarray(0, d * r);
  const vt = params.subarray(d * r, 2 * d * r);
  yield product(x, vt, ws.z, rows, r, d);
  yield product(ws.z, u, ws.tmp, rows, d, r);
  for (let i = 0; i < n; i++) out[i] = x[i] + ws.tmp[i];
}

/**
 * Each row of `matrix` (rows x dim, row-major) mapped by W and scaled to unit length. A row that
 * W maps to zero stays zero. Works in chunks so memory stays small for large pools.
 */
export function applyAdapter(adapter: Adapter, matrix: Float32Array, rows: number, dim: number): Float32Array {
  return runProductsSync(applyAdapterSteps(adapter, matrix, rows, dim, 256));
}

/**
 * applyAdapter with the products on `products` (default the TypeScript kernel, which gives
 * applyAdapter's rows exactly). A float32 backend changes the rows by about 1e-6 relative.
 * Larger chunks there, since each call into a runtime has a fixed cost.
 */
export function applyAdapterWith(adapter: Adapter, matrix: Float32Array, rows: number, dim: number, products?: MatrixProducts): Promise<Float32Array> {
  return runProducts(applyAdapterSteps(adapter, matrix, rows, dim, products ? 4096 : 256), products);
}

function* applyAdapterSteps(adapter: Adapter, matrix: Float32Array, rows: number, dim: number, maxChunk: number): ProductSteps<Float32Array> {
  assertAdapterShape(adapter, 'applyAdapter');
  if (dim !== adapter.dim) {
    throw new RangeError(`applyAdapter: embeddings have dim ${dim} but the adapter was trained for dim ${adapter.dim}`);
  }
  if (matrix.length !== rows * dim) {
    throw new RangeError(`applyAdapter: matrix has ${matrix.length} values, expected rows x dim = ${rows} x ${dim}`);
  }
  if (adapter.params.length !== adapterParamCount(adapter)) {
    throw new RangeError(
      `applyAdapter: adapter has ${adapter.params.length} parameters, expected ${adapterParamCount(adapter)} for dim ${adapter.dim}, rank ${adapter.rank}`,
    );
  }
  const params = Float64Array.from(adapter.params);
  const chunk = Math.min(maxChunk, Math.max(rows, 1));
  const ws = createForwardWorkspace(adapter, chunk);
  const x = new Float64Array(chunk * dim);
  const y = new Float64Array(chunk * dim);
  const result = new Float32Array(rows * dim);
  for (let start = 0; start < rows; start += chunk) {
    const count = Math.min(chunk, rows - start);
    for (let i = 0; i < count * dim; i++) x[i] = matrix[start * dim + i];
    yield* forwardAdapterSteps(adapter, params, x, count, y, ws);
    for (let row = 0; row < count; row++) {
      const base = row * dim;
      let norm = 0;
      for (let c = 0; c < dim; c++) norm += y[base + c] * y[base + c];
      const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let c = 0; c < dim; c++) result[(start + row) * dim + c] = y[base + c] * scale;
    }
  }
  return result;
}
