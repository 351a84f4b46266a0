/**
 * Ranks a row of float32-summed scores exactly as the TypeScript kernel's row would rank: the
 * relevant candidates' ranks (trec_eval's tie rule) and the top `depth`, scores included. Only the
 * scores that could decide a rank are recomputed exactly: the relevant candidates, any candidate
 * within the error bound of a relevant one, and the candidates that could reach the top `depth`.
 * Everything else is more than one bound away from every decision, so its order against them is
 * already right. On a model-like row that is a few dozen dot products out of thousands.
 *
 * One pass over the row after a k-th-score pass (kth-largest.ts): the ranks are counted, never
 * sorted, as rankRelevant counts them; only the ~depth top candidates are ordered.
 */
import { assertRow, compareCandidates } from '../metrics/candidate-order';
import { kthLargest } from '../metrics/kth-largest';
import { firstBeaten, rankRelevant } from '../metrics/rank-relevant';
import { bucketOf, spanScoreBuckets } from '../metrics/score-buckets';
import { selectTopK, type TopK } from '../metrics/top-k';

/** Exact scores for the rows of one scored block (the TypeScript kernel's values). */
export interface ExactRescorer {
  /** The most a sound backend's score for this row may differ from the exact one. */
  tolerance(row: number): number;
  /** The exact score of query `row` of the block against pool index `j`. */
  at(row: number, j: number): number;
  /** Called when a relevant candidate's score broke the bound: the backend is not sound. */
  mismatch?(row: number, given: number, exact: number): void;
}

export interface RowRanking {
  /** 1-based ranks of the relevant candidates, ascending (rankRelevant's). */
  relevantRanks: number[];
  /** The best `depth`, best first, with exact scores (selectTopK's). */
  top: TopK;
}

const MAX_BUCKETS = 1024;
// Scratch reused across rows: per bucket of the relevant scores' range, the first relevant item
// a candidate there surely beats, or -1 where a candidate may be within the bound of one.
const firstSure = new Int32Array(MAX_BUCKETS);
let near = new Int32Array(0);

/**
 * Ranks scores[offset .. offset+size), row `row` of a block. Without `exact` the scores are
 * exact already (rankRelevant + selectTopK). With it, rescored values are written back into
 * `scores`. A relevant score outside the bound (an unsound backend) or a non-finite exact one
 * makes the whole row recomputed, so the result is exact either way.
 */
export function rankScoredRow(
  scores: Float32Array,
  offset: number,
  size: number,
  row: number,
  relevant: Int32Array,
  depth: number,
  tieKey: Int32Array,
  exact?: ExactRescorer,
): RowRanking {
  const plain = () => ({ relevantRanks: rankRelevant(scores, offset, size, relevant, tieKey), top: selectTopK(scores, offset, size, depth, tieKey) });
  assertRow('rankScoredRow', scores, offset, size, tieKey);
  if (!exact || size === 0) return plain();
  const rescore = (j: number) => (scores[offset + j] = exact.at(row, j));
  const rescoreAll = () => {
    for (let c = 0; c < size; c++) rescore(c);
    return plain();
  };
  const tol = exact.tolerance(row);
  const m = relevant.length;
  for (let i = 0; i < m; i++) {
    const j = relevant[i];
    if (!(j >= 0 && j < size)) return plain(); // rankRelevant names the bad index
    const given = scores[offset + j];
    const e = rescore(j);
    if (!Number.isFinite(e)) return rescoreAll();
    if (!(Math.abs(given - e) <= tol)) {
      exact.mismatch?.(row, given, e);
      return rescoreAll();
    }
  }
  if (!Number.isFinite(tol)) return rescoreAll();

  // Any candidate that could reach the top k has a given score of at least kth - 2 tol: the k
  // candidates at or above kth are exactly above kth - tol, anything below the cut under it.
  const k = Math.min(depth, size);
  const kth = k > 0 ? kthLargest(scores, offset, size, k) : Infinity;
  const cut = k === 0 ? Infinity : Number.isFinite(kth) ? kth - 2 * tol : -Infinity;

  // Relevant items best first by exact score and tie key, as rankRelevant orders them.
  const order = Array.from(relevant).sort((a, b) => compareCandidates(scores[offset + a], tieKey[a], scores[offset + b], tieKey[b]) || a - b);
  for (let p = 1; p < m; p++) if (order[p] === order[p - 1]) return plain(); // rankRelevant names the duplicate
  const relScore = new Float64Array(m);
  const relKey = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    relScore[p] = scores[offset + order[p]];
    relKey[p] = tieKey[order[p]];
  }
  const below = m ? relScore[m - 1] - tol : Infinity; // under it a candidate beats no relevant item
  const above = m ? relScore[0] + tol : Infinity; // over it, every one
  // Buckets over [below, above]; those a relevant item's band [e - tol, e + tol] reaches (mapped
  // through bucketOf itself, which is monotone) are unsure; in the others the first relevant item
  // beaten is the count of bands wholly above the bucket.
  const buckets = Math.max(1, Math.min(MAX_BUCKETS, size >>> 2));
  const { lo, hi, scale, top } = spanScoreBuckets(m ? below : 0, m ? above : 0, buckets);
  if (m) {
    let p = 0;
    for (let b = top; b >= 0; b--) {
      while (p < m && bucketOf(relScore[p] - tol, lo, hi, scale, top) > b) p++;
      firstSure[b] = p;
    }
    for (let q = 0; q < m; q++) {
      const from = bucketOf(relScore[q] - tol, lo, hi, scale, top);
      const to = bucketOf(relScore[q] + tol, lo, hi, scale, top);
      for (let b = from; b <= to; b++) firstSure[b] = -1;
    }
  }

  if (near.length < size) near = new Int32Array(size);
  let nearCount = 0;
  const beatenFrom = new Int32Array(m + 1);
  for (let j = 0; j < size; j++) {
    let s = scores[offset + j];
    if (s < below && s < cut) continue; // most candidates (false for NaN)
    let sure = true;
    if (s >= cut || s - s !== 0) {
      // May reach the top k, or a NaN or infinite score (a backend glitch): recompute it.
      s = rescore(j);
      near[nearCount++] = j;
      sure = false;
    }
    if (!m || s < below) continue;
    let p = s > above ? 0 : sure ? firstSure[bucketOf(s, lo, hi, scale, top)] : -1;
    if (p < 0) {
      if (sure) s = rescore(j);
      p = firstBeaten(s, tieKey[j], relScore, relKey);
    }
    beatenFrom[p]++;
  }

  const relevantRanks = new Array<number>(m);
  for (let p = 0, rank = 1; p < m; p++) {
    rank += beatenFrom[p];
    relevantRanks[p] = rank;
  }
  return { relevantRanks, top: bestOf(scores, offset, near.subarray(0, nearCount), k, tieKey) };
}

/** The best k of the candidates `among` (all exact now), via selectTopK on a compact copy. */
function bestOf(scores: Float32Array, offset: number, among: Int32Array, k: number, tieKey: Int32Array): TopK {
  const n = among.length;
  const compact = new Float32Array(n);
  const keys = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    compact[i] = scores[offset + among[i]];
    keys[i] = tieKey[among[i]];
  }
  const best = selectTopK(compact, 0, n, k, keys);
  return { indices: best.indices.map((i) => among[i]), scores: best.scores };
}
