import { averagePrecision, computeQueryMetrics, ndcgAtK, recallAtK, reciprocalRank } from '../metrics/query-metrics';
import type { QueryMetrics } from '../metrics/types';

/**
 * A query's figures from an imported run. When every relevant document is in the run, its ranks
 * are exact (a run holds the top of the ranking, so nothing missing can rank above a document in
 * it) and the figures are the evaluation's own (computeQueryMetrics). When `absent` relevant
 * documents are missing (a run truncated at depth d), they count as never retrieved, as trec_eval
 * counts them, which makes AP, recall, RR and nDCG lower bounds; the maximum rank distance becomes
 * an upper bound: the missing ones may sit anywhere down to the end of the pool (`poolSize`).
 */
export function runQueryMetrics(presentRanks: readonly number[], relevantTotal: number, depth: number, poolSize: number): QueryMetrics {
  const present = presentRanks.length;
  if (relevantTotal < present || relevantTotal < 1) {
    throw new RangeError(`runQueryMetrics: ${present} relevant ranks for a relevant set of ${relevantTotal}`);
  }
  if (present === relevantTotal) return computeQueryMetrics(presentRanks);
  const share = present / relevantTotal;
  const lowest = present > 0 ? presentRanks[0] : depth + 1;
  return {
    ap: present ? averagePrecision(presentRanks) * share : 0,
    recallAt1: present ? recallAtK(presentRanks, 1) * share : 0,
    recallAt10: present ? recallAtK(presentRanks, 10) * share : 0,
    rr: present ? reciprocalRank(presentRanks) : 0,
    ndcgAt10: present ? (ndcgAtK(presentRanks, 10) * idealDcg(Math.min(present, 10))) / idealDcg(Math.min(relevantTotal, 10)) : 0,
    maxRankDistance: relevantTotal === 1 ? 0 : Math.max(0, Math.max(poolSize, depth + relevantTotal - present) - lowest),
  };
}

function idealDcg(count: number): number {
  let sum = 0;
  for (let rank = 1; rank <= count; rank++) sum += 1 / Math.log2(rank + 1);
  return sum;
}
