import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { evaluateCorpus } from '../evaluation/evaluate-corpus';
import { createBm25Retriever } from '../retrieval/bm25';
import { isImprovement, METRIC_NAMES, METRICS, metricsFor, SETTING_NAMES, SETTINGS } from './registry';

// Two questions in English and German, each answered by one passage per language.
const corpus: Corpus = {
  name: 'tiny',
  languages: ['en', 'de'],
  passages: [
    { id: 'en/p1', lang: 'en', text: 'red apples grow on trees' },
    { id: 'en/p2', lang: 'en', text: 'fast trains cross the bridge' },
    { id: 'de/p1', lang: 'de', text: 'rote äpfel wachsen an bäumen' },
    { id: 'de/p2', lang: 'de', text: 'schnelle züge fahren über die brücke' },
  ],
  questions: [
    { id: 'q1/en', qid: 'q1', lang: 'en', text: 'where do apples grow', relevant: ['en/p1', 'de/p1'] },
    { id: 'q2/en', qid: 'q2', lang: 'en', text: 'what crosses the bridge', relevant: ['en/p2', 'de/p2'] },
    { id: 'q1/de', qid: 'q1', lang: 'de', text: 'wo wachsen äpfel', relevant: ['en/p1', 'de/p1'] },
    { id: 'q2/de', qid: 'q2', lang: 'de', text: 'was fährt über die brücke', relevant: ['en/p2', 'de/p2'] },
  ],
};

describe('metric registry', () => {
  it('has an entry for every metric an evaluation computes, in the order the report stores them', async () => {
    const report = await evaluateCorpus(corpus, createBm25Retriever(), { keepQueries: true });
    for (const setting of SETTING_NAMES) {
      const s = report.settings[setting]!;
      expect(
        Object.keys(s.macro).filter((k) => k !== 'queries'),
        setting,
      ).toEqual(METRIC_NAMES);
      for (const cell of s.cells) {
        for (const q of cell.queries ?? []) expect(Object.keys(q.metrics)).toEqual(METRIC_NAMES);
      }
    }
  });

  it('names, rounds and orders each metric as the paper does', () => {
    expect(METRIC_NAMES.map((m) => [METRICS[m].shortLabel, METRICS[m].digits, METRICS[m].lowerIsBetter])).toEqual([
      ['mAP', 3, false],
      ['R@1', 3, false],
      ['R@10', 3, false],
      ['MRR', 3, false],
      ['nDCG@10', 3, false],
      ['mean max rank distance', 1, true],
    ]);
    expect(METRICS.ap.label).toBe('Mean average precision');
    expect(METRIC_NAMES.map((m) => METRICS[m].column)).toEqual(['map', 'recall_at_1', 'recall_at_10', 'mrr', 'ndcg_at_10', 'max_rank_distance']);
  });

  it('gives the rank distance to the multilingual setting only', () => {
    expect(metricsFor('mono').map((m) => m.name)).toEqual(['ap', 'recallAt1', 'recallAt10', 'rr', 'ndcgAt10']);
    expect(metricsFor('multi').map((m) => m.name)).toContain('maxRankDistance');
  });

  it('labels the settings', () => {
    expect(SETTING_NAMES.map((s) => `${SETTINGS[s].label} (${SETTINGS[s].direction})`)).toEqual([
      'Monolingual (X → X)',
      'Cross-lingual (X → Y)',
      'Multilingual (X → all)',
    ]);
  });

  it('prints ratios as the paper does and signed deltas with a real minus', () => {
    expect(METRICS.ap.format(0.79251)).toBe('.793');
    expect(METRICS.ap.format(1)).toBe('1.000');
    expect(METRICS.maxRankDistance.format(410.24)).toBe('410.2');
    expect(METRICS.ap.format(null)).toBe('–');
    expect(METRICS.ap.format(Number.NaN)).toBe('–');
    expect(METRICS.ap.formatDelta(-0.0123)).toBe('−0.012');
    expect(METRICS.maxRankDistance.formatDelta(12.34)).toBe('+12.3');
    expect(METRICS.ap.formatDelta(0.00001)).toBe('±0.000');
  });

  it('calls a lower rank distance and a higher mAP an improvement, and no change neither', () => {
    expect(isImprovement('maxRankDistance', -2)).toBe(true);
    expect(isImprovement('ap', -0.05)).toBe(false);
    expect(isImprovement('ap', 0)).toBeNull();
    expect(isImprovement('ap', null)).toBeNull();
  });
});
