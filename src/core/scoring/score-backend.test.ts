import { describe, expect, it } from 'vitest';
import { dotScores } from '../numeric/row-matrix';
import { exactDot, exactDots } from './score-backend';

describe('exactDots', () => {
  it("equals the TypeScript kernel's scores bit for bit, however many rows are asked for at once", () => {
    const dim = 37;
    // Values whose products and sums round differently in float32 and float64.
    const query = Float32Array.from({ length: dim }, (_, j) => Math.sin(j * 1.7) / 3);
    const passages = Float32Array.from({ length: 11 * dim }, (_, j) => Math.cos(j * 0.37) / 7);
    const kernel = dotScores(query, passages, dim);
    const shift = 2;
    for (let count = 0; count <= 9; count++) {
      const cols = Int32Array.from({ length: count }, (_, i) => (i * 5) % 9); // repeats and any order
      const out = new Float64Array(count);
      exactDots(query, 0, passages, cols, count, shift, dim, out);
      expect(Array.from(out)).toEqual(Array.from(cols, (c) => kernel[c + shift]));
      expect(Array.from(out)).toEqual(Array.from(cols, (c) => exactDot(query, 0, passages, (c + shift) * dim, dim)));
    }
  });
});
