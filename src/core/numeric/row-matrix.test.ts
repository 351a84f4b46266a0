import { describe, expect, it } from 'vitest';
import { dotScores, normalizeRows, selectRows } from './row-matrix';

describe('embedding matrices', () => {
  it('normalises rows to unit length and leaves zero rows alone', () => {
    const m = normalizeRows(Float32Array.from([3, 4, 0, 0, 0, 2]), 2);
    const want = [0.6, 0.8, 0, 0, 0, 1];
    want.forEach((v, i) => expect(m[i]).toBeCloseTo(v, 6));
  });

  it('computes every query-passage dot product, row-major', () => {
    const q = Float32Array.from([1, 0, 0, 0, 1, 0]); // 2 queries, dim 3
    const p = Float32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // 4 passages
    expect(Array.from(dotScores(q, p, 3))).toEqual([1, 4, 7, 10, 2, 5, 8, 11]);
  });

  it('agrees with a naive product across block boundaries and odd dimensions', () => {
    const dim = 7;
    const nq = 6; // one group of four queries and a remainder of two
    const np = 300;
    const q = Float32Array.from({ length: nq * dim }, (_, i) => Math.sin(i));
    const p = Float32Array.from({ length: np * dim }, (_, i) => Math.cos(i * 0.7));
    const s = dotScores(q, p, dim);
    for (const [qi, pi] of [
      [0, 0],
      [1, 129],
      [3, 64],
      [4, 299],
      [5, 63],
    ]) {
      let want = 0;
      for (let j = 0; j < dim; j++) want += q[qi * dim + j] * p[pi * dim + j];
      expect(s[qi * np + pi]).toBeCloseTo(want, 5);
    }
  });

  it('selects rows in the order asked', () => {
    expect(Array.from(selectRows(Float32Array.from([1, 1, 2, 2, 3, 3]), 2, [2, 0]))).toEqual([3, 3, 1, 1]);
  });
});
