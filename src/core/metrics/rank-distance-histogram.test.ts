import { describe, expect, it } from 'vitest';
import { histogram } from './rank-distance-histogram';

const counts = (bins: { count: number }[]) => bins.map((b) => b.count);

describe('histogram', () => {
  it('bins integer distances in whole-number, half-open bins from 0', () => {
    // 0..24 span 25 integers; 25 / 5 = 5 per bin.
    const bins = histogram([0, 3, 7, 10, 24], 5);
    expect(bins.map((b) => [b.start, b.end])).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
      [20, 25],
    ]);
    expect(counts(bins)).toEqual([2, 1, 1, 0, 1]);
  });

  it('rounds the width up to a round number and never splits an integer', () => {
    const bins = histogram([0, 1, 2], 10);
    expect(bins).toEqual([
      { start: 0, end: 1, count: 1 },
      { start: 1, end: 2, count: 1 },
      { start: 2, end: 3, count: 1 },
    ]);
    const wide = histogram([0, 11_000], 20); // 11001 / 20 = 550.05 -> width 1000
    expect(wide).toHaveLength(12);
    expect(wide[1]).toEqual({ start: 1000, end: 2000, count: 0 });
    expect(wide[11]).toEqual({ start: 11_000, end: 12_000, count: 1 });
  });

  it('closes the last bin for fractional values', () => {
    const bins = histogram([0.1, 0.5, 1], 2);
    expect(bins.map((b) => [b.start, b.end])).toEqual([
      [0, 0.5],
      [0.5, 1],
    ]);
    expect(counts(bins)).toEqual([1, 2]);
  });

  it('stops at max when given and counts larger values in the last bin', () => {
    const bins = histogram([1, 5, 50], 2, 9);
    expect(bins.map((b) => [b.start, b.end, b.count])).toEqual([
      [0, 5, 1],
      [5, 10, 2],
    ]);
  });

  it('returns no bins for no values unless a range is given', () => {
    expect(histogram([], 4)).toEqual([]);
    expect(counts(histogram([], 4, 7))).toEqual([0, 0, 0, 0]);
  });

  it('rejects negative or non-finite values and a bad bin count', () => {
    expect(() => histogram([1, -2], 3)).toThrow(/values\[1\] = -2/);
    expect(() => histogram([NaN], 3)).toThrow(/values\[0\] = NaN/);
    expect(() => histogram([1], 0)).toThrow(/binCount must be a positive integer/);
  });
});
