import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import {
  buildMapReference,
  buildRankDistanceReference,
  matchPaperDataset,
  measuredLabel,
  PAPER_MAP,
  PAPER_MAX_RANK_DISTANCE,
  paperSourceLabel,
} from './paper-reference';
import { tinyReport } from './tiny-report.fixture';

describe('paper reference data', () => {
  it('holds Table 1 and the rank-distance table for both models, strategies and datasets', () => {
    expect(PAPER_MAP).toHaveLength(12);
    expect(PAPER_MAX_RANK_DISTANCE).toHaveLength(12);
    expect(PAPER_MAP.find((r) => r.model === 'XLM-R' && r.strategy === 'Hybrid' && r.dataset === 'XQuAD-R')).toMatchObject({
      mono: 0.798,
      cross: 0.705,
      multi: 0.593,
    });
    expect(PAPER_MAX_RANK_DISTANCE.find((r) => r.model === 'LaBSE' && r.strategy === 'X-Y' && r.dataset === 'MLQA-R')?.value).toBe(198.3);
  });

  it('labels where each number comes from', () => {
    expect(paperSourceLabel('XLM-R')).toBe('Paper (XLM-R, full fine-tuning), arXiv 2408.10536 Table 1');
    expect(measuredLabel(tinyReport())).toBe('Measured here: bm25 on tiny');
  });

  it('recognises the paper datasets by corpus name', () => {
    expect(matchPaperDataset('xquad-r')).toBe('XQuAD-R');
    expect(matchPaperDataset('MLQA-R (dev)')).toBe('MLQA-R');
    expect(matchPaperDataset('Demo: 48 facts in 15 languages')).toBeNull();
  });

  it('puts the paper strategies and the measured report side by side per setting', () => {
    const data = buildMapReference('XLM-R', 'XQuAD-R', [tinyReport()]);
    expect(data.series.map((s) => s.label)).toEqual(['Paper XLM-R X-X-mono', 'Paper XLM-R X-Y', 'Paper XLM-R Hybrid', 'Measured: bm25']);
    expect(data.series[0].attribution).toBe('Paper (XLM-R, full fine-tuning), arXiv 2408.10536 Table 1');
    expect(data.series[3].attribution).toBe('Measured here: bm25 on tiny');
    expect(data.rows[2]).toEqual({ setting: 'multi', 'paper:X-X-mono': 0.547, 'paper:X-Y': 0.593, 'paper:Hybrid': 0.593, 'measured:0': 0.5 });
  });

  it('gives rank distances as a share of each pool, so different pool sizes compare', () => {
    const corpus: Corpus = {
      name: 'tiny',
      languages: ['en', 'de', 'fr'],
      questions: [],
      passages: ['en', 'de', 'fr', 'en'].map((lang, i) => ({ id: `p${i}`, lang, text: 'x' })),
    };
    const rows = buildRankDistanceReference('XLM-R', 'XQuAD-R', [{ report: tinyReport(), corpus }]);
    expect(rows[0]).toMatchObject({ label: 'Paper XLM-R X-X-mono', value: 410.2, poolSize: 13014 });
    expect(rows[0].percentOfPool).toBeCloseTo(3.152, 3);
    // The report covers en and de: 3 of the 4 passages are in its pool; distance 6 is 200% of 3.
    expect(rows[0].attribution).toBe('Paper (XLM-R, full fine-tuning), arXiv 2408.10536 language-bias table');
    expect(rows[3]).toMatchObject({ label: 'Measured: bm25', attribution: 'Measured here: bm25 on tiny', value: 6, poolSize: 3, percentOfPool: 200 });
    expect(buildRankDistanceReference('LaBSE', 'MLQA-R', [])[0]).toMatchObject({ value: 225.3, percentOfPool: null });
  });
});
