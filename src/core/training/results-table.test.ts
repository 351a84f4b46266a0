import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../evaluation/eval-report';
import type { MeanMetrics } from '../metrics/types';
import { buildResultRow, formatResultsMarkdown } from './results-table';

const metrics = (ap: number, r1: number, r10: number, dist: number): MeanMetrics => ({
  ap,
  recallAt1: r1,
  recallAt10: r10,
  rr: 0,
  ndcgAt10: 0,
  maxRankDistance: dist,
  queries: 4,
});

const report = {
  settings: {
    mono: { setting: 'mono', macro: metrics(0.9, 0.8, 1, 0), cells: [] },
    multi: { setting: 'multi', macro: metrics(0.5, 0.3, 0.7, 12.345), cells: [] },
  },
} as unknown as EvalReport;

describe('results table', () => {
  it("takes the paper's figures per setting, null where a setting was not run", () => {
    expect(buildResultRow('hybrid', 'Hybrid batches', report)).toEqual({
      key: 'hybrid',
      label: 'Hybrid batches',
      monoMap: 0.9,
      monoR1: 0.8,
      crossMap: null,
      crossR1: null,
      multiMap: 0.5,
      multiR10: 0.7,
      maxRankDistance: 12.345,
    });
  });

  it('prints a markdown table with one row per strategy', () => {
    const md = formatResultsMarkdown([buildResultRow('hybrid', 'Hybrid batches', report)]).split('\n');
    expect(md[0]).toBe('| strategy | mono mAP | mono R@1 | cross mAP | cross R@1 | multi mAP | multi R@10 | mean max rank distance (lower is better) |');
    expect(md[1]).toBe('|---|---:|---:|---:|---:|---:|---:|---:|');
    expect(md[2]).toBe('| Hybrid batches | 0.900 | 0.800 | – | – | 0.500 | 0.700 | 12.3 |');
  });
});
