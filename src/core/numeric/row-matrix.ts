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

const PASSAGE_BLOCK = 64;

/**
 * Dot products of every query row with every passage row: nq x np, row-major. For unit rows these
 * are cosines. Four queries share each load of a passage value (1.5x the speed of one query at a
 * time in V8), and passages are walked in blocks that stay in cache while the queries visit them.
 */
export function dotScores(queries: Float32Array, passages: Float32Array, dim: number): Float32Array {
  const nq = queries.length / dim;
  const np = passages.length / dim;
  const out = new Float32Array(nq * np);
  for (let p0 = 0; p0 < np; p0 += PASSAGE_BLOCK) {
    const p1 = Math.min(np, p0 + PASSAGE_BLOCK);
    let q = 0;
    for (; q + 3 < nq; q += 4) {
      const a = q * dim;
      const b = a + dim;
      const c = b + dim;
      const d = c + dim;
      for (let p = p0; p < p1; p++) {
        const po = p * dim;
        let s0 = 0;
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let j = 0; j < dim; j++) {
          const x = passages[po + j];
          s0 += queries[a + j] * x;
          s1 += queries[b + j] * x;
          s2 += queries[c + j] * x;
          s3 += queries[d + j] * x;
        }
        out[q * np + p] = s0;
        out[(q + 1) * np + p] = s1;
        out[(q + 2) * np + p] = s2;
        out[(q + 3) * np + p] = s3;
      }
    }
    for (; q < nq; q++) {
      const a = q * dim;
      for (let p = p0; p < p1; p++) {
        const po = p * dim;
        let s = 0;
        for (let j = 0; j < dim; j++) s += queries[a + j] * passages[po + j];
        out[q * np + p] = s;
      }
    }
  }
  return out;
}
