import { describe, expect, it } from 'vitest';
import { macroAverage, meanMetrics, summarisePairCells } from './aggregate';
import { METRIC_NAMES } from './registry';
import { computeQueryMetrics } from './query-metrics';
import type { MeanMetrics } from './types';

/** A cell whose every metric equals `value`. */
function cell(value: number, queries: number): MeanMetrics {
  return { ap: value, recallAt1: value, recallAt10: value, rr: value, ndcgAt10: value, maxRankDistance: value, queries };
}

describe('meanMetrics', () => {
  it('averages each metric over the queries of a cell', () => {
    const mean = meanMetrics([computeQueryMetrics([1, 3, 6]), computeQueryMetrics([4])]);
    expect(mean.queries).toBe(2);
    expect(mean.ap).toBeCloseTo((0.722222 + 0.25) / 2, 6);
    expect(mean.rr).toBeCloseTo(0.625, 12);
    expect(mean.maxRankDistance).toBe(2.5);
  });

  it('refuses an empty cell', () => {
    expect(() => meanMetrics([])).toThrow(/no queries to average/);
  });
});

describe('macroAverage', () => {
  it('weighs cells equally, which differs from the per-query (micro) average when cells differ in size', () => {
    const big = meanMetrics([computeQueryMetrics([1]), computeQueryMetrics([1]), computeQueryMetrics([1])]);
    const small = meanMetrics([computeQueryMetrics([4])]);
    const macro = macroAverage([big, small]);
    const micro = meanMetrics([1, 1, 1, 4].map((rank) => computeQueryMetrics([rank])));
    expect(macro.ap).toBeCloseTo((1 + 0.25) / 2, 12); // 0.625
    expect(micro.ap).toBeCloseTo((1 + 1 + 1 + 0.25) / 4, 12); // 0.8125
    expect(macro.queries).toBe(4);
  });

  it('covers every metric', () => {
    const macro = macroAverage([cell(0.2, 5), cell(0.6, 1)]);
    for (const name of METRIC_NAMES) expect(macro[name]).toBeCloseTo(0.4, 12);
    expect(METRIC_NAMES).toHaveLength(6);
  });
});

describe('summarisePairCells', () => {
  it('averages the diagonal as monolingual and the rest as cross-lingual', () => {
    const cells = new Map([
      ['en->en', cell(0.9, 10)],
      ['de->de', cell(0.7, 20)],
      ['en->de', cell(0.5, 10)],
      ['de->en', cell(0.3, 20)],
      ['el->en', cell(0.1, 5)],
    ]);
    const { mono, cross } = summarisePairCells(cells);
    expect(mono.ap).toBeCloseTo(0.8, 12);
    expect(mono.queries).toBe(30);
    expect(cross.ap).toBeCloseTo(0.3, 12);
    expect(cross.queries).toBe(35);
  });

  it('names what is missing', () => {
    expect(() => summarisePairCells(new Map([['en->de', cell(1, 1)]]))).toThrow(/no X->X cell/);
    expect(() => summarisePairCells(new Map([['en', cell(1, 1)]]))).toThrow(/"en" is not a pair key/);
  });
});
