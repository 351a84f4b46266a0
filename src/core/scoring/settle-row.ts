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
  /** out[i] = at(row, cols[i] + shift) for i < count: several at once, which a dense rescorer computes side by side. */
  atMany?(row: number, cols: Int32Array, count: number, shift: number, out: Float64Array): void;
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
// Scratch reused across rows (no allocation per row beyond the results): per bucket of the
// relevant scores' range, the first relevant item a candidate there surely beats, or -1 where a
// candidate may be within the bound of one; the relevant items best first; the rescored candidates.
const firstSure = new Int32Array(MAX_BUCKETS);
let order = new Int32Array(16);
let relScore = new Float64Array(16);
let relKey = new Int32Array(16);
let beatenFrom = new Int32Array(17);
let near = new Int32Array(0);

function plain(scores: Float32Array, offset: number, size: number, relevant: Int32Array, depth: number, tieKey: Int32Array): RowRanking {
  return { relevantRanks: rankRelevant(scores, offset, size, relevant, tieKey), top: selectTopK(scores, offset, size, depth, tieKey) };
}

function rescoreAll(scores: Float32Array, offset: number, size: number, row: number, exact: ExactRescorer): void {
  for (let j = 0; j < size; j++) scores[offset + j] = exact.at(row, j);
}

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
  assertRow('rankScoredRow', scores, offset, size, tieKey);
  if (!exact || size === 0) return plain(scores, offset, size, relevant, depth, tieKey);
  const tol = exact.tolerance(row);
  const m = relevant.length;
  for (let i = 0; i < m; i++) {
    const j = relevant[i];
    if (!(j >= 0 && j < size)) return plain(scores, offset, size, relevant, depth, tieKey); // rankRelevant names the bad index
    const given = scores[offset + j];
    const e = (scores[offset + j] = exact.at(row, j));
    let sound = Number.isFinite(e);
    if (sound && !(Math.abs(given - e) <= tol)) {
      exact.mismatch?.(row, given, e);
      sound = false;
    }
    if (!sound) {
      rescoreAll(scores, offset, size, row, exact);
      return plain(scores, offset, size, relevant, depth, tieKey);
    }
  }
  if (!Number.isFinite(tol)) {
    rescoreAll(scores, offset, size, row, exact);
    return plain(scores, offset, size, relevant, depth, tieKey);
  }
  if (order.length < m) {
    order = new Int32Array(m);
    relScore = new Float64Array(m);
    relKey = new Int32Array(m);
    beatenFrom = new Int32Array(m + 1);
  }
  // Relevant items best first by exact score and tie key, as rankRelevant orders them (a few: insertion sort).
  for (let i = 0; i < m; i++) {
    const j = relevant[i];
    const sj = scores[offset + j];
    let h = i - 1;
    while (h >= 0 && compareCandidates(sj, tieKey[j], scores[offset + order[h]], tieKey[order[h]]) < 0) {
      order[h + 1] = order[h];
      h--;
    }
    if (h >= 0 && order[h] === j) return plain(scores, offset, size, relevant, depth, tieKey); // rankRelevant names the duplicate
    order[h + 1] = j;
  }
  for (let p = 0; p < m; p++) {
    relScore[p] = scores[offset + order[p]];
    relKey[p] = tieKey[order[p]];
  }
  const relevantRanks = countRanks(scores, offset, size, row, m, depth, tieKey, tol, exact);
  return { relevantRanks, top: bestOf(scores, offset, near.subarray(0, nearCount), Math.min(depth, size), tieKey) };
}

let nearCount = 0;

