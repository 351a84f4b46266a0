import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import { fitPca, projectPca } from './pca';

// Two orthonormal directions in 4-D, chosen so each has one clearly largest coordinate.
const u1 = [0.36, 0.48, 0.8, 0];
const u2 = [0.8, -0.6, 0, 0];
const offset = [10, -3, 7, 1];

function rowsOf(points: number[][]): Float32Array {
  return Float32Array.from(points.flat());
}
function scaled(u: number[], s: number): number[] {
  return u.map((x, j) => x * s + offset[j]);
}
function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) s += a[j] * b[j];
  return s;
}

describe('fitPca', () => {
  // Points at +-5 u1 and +-2 u2 (plus an offset): the covariance is (50 u1u1^T + 8 u2u2^T) / 3 exactly.
  const data = rowsOf([scaled(u1, 5), scaled(u1, -5), scaled(u2, 2), scaled(u2, -2)]);

  it('recovers the principal axes, their variances and the mean', () => {
    const pca = fitPca(data, 4);
    expect(Array.from(pca.axes.subarray(0, 4))).toEqual(u1.map((x) => expect.closeTo(x, 6)));
    expect(Array.from(pca.axes.subarray(4, 8))).toEqual(u2.map((x) => expect.closeTo(x, 6)));
    expect(pca.variances[0]).toBeCloseTo(50 / 3, 5); // inputs are float32
    expect(pca.variances[1]).toBeCloseTo(8 / 3, 5);
    expect(pca.totalVariance).toBeCloseTo(58 / 3, 4);
    expect(Array.from(pca.mean)).toEqual(offset.map((x) => expect.closeTo(x, 5)));
  });

  it('gives the same signs whether the data is built from u or -u', () => {
    const flipped = rowsOf([scaled(u1, -5), scaled(u1, 5), scaled(u2, -2), scaled(u2, 2)]);
    const a = fitPca(data, 4, { seed: 1 });
    const b = fitPca(flipped, 4, { seed: 99 });
    for (let j = 0; j < 8; j++) expect(b.axes[j]).toBeCloseTo(a.axes[j], 6);
    // The largest-magnitude coordinate of each axis is positive.
    expect(a.axes[2]).toBeGreaterThan(0);
    expect(a.axes[4]).toBeGreaterThan(0);
  });

  it('projects points onto the axes after removing the mean', () => {
    const pca = fitPca(data, 4);
    const xy = projectPca(pca, rowsOf([scaled(u1, 5), scaled(u2, -2), offset]));
    expect(Array.from(xy)).toEqual([5, 0, 0, -2, 0, 0].map((x) => expect.closeTo(x, 4)));
  });

  it('finds the axes of a noisy Gaussian cloud in a rotated basis', () => {
    const rng = createRng(7);
    const dim = 10;
    // A random orthonormal basis (Gram-Schmidt on Gaussian vectors).
    const basis: number[][] = [];
    while (basis.length < 3) {
      const v = Array.from({ length: dim }, () => rng.normal());
      for (const b of basis) {
        const d = dot(v, b);
        for (let j = 0; j < dim; j++) v[j] -= d * b[j];
      }
      const n = Math.sqrt(dot(v, v));
      basis.push(v.map((x) => x / n));
    }
    const stds = [3, 1, 0.3];
    const rows = 4000;
    const points = new Float32Array(rows * dim);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < 3; c++) {
        const s = rng.normal() * stds[c];
        for (let j = 0; j < dim; j++) points[r * dim + j] += s * basis[c][j];
      }
      for (let j = 0; j < dim; j++) points[r * dim + j] += rng.normal() * 0.05;
    }
    const pca = fitPca(points, dim, { components: 3 });
    for (let c = 0; c < 3; c++) {
      expect(Math.abs(dot(pca.axes.subarray(c * dim, (c + 1) * dim), basis[c]))).toBeGreaterThan(0.999);
      expect(Math.sqrt(pca.variances[c])).toBeCloseTo(stds[c], 1);
    }
    // Axes are orthonormal.
    expect(dot(pca.axes.subarray(0, dim), pca.axes.subarray(dim, 2 * dim))).toBeCloseTo(0, 8);
    expect(dot(pca.axes.subarray(dim, 2 * dim), pca.axes.subarray(dim, 2 * dim))).toBeCloseTo(1, 8);
  });

  it('returns a zero-variance axis orthogonal to the first when the data lies on a line', () => {
    const line = rowsOf([scaled(u1, 1), scaled(u1, 2), scaled(u1, 3)]);
    const pca = fitPca(line, 4);
    expect(pca.variances[0]).toBeCloseTo(1, 6);
    expect(pca.variances[1]).toBeCloseTo(0, 10);
    expect(dot(pca.axes.subarray(0, 4), pca.axes.subarray(4, 8))).toBeCloseTo(0, 8);
    expect(dot(pca.axes.subarray(4, 8), pca.axes.subarray(4, 8))).toBeCloseTo(1, 8);
  });

  it('rejects data that is not whole rows, and too many components', () => {
    expect(() => fitPca(new Float32Array(7), 4)).toThrow(/7 numbers, not a whole number of rows of 4/);
    expect(() => fitPca(new Float32Array(8), 4, { components: 5 })).toThrow(/components must be an integer in 1..4/);
    expect(() => fitPca(new Float32Array(0), 4)).toThrow(/no rows/);
  });
});
