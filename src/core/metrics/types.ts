import type { LangCode } from '../corpus/types';

/**
 * What one query's ranking yields for the metrics: the 1-based ranks of its relevant candidates
 * within the pool it was ranked against (ascending), and the size of its relevant set there.
 * Ties in score are broken as trec_eval does (higher score first, then candidate id in
 * descending code-unit order), so our figures equal trec_eval's on our run files.
 */
export interface RankedQuery {
  queryId: string;
  qid: string;
  lang: LangCode;
  /** Ascending, 1-based, one per relevant candidate in the pool. */
  relevantRanks: number[];
  /** Indices into the pool of the top-k candidates, best first, with their scores. */
  top: Int32Array;
  topScores: Float32Array;
}

/** Per-query figures. */
export interface QueryMetrics {
  ap: number;
  recallAt1: number;
  recallAt10: number;
  rr: number;
  ndcgAt10: number;
  /** Highest minus lowest rank of the relevant candidates (0 when only one). */
  maxRankDistance: number;
}

export type MetricName = keyof QueryMetrics;

/** Figures averaged over the queries of one cell (a language, or a language pair). */
export type MeanMetrics = QueryMetrics & { queries: number };

export type SettingName = 'mono' | 'cross' | 'multi';
