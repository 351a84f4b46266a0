import type { CellReport, EvalReport } from '../evaluation/eval-report';
import type { MeanMetrics, QueryMetrics } from '../metrics/types';

/** Hand-made figures for tests: two languages, two questions each, so every number can be checked by eye. */
function m(ap: number, maxRankDistance = 0, queries = 2): MeanMetrics {
  return { ap, recallAt1: ap >= 0.5 ? 1 : 0, recallAt10: 1, rr: ap, ndcgAt10: ap, maxRankDistance, queries };
}
function q(ap: number, maxRankDistance: number): QueryMetrics {
  return { ap, recallAt1: ap >= 0.5 ? 1 : 0, recallAt10: 1, rr: ap, ndcgAt10: ap, maxRankDistance };
}
function cell(key: string, metrics: MeanMetrics, extra: Partial<CellReport> = {}): CellReport {
  const [queryLang, passageLang] = key.split('->');
  return { key, queryLang, passageLang, metrics, skipped: 0, ...extra };
}

export function tinyReport(): EvalReport {
  return {
    corpus: 'tiny',
    retriever: 'bm25',
    languages: ['en', 'de'],
    settings: {
      mono: { setting: 'mono', macro: m(0.85, 0, 4), cells: [cell('en->en', m(0.9)), cell('de->de', m(0.8))] },
      cross: { setting: 'cross', macro: m(0.25, 0, 4), cells: [cell('en->de', m(0.2)), cell('de->en', m(0.3))] },
      multi: {
        setting: 'multi',
        macro: m(0.5, 6, 4),
        cells: [
          cell('en->*', m(0.6, 5), {
            queries: [
              { queryId: 'q1/en', qid: 'q1', lang: 'en', metrics: q(0.7, 1), relevantRanks: [1, 2], top: ['p1.en', 'p1.de'] },
              { queryId: 'q2/en', qid: 'q2', lang: 'en', metrics: q(0.5, 9), relevantRanks: [1, 10], top: ['p2.en', 'p1.en'] },
            ],
          }),
          cell('de->*', m(0.4, 7), {
            skipped: 1,
            queries: [
              { queryId: 'q1/de', qid: 'q1', lang: 'de', metrics: q(0.4, 3), relevantRanks: [2, 5], top: ['p2.de', 'p1.de'] },
              { queryId: 'q2/de', qid: 'q2', lang: 'de', metrics: q(0.4, 11), relevantRanks: [1, 12], top: ['p2.de', 'p1.de'] },
            ],
          }),
        ],
      },
    },
    languageMix: new Map([
      [
        'en',
        new Map([
          ['en', 0.75],
          ['de', 0.25],
        ]),
      ],
      [
        'de',
        new Map([
          ['de', 0.9 + 1e-12],
          ['en', 0.1],
        ]),
      ],
    ]),
    mixK: 10,
    tieBreak: 'score descending, then passage id descending (as trec_eval)',
    elapsedMs: 12,
  };
}
