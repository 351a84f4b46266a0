import { assertRow, beats, compareCandidates } from './candidate-order';
import { bucketOf, spanScoreBuckets } from './score-buckets';

const MAX_BUCKETS = 1024;
// Scratch reused across calls: per bucket, the index of the first relevant item a candidate there
// beats, or -1 where a relevant item shares the bucket.
const firstBeatenInBucket = new Int32Array(MAX_BUCKETS);

/**
 * Tie keys reproducing trec_eval's order. trec_eval sorts a query's results by score descending
 * and then by docno descending (strcmp in form_res_rels.c), so among equal scores the candidate
 * with the LARGER id ranks first. The key is the candidate's position in that id-descending
 * order, so "smaller key wins a tie" gives the same result.
 *
 * Ids are compared by UTF-16 code unit (JavaScript's `<`); strcmp compares UTF-8 bytes, which
 * differs only between astral characters and U+E000..U+FFFF — not an issue for ASCII ids.
 * Duplicate ids (which trec_eval leaves to qsort) get keys in pool order.
 */
export function tieKeysDescendingById(ids: readonly string[]): Int32Array {
  const order = Array.from(ids.keys());
  order.sort((a, b) => (ids[a] > ids[b] ? -1 : ids[a] < ids[b] ? 1 : a - b));
  const keys = new Int32Array(ids.length);
  for (let position = 0; position < order.length; position++) keys[order[position]] = position;
  return keys;
}

/** Binary search for the first of the best-first relevant items that (s, key) beats; m if none. */
export function firstBeaten(s: number, key: number, relScore: Float64Array, relKey: Int32Array): number {
  let lo = 0;
  let hi = relScore.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (beats(s, key, relScore[mid], relKey[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The 1-based ranks (ascending) of the relevant candidates within the row
 * scores[offset .. offset+size), where pool index j has score scores[offset+j] and tie key
 * tieKey[j]:
 *   rank(r) = 1 + #{c : s_c > s_r or (s_c == s_r and tieKey_c < tieKey_r)},  NaN scores last.
 *
 * One pass over the row, no sort of it: the relevant items are sorted best-first; a candidate
 * that beats relevant item p beats every later one too, so one counter per p (a difference array)
 * records it. Candidates below the worst relevant score (most of them on a good ranking) cost one
 * comparison. For the rest, p comes from a table over buckets of the score range between the
 * worst and best relevant scores (score-buckets.ts), which is twice as fast as a binary search on
 * rows where the relevant items are spread out; only candidates sharing a bucket with a relevant
 * item (a few per row) take the exact binary search.
 */
export function rankRelevant(scores: Float32Array, offset: number, size: number, relevant: Int32Array, tieKey: Int32Array): number[] {
  assertRow('rankRelevant', scores, offset, size, tieKey);
  const m = relevant.length;
  if (m === 0) return [];

  const order = Array.from(relevant);
  for (const j of order) {
    if (!Number.isInteger(j) || j < 0 || j >= size) {
      throw new RangeError(`rankRelevant: relevant pool index ${j} is outside the row [0, ${size})`);
    }
  }
  order.sort((a, b) => compareCandidates(scores[offset + a], tieKey[a], scores[offset + b], tieKey[b]) || a - b);
  for (let p = 1; p < m; p++) {
    if (order[p] === order[p - 1]) throw new RangeError(`rankRelevant: relevant pool index ${order[p]} is listed twice`);
  }

  const relScore = new Float64Array(m);
  const relKey = new Int32Array(m);
  for (let p = 0; p < m; p++) {
    relScore[p] = scores[offset + order[p]];
    relKey[p] = tieKey[order[p]];
  }
  const worst = relScore[m - 1];
  const best = relScore[0];
  // Between the worst and best relevant scores, a table per bucket gives the first relevant item
  // a candidate there beats. Without a finite range, everything in between takes the exact path.
  const buckets = Math.max(1, Math.min(MAX_BUCKETS, size >>> 2));
  const useTable = Number.isFinite(worst) && Number.isFinite(best) && best > worst;
  const { lo, hi, scale, top } = spanScoreBuckets(useTable ? worst : 0, useTable ? best : 0, buckets);
  if (useTable) {
    firstBeatenInBucket.fill(0, 0, buckets);
    for (let p = 0; p < m; p++) firstBeatenInBucket[bucketOf(relScore[p], lo, hi, scale, top)]++;
    for (let b = top, above = 0; b >= 0; b--) {
      const here = firstBeatenInBucket[b];
      firstBeatenInBucket[b] = here > 0 ? -1 : above;
      above += here;
    }
  }

  // beatenFrom[p]: candidates whose first beaten relevant item is p (they beat every later one too).
  const beatenFrom = new Int32Array(m);
  for (let j = 0; j < size; j++) {
    const s = scores[offset + j];
    if (s < worst) continue; // beats none: most candidates on a good ranking (false for NaN)
    if (s > best) {
      beatenFrom[0]++;
      continue;
    }
    let p = useTable ? firstBeatenInBucket[bucketOf(s, lo, hi, scale, top)] : -1;
    if (p < 0) p = firstBeaten(s, tieKey[j], relScore, relKey);
    if (p < m) beatenFrom[p]++;
  }

  const ranks = new Array<number>(m);
  let rank = 1;
  for (let p = 0; p < m; p++) {
    rank += beatenFrom[p];
    ranks[p] = rank;
  }
  return ranks;
}
