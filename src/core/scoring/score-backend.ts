/**
 * Dense scoring as one matrix product: a block of query rows times a pool's passage rows, the
 * result handed to the ranking code (rankRelevant, selectTopK) row by row. The TypeScript kernel
 * here is the reference and the fallback; faster backends (onnxruntime in Node, WASM, WebGPU)
 * live in src/encoder and are injected by the CLI and the app's workers, because core may not
 * import a model runtime.
 *
 * The TypeScript kernel sums in float64 and rounds once to float32 ("exact" below). The others
 * sum in float32, so their scores differ in the last bits; wherever that could change a rank,
 * the ranking code recomputes those few scores exactly (settle-row.ts), so ranks and metrics are
 * the same whichever backend ran.
 */
import { dotScores } from '../numeric/row-matrix';

/** One block of scores: nq x rows, row-major. */
export interface BlockScores {
  scores: Float32Array;
  /** True when every score equals exactDot's; false for float32 sums (within scoreTolerance). */
  exact: boolean;
}

/** A passage matrix held by a backend (copied to a device, wrapped in a tensor) for many query blocks. */
export interface PreparedPassages {
  readonly rows: number;
  /** queries: nq x dim, row-major. */
  score(queries: Float32Array): Promise<BlockScores>;
  /** Frees what the backend holds for these passages. */
  dispose(): void;
}

export interface ScoreBackend {
  /** For a person: "TypeScript", "onnxruntime-node (cpu, 2 threads)". */
  readonly name: string;
  prepare(passages: Float32Array, dim: number): Promise<PreparedPassages>;
}

/** The reference: dotScores, four queries per passage load, float64 sums. */
export const typescriptBackend: ScoreBackend = {
  name: 'TypeScript',
  async prepare(passages, dim) {
    return {
      rows: passages.length / dim,
      async score(queries) {
        return { scores: dotScores(queries, passages, dim), exact: true };
      },
      dispose() {},
    };
  },
};

/** What dotScores stores for one pair, bit for bit: the float64 sum in order, rounded once to float32. */
export function exactDot(a: Float32Array, aOffset: number, b: Float32Array, bOffset: number, dim: number): number {
  let s = 0;
  for (let j = 0; j < dim; j++) s += a[aOffset + j] * b[bOffset + j];
  return Math.fround(s);
}

/**
 * out[i] = exactDot(a at aOffset, b's row cols[i] + shift), for i < count. Four rows at a time:
 * each sum still runs in order (so equals exactDot bit for bit), but four independent sums keep
 * the adder busy where one waits on its own previous addition.
 */
export function exactDots(
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  cols: Int32Array,
  count: number,
  shift: number,
  dim: number,
  out: Float64Array,
): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const b0 = (cols[i] + shift) * dim;
    const b1 = (cols[i + 1] + shift) * dim;
    const b2 = (cols[i + 2] + shift) * dim;
    const b3 = (cols[i + 3] + shift) * dim;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < dim; j++) {
      const x = a[aOffset + j];
      s0 += x * b[b0 + j];
      s1 += x * b[b1 + j];
      s2 += x * b[b2 + j];
      s3 += x * b[b3 + j];
    }
    out[i] = Math.fround(s0);
    out[i + 1] = Math.fround(s1);
    out[i + 2] = Math.fround(s2);
    out[i + 3] = Math.fround(s3);
  }
  for (; i < count; i++) out[i] = exactDot(a, aOffset, b, (cols[i] + shift) * dim, dim);
}

const UNIT_ROUNDOFF = 2 ** -24;

/**
 * How far a float32-summed dot product of length dim may be from exactDot, for rows of these
 * lengths: the classic bound gamma_d * sum|a_j b_j| <= gamma_d |a| |b| (Higham 3.1, any summation
 * order, FMA or not) plus the reference's own rounding, doubled for margin.
 */
export function scoreTolerance(dim: number, normA: number, normB: number): number {
  const gamma = (dim * UNIT_ROUNDOFF) / (1 - dim * UNIT_ROUNDOFF);
  return 2 * (gamma + UNIT_ROUNDOFF) * normA * normB + Number.MIN_VALUE;
}

/** Euclidean length of each row. */
export function rowNorms(matrix: Float32Array, dim: number): Float64Array {
  const rows = matrix.length / dim;
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < dim; j++) s += matrix[i * dim + j] * matrix[i * dim + j];
    out[i] = Math.sqrt(s);
  }
  return out;
}
