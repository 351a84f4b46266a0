import type { LangCode, Passage } from '../corpus/types';
import { compareCandidates } from '../metrics/candidate-order';
import { computeQueryMetrics } from '../metrics/query-metrics';
import { rankRelevant, tieKeysDescendingById } from '../metrics/rank-relevant';
import { selectTopK } from '../metrics/top-k';
import type { QueryMetrics } from '../metrics/types';

/** What ranking needs of a passage: its id (the tie rule) and language (badges, the ladder). */
export type PoolPassage = Pick<Passage, 'id' | 'lang'>;

/** One row of a ranked list: a pool passage, where it landed and whether it answers the question. */
export interface RankedCandidate {
  /** Index into the pool. */
  index: number;
  id: string;
  lang: LangCode;
  score: number;
  /** 1-based. */
  rank: number;
  relevant: boolean;
  /**
   * Answers only: the ranks this passage shares with every passage of the same score (BM25's
   * zero scores tie by the hundred); `rank` is one of them, placed by passage id.
   */
  tieFirst?: number;
  tieLast?: number;
}

/** One free-text or benchmark query ranked against one pool. */
export interface OneQueryRanking {
  poolSize: number;
  /** The best k, best first. */
  top: RankedCandidate[];
  /** Every relevant passage present in the pool, best first (empty for free text). */
  answers: RankedCandidate[];
  /** The query's figures in this pool; null when no relevant passage is in it. */
  metrics: QueryMetrics | null;
}

/**
 * Ranks one query's score row over a pool with the evaluation's exact tie rule (score descending,
 * then passage id descending, as trec_eval), so a rank shown for one question equals the rank the
 * whole-corpus evaluation gives it. `relevant` may name passages outside the pool; they are ignored.
 * Pass `tieKey` (tieKeysDescendingById of the pool ids) when ranking many queries against one pool.
 */
export function rankOneQuery(
  scores: Float32Array,
  pool: readonly PoolPassage[],
  relevant: Iterable<string>,
  k: number,
  tieKey: Int32Array = tieKeysDescendingById(pool.map((p) => p.id)),
): OneQueryRanking {
  if (scores.length !== pool.length) {
    throw new RangeError(`rankOneQuery: ${scores.length} scores for a pool of ${pool.length} passages; expected one per passage`);
  }
  const wanted = new Set(relevant);
  const relIndices: number[] = [];
  pool.forEach((p, i) => {
    if (wanted.has(p.id)) relIndices.push(i);
  });
  const candidate = (index: number, rank: number): RankedCandidate => ({
    index,
    id: pool[index].id,
    lang: pool[index].lang,
    score: scores[index],
    rank,
    relevant: wanted.has(pool[index].id),
  });

  const best = selectTopK(scores, 0, pool.length, k, tieKey);
  const top = Array.from(best.indices, (index, i) => candidate(index, i + 1));

  // rankRelevant returns ascending ranks for the relevant items in best-first order; sorting them
  // by the same comparator pairs each rank with its passage.
  const ranks = rankRelevant(scores, 0, pool.length, Int32Array.from(relIndices), tieKey);
  const order = [...relIndices].sort((a, b) => compareCandidates(scores[a], tieKey[a], scores[b], tieKey[b]) || a - b);
  const answers = order.map((index, p) => ({ ...candidate(index, ranks[p]), ...tieRangeOf(scores, scores[index]) }));
  return { poolSize: pool.length, top, answers, metrics: ranks.length ? computeQueryMetrics(ranks) : null };
}

/** The ranks a score shares in a pool: 1 + how many score higher, to how many score at least as high. */
export function tieRangeOf(scores: ArrayLike<number>, score: number): { tieFirst: number; tieLast: number } {
  let higher = 0;
  let same = 0;
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] > score) higher++;
    else if (scores[i] === score) same++;
  }
  return { tieFirst: higher + 1, tieLast: higher + Math.max(same, 1) };
}

/** The best-ranked answer of each language: one rung per language of the ladder view. */
export interface LadderRung {
  lang: LangCode;
  rank: number;
  id: string;
  score: number;
  /** As the answer's (when known): the range of ranks its score ties over. */
  tieFirst?: number;
  tieLast?: number;
}

export interface AnswerLadder {
  /** Best rank first. */
  rungs: LadderRung[];
  /** Highest minus lowest rung rank: the maximum rank distance (0 with fewer than two rungs). */
  maxRankDistance: number;
}

/**
 * Where a question's answer lands in each language of a multilingual pool. With one relevant
 * passage per language (XQuAD-R, the demo) the spread of the rungs is the paper's maximum rank
 * distance; when a language has several, its best one stands for it.
 */
export function buildAnswerLadder(answers: readonly RankedCandidate[]): AnswerLadder {
  const byLang = new Map<LangCode, LadderRung>();
  for (const a of answers) {
    const seen = byLang.get(a.lang);
    if (!seen || a.rank < seen.rank) byLang.set(a.lang, { lang: a.lang, rank: a.rank, id: a.id, score: a.score, tieFirst: a.tieFirst, tieLast: a.tieLast });
  }
  const rungs = [...byLang.values()].sort((a, b) => a.rank - b.rank);
  return { rungs, maxRankDistance: rungs.length > 1 ? rungs[rungs.length - 1].rank - rungs[0].rank : 0 };
}
