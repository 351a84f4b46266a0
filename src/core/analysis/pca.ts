import { createRng } from '../training/rng';

/** Principal axes of a set of row vectors. */
export interface PcaModel {
  dim: number;
  /** How many axes were found. */
  components: number;
  /** Mean of the rows, subtracted before projecting. */
  mean: Float64Array;
  /** components x dim, row-major: unit-length axes, by decreasing variance, sign-normalised. */
  axes: Float64Array;
  /** Variance of the data along each axis (the covariance matrix's eigenvalues), descending. */
  variances: number[];
  /** Sum of the variances of every dimension, so variances[i] / totalVariance is the share explained. */
  totalVariance: number;
}

export interface PcaOptions {
  /** Axes to find; default 2, at most dim. */
  components?: number;
  /** Power iterations per axis; default 500. */
  maxIterations?: number;
  /** Stop when 1 - |cos(angle)| between successive estimates is below this; default 1e-12. */
  tolerance?: number;
  /** Seed of the random starting vectors; default 1, so maps are the same on every run. */
  seed?: number;
}

/**
 * PCA by power iteration with deflation on the sample covariance matrix C = Xc^T Xc / (n - 1).
 * C is applied as Xc^T (Xc v) and never formed, so each step costs O(rows x dim) whatever dim
 * is (768-wide embeddings would make C 590k entries). Deflation keeps each estimate orthogonal
 * to the axes already found (C' = C - lambda u u^T acts on v the same way), and re-orthogonalising
 * every step stops rounding from leaking earlier axes back in.
 *
 * Axes are only defined up to sign; each is flipped so its largest-magnitude coordinate is
 * positive, so the same data always gives the same picture (not a mirror image).
 */
export function fitPca(data: ArrayLike<number>, dim: number, opts: PcaOptions = {}): PcaModel {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`fitPca: dim must be a positive integer, got ${dim}`);
  if (data.length % dim !== 0) throw new RangeError(`fitPca: data holds ${data.length} numbers, not a whole number of rows of ${dim}`);
  const rows = data.length / dim;
  if (rows === 0) throw new RangeError('fitPca: no rows to analyse');
  const k = opts.components ?? 2;
  if (!Number.isInteger(k) || k < 1 || k > dim) throw new RangeError(`fitPca: components must be an integer in 1..${dim}, got ${k}`);
  const maxIterations = opts.maxIterations ?? 500;
  const tolerance = opts.tolerance ?? 1e-12;
  const rng = createRng(opts.seed ?? 1);

  const mean = new Float64Array(dim);
  for (let r = 0; r < rows; r++) for (let j = 0; j < dim; j++) mean[j] += data[r * dim + j];
  for (let j = 0; j < dim; j++) mean[j] /= rows;
  const centred = new Float64Array(rows * dim);
  let totalSquares = 0;
  for (let r = 0; r < rows; r++) {
    for (let j = 0; j < dim; j++) {
      const x = data[r * dim + j] - mean[j];
      centred[r * dim + j] = x;
      totalSquares += x * x;
    }
  }
  const denominator = Math.max(1, rows - 1);

  const axes = new Float64Array(k * dim);
  const variances: number[] = [];
  const scores = new Float64Array(rows);
  let v = new Float64Array(dim);
  let next = new Float64Array(dim);
  for (let c = 0; c < k; c++) {
    for (let j = 0; j < dim; j++) v[j] = rng.normal();
    orthogonalise(v, axes, c, dim);
    if (normalise(v) === 0) fillUnitOrthogonal(v, axes, c, dim);
    let variance = 0;
    for (let it = 0; it < maxIterations; it++) {
      applyCovariance(centred, rows, dim, v, scores, next, denominator);
      orthogonalise(next, axes, c, dim);
      variance = normalise(next);
      if (variance === 0) {
        // Nothing left along any direction orthogonal to the axes found: any such unit vector will do.
        fillUnitOrthogonal(next, axes, c, dim);
        [v, next] = [next, v];
        break;
      }
      let cos = 0;
      for (let j = 0; j < dim; j++) cos += next[j] * v[j];
      [v, next] = [next, v];
      if (1 - Math.abs(cos) < tolerance) break;
    }
    // The Rayleigh quotient v^T C v is the variance along v (the norm above is |Cv|, equal only at convergence).
    applyCovariance(centred, rows, dim, v, scores, next, denominator);
    variance = 0;
    for (let j = 0; j < dim; j++) variance += v[j] * next[j];
    flipSign(v);
    axes.set(v, c * dim);
    variances.push(Math.max(0, variance));
  }
  return { dim, components: k, mean, axes, variances, totalVariance: totalSquares / denominator };
}

/** Coordinates of each row along the model's axes: rows x components, row-major. */
export function projectPca(model: PcaModel, data: ArrayLike<number>): Float32Array {
  const { dim, components: k, mean, axes } = model;
  if (data.length % dim !== 0) throw new RangeError(`projectPca: data holds ${data.length} numbers, not a whole number of rows of ${dim}`);
  const rows = data.length / dim;
  const out = new Float32Array(rows * k);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += (data[r * dim + j] - mean[j]) * axes[c * dim + j];
      out[r * k + c] = s;
    }
  }
  return out;
}

/** out = Xc^T (Xc v) / denominator, using `scores` (length rows) as scratch. */
function applyCovariance(
  centred: Float64Array,
  rows: number,
  dim: number,
  v: Float64Array,
  scores: Float64Array,
  out: Float64Array,
  denominator: number,
): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const base = r * dim;
    for (let j = 0; j < dim; j++) s += centred[base + j] * v[j];
    scores[r] = s;
  }
  out.fill(0);
  for (let r = 0; r < rows; r++) {
    const s = scores[r] / denominator;
    if (s === 0) continue;
    const base = r * dim;
    for (let j = 0; j < dim; j++) out[j] += s * centred[base + j];
  }
}

/** Removes from v its projection on each of the first `count` axes (Gram-Schmidt). */
function orthogonalise(v: Float64Array, axes: Float64Array, count: number, dim: number): void {
  for (let c = 0; c < count; c++) {
    let dot = 0;
    for (let j = 0; j < dim; j++) dot += v[j] * axes[c * dim + j];
    for (let j = 0; j < dim; j++) v[j] -= dot * axes[c * dim + j];
  }
}

/** Scales v to unit length and returns its former length (0 leaves v as it was). */
function normalise(v: Float64Array): number {
  let sq = 0;
  for (let j = 0; j < v.length; j++) sq += v[j] * v[j];
  const norm = Math.sqrt(sq);
  if (norm < 1e-150) return 0;
  for (let j = 0; j < v.length; j++) v[j] /= norm;
  return norm;
}

/** The first standard basis vector not spanned by the axes found, made orthogonal to them. */
function fillUnitOrthogonal(v: Float64Array, axes: Float64Array, count: number, dim: number): void {
  for (let e = 0; e < dim; e++) {
    v.fill(0);
    v[e] = 1;
    orthogonalise(v, axes, count, dim);
    if (normalise(v) > 1e-6) return;
  }
}

function flipSign(v: Float64Array): void {
  let largest = 0;
  for (let j = 1; j < v.length; j++) if (Math.abs(v[j]) > Math.abs(v[largest])) largest = j;
  if (v[largest] < 0) for (let j = 0; j < v.length; j++) v[j] = -v[j];
}
