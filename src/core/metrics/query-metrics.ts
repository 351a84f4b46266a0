import type { QueryMetrics } from './types';

/**
 * Per-query figures from the ascending 1-based ranks of a query's relevant candidates in a full
 * ranking of its pool. R = relevantRanks.length. These match trec_eval's map, recall_k,
 * recip_rank and ndcg_cut_k when its run file holds the whole ranking (with a truncated run,
 * relevant candidates past the cut would count as never retrieved).
 */
export function computeQueryMetrics(relevantRanks: readonly number[]): QueryMetrics {
  assertRanks(relevantRanks);
  return {
    ap: averagePrecision(relevantRanks),
    recallAt1: recallAtK(relevantRanks, 1),
    recallAt10: recallAtK(relevantRanks, 10),
    rr: reciprocalRank(relevantRanks),
    ndcgAt10: ndcgAtK(relevantRanks, 10),
    maxRankDistance: maxRankDistance(relevantRanks),
  };
}

/** AP = (1/R) * sum_i i / rank_i over the relevant ranks in ascending order. */
export function averagePrecision(relevantRanks: readonly number[]): number {
  assertRanks(relevantRanks);
  let sum = 0;
  for (let i = 0; i < relevantRanks.length; i++) sum += (i + 1) / relevantRanks[i];
  return sum / relevantRanks.length;
}

/**
 * |relevant in top k| / R, as trec_eval's recall_k. It is not capped at k: in XQuAD-R's
 * multilingual setting every question has R = 11 (one answer sentence per language), so
 * Recall@10 is at most 10/11 there and Recall@1 at most 1/11.
 */
export function recallAtK(relevantRanks: readonly number[], k: number): number {
  assertRanks(relevantRanks);
  return countWithin(relevantRanks, k) / relevantRanks.length;
}

/** 1 / rank of the first relevant candidate. */
export function reciprocalRank(relevantRanks: readonly number[]): number {
  assertRanks(relevantRanks);
  return 1 / relevantRanks[0];
}

/** nDCG@k with binary gains and a log2(rank + 1) discount; the ideal ranking puts min(R, k) relevant items first. */
export function ndcgAtK(relevantRanks: readonly number[], k: number): number {
  assertRanks(relevantRanks);
  let dcg = 0;
  for (const rank of relevantRanks) {
    if (rank > k) break;
    dcg += 1 / Math.log2(rank + 1);
  }
  let ideal = 0;
  const idealCount = Math.min(relevantRanks.length, k);
  for (let rank = 1; rank <= idealCount; rank++) ideal += 1 / Math.log2(rank + 1);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** Highest minus lowest relevant rank: how far apart the ranking puts the translations of an answer. */
export function maxRankDistance(relevantRanks: readonly number[]): number {
  assertRanks(relevantRanks);
  return relevantRanks[relevantRanks.length - 1] - relevantRanks[0];
}

function countWithin(relevantRanks: readonly number[], k: number): number {
  let count = 0;
  while (count < relevantRanks.length && relevantRanks[count] <= k) count++;
  return count;
}

function assertRanks(relevantRanks: readonly number[]): void {
  if (relevantRanks.length === 0) {
    throw new RangeError('query metrics: a query with no relevant candidates cannot be scored; skip it before calling');
  }
  let previous = 0;
  for (let i = 0; i < relevantRanks.length; i++) {
    const rank = relevantRanks[i];
    if (!Number.isInteger(rank) || rank <= previous) {
      throw new RangeError(`query metrics: relevantRanks[${i}] = ${rank}; expected strictly ascending 1-based integer ranks`);
    }
    previous = rank;
  }
}
