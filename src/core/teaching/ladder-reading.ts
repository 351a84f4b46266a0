/**
 * What the answer ladder means, said correctly: the maximum rank distance and its least possible
 * value (answers - 1, never 0), tied answers shown as a range of ranks, "no word shared" for a
 * lexical retriever's zero scores, and a flag for a list in which every score is 0.
 */
import type { LangCode } from '../corpus/types';
import { tieRangeOf } from '../evaluation/rank-one-query';

export interface LadderInputRung {
  lang: LangCode;
  /** 1-based rank as the evaluation's tie rule places it. */
  rank: number;
  score: number;
  /** The tie range when the ranking already knows it (rankOneQuery's answers carry it). */
  tieFirst?: number;
  tieLast?: number;
}

export interface ReadRung extends LadderInputRung {
  /** The ranks this answer shares with passages of the same score: rank is one of them, by id. */
  tieFirst: number;
  tieLast: number;
  tied: boolean;
  /** A lexical retriever gave it 0: the answer shares no word with the question. */
  noWordShared: boolean;
}

export interface LadderReading {
  rungs: ReadRung[];
  maxRankDistance: number;
  /** The least distance possible: answers take distinct ranks, so (answers - 1). */
  floor: number;
  /** The first or last rung sits inside a tie, so which language is best or worst is decided by passage ids. */
  extremesTied: boolean;
  /** The languages whose answer shares no word with the question (lexical retrievers only). */
  noWordShared: LangCode[];
  /** "111 (ar at 1 → de at 112)", or with a tie "111 (ar at 1 → de somewhere in 5 to 720, tied)". */
  summary: string;
}

/** The ranks a score shares: 1 + how many score higher, to how many score at least as high. */
export function tieRange(scores: ArrayLike<number>, score: number): { first: number; last: number } {
  const { tieFirst, tieLast } = tieRangeOf(scores, score);
  return { first: tieFirst, last: tieLast };
}

/** The words for the ladder's figure, for `answers` relevant passages (one per language). */
export function maxRankDistanceDefinition(answers: number): string {
  const floor = Math.max(0, answers - 1);
  return (
    `Maximum rank distance: the rank of the lowest-placed answer minus the rank of the highest. ` +
    `Answers take distinct ranks, so with ${answers} answers the least possible is ${floor} (all of them one after another at the top). ` +
    `Lower means less language bias.`
  );
}

/**
 * Reads a ladder from its rungs (best answer per language) and the scores of the whole pool, or,
 * with `poolScores` null, the tie ranges the rungs carry. `lexical`: the retriever scores shared
 * words (BM25), so a 0 means no word in common.
 */
export function readLadder(rungs: readonly LadderInputRung[], poolScores: ArrayLike<number> | null, lexical: boolean): LadderReading {
  const read: ReadRung[] = [...rungs]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => {
      const { first, last } = poolScores ? tieRange(poolScores, r.score) : { first: r.tieFirst ?? r.rank, last: r.tieLast ?? r.rank };
      return { ...r, tieFirst: first, tieLast: last, tied: last > first, noWordShared: lexical && r.score === 0 };
    });
  const best = read[0];
  const worst = read[read.length - 1];
  const maxRankDistance = read.length > 1 ? worst.rank - best.rank : 0;
  const place = (r: ReadRung) => (r.tied ? `${r.lang} somewhere in ${fmt(r.tieFirst)} to ${fmt(r.tieLast)}, tied` : `${r.lang} at ${fmt(r.rank)}`);
  const summary = read.length > 1 ? `${fmt(maxRankDistance)} (${place(best)} → ${place(worst)})` : '';
  return {
    rungs: read,
    maxRankDistance,
    floor: Math.max(0, read.length - 1),
    extremesTied: read.length > 1 && (best.tied || worst.tied),
    noWordShared: read.filter((r) => r.noWordShared).map((r) => r.lang),
    summary,
  };
}

/** "ranks 1 to 720" for a tied rung, "rank 5" otherwise. */
export function describeRungPlace(r: Pick<ReadRung, 'rank' | 'tied' | 'tieFirst' | 'tieLast'>): string {
  return r.tied ? `ranks ${fmt(r.tieFirst)} to ${fmt(r.tieLast)} (tied)` : `rank ${fmt(r.rank)}`;
}

/**
 * A banner for a list in which every score is 0 (the best is 0, so nothing scored above): the
 * order is by passage id alone, and a metric computed on it says nothing about the retriever.
 * Null when some passage scored.
 */
export function allZeroBanner(topScores: readonly number[], lexical: boolean, what = 'this list'): string | null {
  if (topScores.length === 0 || topScores.some((s) => s !== 0)) return null;
  const why = lexical ? 'no passage shares a word with the question' : 'every passage scored exactly 0';
  return `Every score in ${what} is 0: ${why}, so the order is by passage id alone, and its AP measures the luck of the ids, not the retriever.`;
}

function fmt(n: number): string {
  return n.toLocaleString('en');
}
