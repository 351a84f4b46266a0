/** Row-major float matrices of embeddings: rows x dim in one Float32Array. */

/** Scales each row to unit length in place (zero rows stay zero) and returns the same array. */
export function normalizeRows(matrix: Float32Array, dim: number): Float32Array {
  for (let off = 0; off < matrix.length; off += dim) {
    let ss = 0;
    for (let j = 0; j < dim; j++) ss += matrix[off + j] * matrix[off + j];
    if (ss > 0) {
      const inv = 1 / Math.sqrt(ss);
      for (let j = 0; j < dim; j++) matrix[off + j] *= inv;
    }
  }
  return matrix;
}

/** Copies the given rows of a matrix into a new one, in the given order. */
export function selectRows(matrix: Float32Array, dim: number, rows: ArrayLike<number>): Float32Array {
  const out = new Float32Array(rows.length * dim);
  for (let i = 0; i < rows.length; i++) out.set(matrix.subarray(rows[i] * dim, rows[i] * dim + dim), i * dim);
  return out;
}

const PASSAGE_BLOCK = 128;

/**
 * Dot products of every query row with every passage row: nq x np, row-major. For unit rows these
 * are cosines. Passages are walked in blocks that stay in cache while each query visits them.
 */
export function dotScores(queries: Float32Array, passages: Float32Array, dim: number): Float32Array {
  const nq = queries.length / dim;
  const np = passages.length / dim;
  const out = new Float32Array(nq * np);
  for (let p0 = 0; p0 < np; p0 += PASSAGE_BLOCK) {
    const p1 = Math.min(np, p0 + PASSAGE_BLOCK);
    for (let q = 0; q < nq; q++) {
      const qo = q * dim;
      const row = q * np;
      for (let p = p0; p < p1; p++) {
        const po = p * dim;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        let j = 0;
        for (; j + 3 < dim; j += 4) {
          s0 += queries[qo + j] * passages[po + j];
          s1 += queries[qo + j + 1] * passages[po + j + 1];
          s2 += queries[qo + j + 2] * passages[po + j + 2];
          s3 += queries[qo + j + 3] * passages[po + j + 3];
        }
        for (; j < dim; j++) s0 += queries[qo + j] * passages[po + j];
        out[row + p] = s0 + s1 + s2 + s3;
      }
    }
  }
  return out;
}
