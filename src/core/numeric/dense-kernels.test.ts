import { describe, expect, it } from 'vitest';
import { multiplyABt, transposeInto } from './dense-kernels';

describe('multiplyABt', () => {
  it('equals the textbook A B^T for every blocked and leftover shape', () => {
    for (const [n, m, k] of [
      [1, 1, 1],
      [2, 4, 3],
      [3, 5, 2],
      [5, 7, 4],
      [4, 9, 1],
    ]) {
      const a = Float64Array.from({ length: n * k }, (_, i) => Math.sin(i + 1));
      const b = Float64Array.from({ length: m * k }, (_, i) => Math.cos(i * 0.7));
      const out = new Float64Array(n * m);
      multiplyABt(a, b, out, n, m, k);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let t = 0; t < k; t++) s += a[i * k + t] * b[j * k + t];
          expect(out[i * m + j]).toBeCloseTo(s, 12);
        }
      }
    }
  });
});

describe('transposeInto', () => {
  it('transposes a row-major matrix', () => {
    const out = new Float64Array(6);
    transposeInto(Float64Array.from([1, 2, 3, 4, 5, 6]), 2, 3, out);
    expect(Array.from(out)).toEqual([1, 4, 2, 5, 3, 6]);
  });
});
