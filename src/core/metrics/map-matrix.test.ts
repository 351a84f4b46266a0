import { describe, expect, it } from 'vitest';
import { buildPairMatrix } from './map-matrix';
import { pairKey } from './pair-key';
import type { MeanMetrics } from './types';

function cell(ap: number, recallAt1: number): MeanMetrics {
  return { ap, recallAt1, recallAt10: 1, rr: ap, ndcgAt10: ap, maxRankDistance: 0, queries: 3 };
}

describe('buildPairMatrix', () => {
  const cells = new Map([
    [pairKey('en', 'en'), cell(0.9, 0.8)],
    [pairKey('en', 'de'), cell(0.6, 0.5)],
    [pairKey('de', 'en'), cell(0.5, 0.4)],
    [pairKey('de', 'de'), cell(0.8, 0.7)],
    [pairKey('en', 'zh'), cell(0.3, 0.2)],
  ]);

  it('puts query languages on rows, passage languages on columns and monolingual on the diagonal', () => {
    expect(buildPairMatrix(cells, ['en', 'de'], 'ap')).toEqual({
      langs: ['en', 'de'],
      values: [
        [0.9, 0.6],
        [0.5, 0.8],
      ],
    });
  });

  it('reads the requested metric and leaves pairs that were not evaluated empty', () => {
    expect(buildPairMatrix(cells, ['en', 'zh'], 'recallAt1').values).toEqual([
      [0.8, 0.2],
      [null, null],
    ]);
  });
});
