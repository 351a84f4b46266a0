import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEAP_MAX_K, kthLargest } from './kth-largest';

/** Reference: sort the row's numbers descending and read the k-th. */
function bySort(row: Float32Array, k: number): number {
  const numbers = Array.from(row).filter((s) => !Number.isNaN(s));
  numbers.sort((a, b) => b - a);
  return numbers.length < k ? -Infinity : numbers[k - 1];
}

describe('kthLargest', () => {
  it('reads the k-th best score, counting equal scores once each', () => {
    const row = Float32Array.from([0.2, 0.9, 0.5, 0.9, 0.1]);
    expect(kthLargest(row, 0, 5, 1)).toBeCloseTo(0.9);
    expect(kthLargest(row, 0, 5, 2)).toBeCloseTo(0.9);
    expect(kthLargest(row, 0, 5, 3)).toBeCloseTo(0.5);
  });

  it('never counts NaN, and gives -Infinity when fewer than k scores are numbers', () => {
    const row = Float32Array.from([NaN, 0.3, NaN, 0.7]);
    expect(kthLargest(row, 0, 4, 2)).toBeCloseTo(0.3);
    expect(kthLargest(row, 0, 4, 3)).toBe(-Infinity);
  });

  it('reads only its own row of a block', () => {
    const block = Float32Array.from([9, 9, 0.1, 0.3, 0.2, 9]);
    expect(kthLargest(block, 2, 3, 1)).toBeCloseTo(0.3);
  });

  it('refuses a k outside the row', () => {
    expect(() => kthLargest(new Float32Array(3), 0, 3, 4)).toThrow(/k must be an integer in \[1, 3\], got 4/);
    expect(() => kthLargest(new Float32Array(3), 0, 3, 0)).toThrow(/got 0/);
  });

  it('agrees with a sort for small k (heap) and large k (quickselect), with ties, infinities and NaN', () => {
    const score = fc.oneof(
      fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 0.5),
      fc.float({ noNaN: true, min: -1, max: 1 }),
      fc.integer({ min: -3, max: 3 }).map((i) => i / 4),
    );
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 300 }), fc.nat(), (values, pick) => {
        const row = Float32Array.from(values);
        const k = 1 + (pick % row.length);
        // === rather than toBe: 0 and -0 are the same score.
        expect(kthLargest(row, 0, row.length, k) === bySort(row, k)).toBe(true);
      }),
      { numRuns: 400 },
    );
    expect(HEAP_MAX_K).toBeLessThan(300); // so the runs above reach both paths
  });
});
