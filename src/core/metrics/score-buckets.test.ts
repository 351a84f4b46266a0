import { describe, expect, it } from 'vitest';
import { bucketOf, spanScoreBuckets } from './score-buckets';

describe('score buckets', () => {
  it('cuts the range into equal buckets, with hi and above in the top one', () => {
    const { lo, hi, scale, top } = spanScoreBuckets(0, 1, 4);
    const at = (s: number) => bucketOf(s, lo, hi, scale, top);
    expect([0, 0.24, 0.25, 0.5, 0.99, 1, 7].map(at)).toEqual([0, 0, 1, 2, 3, 3, 3]);
    expect(at(Infinity)).toBe(3);
  });

  it('sends NaN, -Infinity and anything below the range to bucket 0', () => {
    const { lo, hi, scale, top } = spanScoreBuckets(-1, 1, 8);
    expect([NaN, -Infinity, -5].map((s) => bucketOf(s, lo, hi, scale, top))).toEqual([0, 0, 0]);
  });

  it('never puts a lower score in a higher bucket', () => {
    const { lo, hi, scale, top } = spanScoreBuckets(0.3, 0.3000001, 4096);
    let previous = 0;
    for (let s = 0.29999; s <= 0.30001; s += 1e-9) {
      const b = bucketOf(Math.fround(s), lo, hi, scale, top);
      expect(b).toBeGreaterThanOrEqual(previous);
      previous = b;
    }
    expect(previous).toBe(top);
  });

  it('puts every score below hi in bucket 0 when the range has no width', () => {
    const { lo, hi, scale, top } = spanScoreBuckets(0.5, 0.5, 16);
    expect([0.4, 0.5, 0.6].map((s) => bucketOf(s, lo, hi, scale, top))).toEqual([0, 15, 15]);
  });
});
