import { describe, expect, it } from 'vitest';
import { computeQueryMetrics, ndcgAtK, recallAtK } from './query-metrics';

describe('computeQueryMetrics', () => {
  it('scores relevant ranks [1, 3, 6] by hand', () => {
    const m = computeQueryMetrics([1, 3, 6]);
    expect(m.ap).toBeCloseTo((1 / 1 + 2 / 3 + 3 / 6) / 3, 12); // 0.7222
    expect(m.ap).toBeCloseTo(0.722222, 6);
    expect(m.rr).toBe(1);
    expect(m.recallAt1).toBeCloseTo(1 / 3, 12);
    expect(m.recallAt10).toBe(1);
    // DCG = 1/log2(2) + 1/log2(4) + 1/log2(7); ideal = 1/log2(2) + 1/log2(3) + 1/log2(4)
    expect(m.ndcgAt10).toBeCloseTo((1 + 0.5 + 0.356207) / (1 + 0.63093 + 0.5), 5); // 0.871087
    expect(m.maxRankDistance).toBe(5);
  });

  it('scores a single relevant candidate at rank 4', () => {
    const m = computeQueryMetrics([4]);
    expect(m).toEqual({
      ap: 0.25,
      rr: 0.25,
      recallAt1: 0,
      recallAt10: 1,
      ndcgAt10: 1 / Math.log2(5),
      maxRankDistance: 0,
    });
  });

  it('caps Recall@10 at 10/11 for a perfect ranking of 11 relevant translations (XQuAD-R multilingual)', () => {
    const m = computeQueryMetrics([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(m.recallAt10).toBeCloseTo(10 / 11, 12);
    expect(m.recallAt1).toBeCloseTo(1 / 11, 12);
    expect(m.ap).toBe(1);
    expect(m.ndcgAt10).toBeCloseTo(1, 12);
    expect(m.maxRankDistance).toBe(10);
  });

  it('gives no nDCG@10 or Recall@10 credit past rank 10', () => {
    const m = computeQueryMetrics([12, 40]);
    expect(m.ndcgAt10).toBe(0);
    expect(m.recallAt10).toBe(0);
    expect(m.ap).toBeCloseTo((1 / 12 + 2 / 40) / 2, 12);
    expect(m.rr).toBeCloseTo(1 / 12, 12);
    expect(m.maxRankDistance).toBe(28);
  });

  it('counts only ranks within k for recall and nDCG at other cut-offs', () => {
    expect(recallAtK([2, 5, 9], 5)).toBeCloseTo(2 / 3, 12);
    expect(ndcgAtK([2], 1)).toBe(0);
    expect(ndcgAtK([1, 2], 1)).toBe(1);
  });

  it('refuses queries without relevant candidates and malformed ranks', () => {
    expect(() => computeQueryMetrics([])).toThrow(/no relevant candidates/);
    expect(() => computeQueryMetrics([3, 1])).toThrow(/relevantRanks\[1\] = 1; expected strictly ascending/);
    expect(() => computeQueryMetrics([0])).toThrow(/relevantRanks\[0\] = 0/);
    expect(() => computeQueryMetrics([1.5])).toThrow(/1-based integer/);
    expect(() => computeQueryMetrics([2, 2])).toThrow(/strictly ascending/);
  });
});
