import { createRng } from './rng';

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
  /** Power iterations per axis; default 1000 (each costs only min(rows, dim)^2). */
  maxIterations?: number;
  /** Stop when 1 - |cos(angle)| between successive estimates is below this; default 1e-12. */
  tolerance?: number;
  /** Seed of the random starting vectors; default 1, so maps are the same on every run. */
  seed?: number;
  /** Share of the work done, 0..1 (building the matrix is most of it). */
  onProgress?: (fraction: number) => void;
}

/**
 * PCA by power iteration with deflation on the covariance matrix C = Xc^T Xc / (n - 1) when
 * rows >= dim, or on the Gram matrix G = Xc Xc^T / (n - 1) when there are fewer rows than
 * dimensions (G has the same non-zero eigenvalues; an eigenvector u of G gives the axis
 * Xc^T u / sqrt((n - 1) lambda)). Building the smaller of the two costs
 * min(n, d)^2 max(n, d) / 2 once; after that each power step costs only min(n, d)^2, so
 * close eigenvalues (slow convergence) stay cheap. Each axis found is deflated out of the matrix
 * (M - lambda u u^T), and every estimate is re-orthogonalised against earlier axes so rounding
 * cannot leak them back in.
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
  const maxIterations = opts.maxIterations ?? 1000;
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

  const useGram = rows < dim;
  const size = useGram ? rows : dim;
  const matrix = useGram ? gramMatrix(centred, rows, dim, denominator, opts.onProgress) : covarianceMatrix(centred, rows, dim, denominator, opts.onProgress);
  // Eigenvectors of the small matrix; at most `size` of them exist.
  const found = Math.min(k, size);
  const vectors = new Float64Array(found * size);
  const eigenvalues: number[] = [];
  let v = new Float64Array(size);
  let next = new Float64Array(size);
  for (let c = 0; c < found; c++) {
    for (let j = 0; j < size; j++) v[j] = rng.normal();
    orthogonalise(v, vectors, c, size);
    if (normalise(v) === 0) fillUnitOrthogonal(v, vectors, c, size);
    for (let it = 0; it < maxIterations; it++) {
      multiplySymmetric(matrix, size, v, next);
      orthogonalise(next, vectors, c, size);
      if (normalise(next) === 0) {
        // Nothing left in any direction orthogonal to the vectors found: any such unit vector will do.
        fillUnitOrthogonal(next, vectors, c, size);
        [v, next] = [next, v];
        break;
      }
      let cos = 0;
      for (let j = 0; j < size; j++) cos += next[j] * v[j];
      [v, next] = [next, v];
      if (1 - Math.abs(cos) < tolerance) break;
    }
    // The Rayleigh quotient v^T M v is the eigenvalue (|Mv| equals it only at convergence).
    multiplySymmetric(matrix, size, v, next);
    let lambda = 0;
    for (let j = 0; j < size; j++) lambda += v[j] * next[j];
    lambda = Math.max(0, lambda);
    deflate(matrix, size, v, lambda);
    vectors.set(v, c * size);
    eigenvalues.push(lambda);
    opts.onProgress?.(0.9 + (0.1 * (c + 1)) / found);
  }

  const axes = new Float64Array(k * dim);
  const variances: number[] = [];
  for (let c = 0; c < k; c++) {
    const axis = axes.subarray(c * dim, (c + 1) * dim);
    const lambda = c < found ? eigenvalues[c] : 0;
    if (useGram && c < found && lambda > 1e-12 * (totalSquares / denominator + 1e-300)) {
      // axis = Xc^T u, then unit length (the norm is sqrt((n - 1) lambda) up to rounding).
      for (let r = 0; r < rows; r++) {
        const u = vectors[c * size + r];
        if (u !== 0) for (let j = 0; j < dim; j++) axis[j] += u * centred[r * dim + j];
      }
      orthogonalise(axis, axes, c, dim);
      if (normalise(axis) === 0) fillUnitOrthogonal(axis, axes, c, dim);
    } else if (!useGram) {
      axis.set(vectors.subarray(c * size, (c + 1) * size));
    } else {
      // Beyond the data's rank: a unit axis orthogonal to the others, with no variance.
      fillUnitOrthogonal(axis, axes, c, dim);
    }
    flipSign(axis);
    variances.push(c < found ? lambda : 0);
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

/**
 * C = Xc^T Xc / denominator (dim x dim), upper triangle then mirrored. Rows are taken in blocks,
 * transposed so each column of the block is contiguous: every entry of C is then one short dot
 * product per block, and C (4.7 MB at 768 dims) is swept once per block instead of once per row.
 */
function covarianceMatrix(centred: Float64Array, rows: number, dim: number, denominator: number, onProgress?: (fraction: number) => void): Float64Array {
  const m = new Float64Array(dim * dim);
  const block = 64;
  const t = new Float64Array(dim * block);
  for (let start = 0; start < rows; start += block) {
    const b = Math.min(block, rows - start);
    for (let r = 0; r < b; r++) for (let j = 0; j < dim; j++) t[j * block + r] = centred[(start + r) * dim + j];
    for (let i = 0; i < dim; i++) {
      const ti = i * block;
      const row = i * dim;
      for (let j = i; j < dim; j++) {
        const tj = j * block;
        let s = 0;
        for (let r = 0; r < b; r++) s += t[ti + r] * t[tj + r];
        m[row + j] += s;
      }
    }
    onProgress?.((0.9 * (start + b)) / rows);
  }
  for (let i = 0; i < dim; i++) {
    for (let j = i; j < dim; j++) {
      const x = m[i * dim + j] / denominator;
      m[i * dim + j] = x;
      m[j * dim + i] = x;
    }
  }
  return m;
}

/** G = Xc Xc^T / denominator (rows x rows): the smaller matrix when there are fewer rows than dimensions. */
function gramMatrix(centred: Float64Array, rows: number, dim: number, denominator: number, onProgress?: (fraction: number) => void): Float64Array {
  const m = new Float64Array(rows * rows);
  for (let a = 0; a < rows; a++) {
    for (let b = a; b < rows; b++) {
      let s = 0;
      for (let j = 0; j < dim; j++) s += centred[a * dim + j] * centred[b * dim + j];
      m[a * rows + b] = s / denominator;
      m[b * rows + a] = s / denominator;
    }
    onProgress?.((0.9 * (a + 1)) / rows);
  }
  return m;
}

function multiplySymmetric(m: Float64Array, size: number, v: Float64Array, out: Float64Array): void {
  for (let i = 0; i < size; i++) {
    let s = 0;
    const row = i * size;
    for (let j = 0; j < size; j++) s += m[row + j] * v[j];
    out[i] = s;
  }
}

/** M <- M - lambda v v^T (Hotelling deflation): the found axis no longer attracts the iteration. */
function deflate(m: Float64Array, size: number, v: Float64Array, lambda: number): void {
  for (let i = 0; i < size; i++) {
    const f = lambda * v[i];
    const row = i * size;
    for (let j = 0; j < size; j++) m[row + j] -= f * v[j];
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