/** The pass: ranks of the m relevant items (in relScore/relKey), and `near` = every candidate that may reach the top k, rescored. */
function countRanks(
  scores: Float32Array,
  offset: number,
  size: number,
  row: number,
  m: number,
  depth: number,
  tieKey: Int32Array,
  tol: number,
  exact: ExactRescorer,
): number[] {
  // Any candidate that could reach the top k has a given score of at least kth - 2 tol: the k
  // candidates at or above kth are exactly above kth - tol, anything below the cut under it.
  const k = Math.min(depth, size);
  const kth = k > 0 ? kthLargest(scores, offset, size, k) : Infinity;
  const cut = k === 0 ? Infinity : Number.isFinite(kth) ? kth - 2 * tol : -Infinity;
  const below = m ? relScore[m - 1] - tol : Infinity; // under it a candidate beats no relevant item
  const above = m ? relScore[0] + tol : Infinity; // over it, every one
  // Buckets over [below, above]; those a relevant item's band [e - tol, e + tol] reaches (mapped
  // through bucketOf itself, which is monotone) are unsure; in the others the first relevant item
  // beaten is the count of bands wholly above the bucket.
  // A few dozen buckets per relevant item separate them; one relevant item needs none (its band is the whole span).
  const buckets = m > 1 ? Math.max(1, Math.min(MAX_BUCKETS, size >>> 2, 32 * m)) : 1;
  const { lo, hi, scale, top } = spanScoreBuckets(m ? below : 0, m ? above : 0, buckets);
  if (m) {
    let p = 0;
    for (let b = top; b >= 0; b--) {
      while (p < m && bucketOf(relScore[p] - tol, lo, hi, scale, top) > b) p++;
      firstSure[b] = p;
    }
    for (let q = 0; q < m; q++) {
      const to = bucketOf(relScore[q] + tol, lo, hi, scale, top);
      for (let b = bucketOf(relScore[q] - tol, lo, hi, scale, top); b <= to; b++) firstSure[b] = -1;
    }
  }

  if (near.length < size) near = new Int32Array(size);
  nearCount = 0;
  const rs = relScore.subarray(0, m); // firstBeaten searches the whole array
  const rk = relKey.subarray(0, m);
  beatenFrom.fill(0, 0, m + 1);
  if (pending.length < size) pending = new Int32Array(size);
  let pendingCount = 0;
  for (let j = 0; j < size; j++) {
    const s = scores[offset + j];
    if (s < below && s < cut) continue; // most candidates (false for NaN)
    if (s >= cut || s - s !== 0) {
      // May reach the top k, or a NaN or infinite score (a backend glitch): recomputed below.
      near[nearCount++] = j;
      pending[pendingCount++] = j;
      continue;
    }
    if (m === 0) continue;
    let p = s > above ? 0 : firstSure[bucketOf(s, lo, hi, scale, top)];
    if (p < 0) {
      // An unsure bucket is coarser than the bands: only a score within one needs the exact value.
      p = firstSurelyBeaten(s, rs, tol);
      if (p > 0 && rs[p - 1] - tol <= s) {
        pending[pendingCount++] = j;
        continue;
      }
    }
    beatenFrom[p]++;
  }
  // The exact scores, computed together (independent sums side by side), then counted as above.
  rescore(scores, offset, row, pending, pendingCount, exact);
  for (let i = 0; i < pendingCount; i++) {
    const j = pending[i];
    const s = scores[offset + j];
    if (s < below || m === 0) continue;
    beatenFrom[firstBeaten(s, tieKey[j], rs, rk)]++;
  }

  const ranks = new Array<number>(m);
  for (let p = 0, rank = 1; p < m; p++) {
    rank += beatenFrom[p];
    ranks[p] = rank;
  }
  return ranks;
}

let pending = new Int32Array(0);
let exactValues = new Float64Array(0);

/** scores[offset + cols[i]] = the exact score, for i < count. */
function rescore(scores: Float32Array, offset: number, row: number, cols: Int32Array, count: number, exact: ExactRescorer): void {
  if (!exact.atMany) {
    for (let i = 0; i < count; i++) scores[offset + cols[i]] = exact.at(row, cols[i]);
    return;
  }
  if (exactValues.length < count) exactValues = new Float64Array(count);
  exact.atMany(row, cols, count, 0, exactValues);
  for (let i = 0; i < count; i++) scores[offset + cols[i]] = exactValues[i];
}

/** The first of the best-first relevant scores that s is more than tol above; their count if none. */
function firstSurelyBeaten(s: number, relScores: Float64Array, tol: number): number {
  let lo = 0;
  let hi = relScores.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s > relScores[mid] + tol) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

let compact = new Float32Array(0);
let compactKeys = new Int32Array(0);

/** The best k of the candidates `among` (all exact now), via selectTopK on a compact copy. */
function bestOf(scores: Float32Array, offset: number, among: Int32Array, k: number, tieKey: Int32Array): TopK {
  const n = among.length;
  if (compact.length < n) {
    compact = new Float32Array(n);
    compactKeys = new Int32Array(n);
  }
  for (let i = 0; i < n; i++) {
    compact[i] = scores[offset + among[i]];
    compactKeys[i] = tieKey[among[i]];
  }
  const best = selectTopK(compact, 0, n, k, compactKeys);
  return { indices: best.indices.map((i) => among[i]), scores: best.scores };
}
