import { describe, expect, it } from 'vitest';
import type { MeanMetrics } from '../core/metrics/types';
import { formatSummaryLine } from './summary-line';

const macro: MeanMetrics = { ap: 0.74012, recallAt1: 0.66481, recallAt10: 0.8694, rr: 0.74012, ndcgAt10: 0.76953, maxRankDistance: 11392.34, queries: 12 };

describe('formatSummaryLine', () => {
  it('prints the ratios with four decimals, and the rank distance in the multilingual setting only', () => {
    expect(formatSummaryLine('mono', macro)).toBe('mono  mAP 0.7401  R@1 0.6648  R@10 0.8694  MRR 0.7401  nDCG@10 0.7695');
    expect(formatSummaryLine('multi', macro)).toBe('multi mAP 0.7401  R@1 0.6648  R@10 0.8694  MRR 0.7401  nDCG@10 0.7695  mean max rank distance 11392.3');
  });
});
