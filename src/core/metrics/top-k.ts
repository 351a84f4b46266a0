import { assertRow, beats, compareCandidates } from './candidate-order';
import { HEAP_MAX_K, kthLargest, selectAscending } from './kth-largest';
import { bucketOf, spanScoreBuckets } from './score-buckets';

export interface TopK {
  /** Pool indices, best first. */
  indices: Int32Array;
  scores: Float32Array;
}

const MAX_BUCKETS = 4096;
/** Scores sampled to guess a threshold that keeps a little more than k candidates. */
const SAMPLE_SIZE = 512;
/** Runs up to this long are insertion-sorted; longer ones (heavy ties) use Array.prototype.sort. */
const INSERTION_SORT_MAX = 24;

// Scratch reused across calls (grown on demand) so ranking thousands of rows does not churn the GC.
let kept = new Int32Array(0);
let placed = new Int32Array(0);
let bucketOfKept = new Uint16Array(0);
const sample = new Float64Array(SAMPLE_SIZE);
const bucketCount = new Int32Array(MAX_BUCKETS);
const bucketNext = new Int32Array(MAX_BUCKETS);

/**
 * The k best candidates of the row scores[offset .. offset+size), best first, in the same order
 * as rankRelevant (score descending, then smaller tie key, NaN last).
 *
 * Small k (at most HEAP_MAX_K, a quarter of the row) take the exact k-th score from a heap pass
 * (kth-largest.ts). Larger k do not: with k = 1000 of 12,000 a heap does thousands of sift-downs
 * per row (a heap version took several times as long here). Instead a strided sample of the row gives a threshold that a
 * little more than k candidates reach (about 1,500 for k = 1000 of 12,000), one pass keeps those
 * (falling back to the whole row if fewer than k did), and the kept ones are ordered by bucketing
 * their scores (score-buckets.ts) and sorting only within the buckets that reach the first k.
 * Any threshold that at least k candidates reach is at or below the k-th best score, so the
 * answer is exact whatever the sample.
 */
export function selectTopK(scores: Float32Array, offset: number, size: number, k: number, tieKey: Int32Array): TopK {
  assertRow('selectTopK', scores, offset, size, tieKey);
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`selectTopK: k must be a non-negative integer, got ${k}`);
  const n = Math.min(k, size);
  if (n === 0) return { indices: new Int32Array(0), scores: new Float32Array(0) };
  if (kept.length < size) {
    kept = new Int32Array(size);
    placed = new Int32Array(size);
    bucketOfKept = new Uint16Array(size);
  }

  let count = 0;
  // Small k: the exact k-th score from a heap pass, so only about k candidates are ordered.
  const threshold = n <= HEAP_MAX_K && n * 4 <= size ? kthLargest(scores, offset, size, n) : estimateThreshold(scores, offset, size, n);
  if (threshold !== null) {
    // Counted rather than branched on: about one candidate in ten is kept, at random, which a
    // branch would keep mispredicting.
    for (let j = 0; j < size; j++) {
      kept[count] = j;
      count += scores[offset + j] >= threshold ? 1 : 0;
    }
  }
  if (count < n) {
    for (let j = 0; j < size; j++) kept[j] = j;
    count = size;
  }
  const indices = orderBest(scores, offset, tieKey, count, n);
  const topScores = new Float32Array(n);
  for (let i = 0; i < n; i++) topScores[i] = scores[offset + indices[i]];
  return { indices, scores: topScores };
}

/**
 * A score that a little more than n candidates should reach, read from an evenly strided sample
 * (pools are grouped by language, so striding samples every language); null when the row is small
 * or n a large share of it, where keeping everything costs little more.
 */
function estimateThreshold(scores: Float32Array, offset: number, size: number, n: number): number | null {
  if (size < 8 * SAMPLE_SIZE || n * 4 > size) return null;
  for (let i = 0; i < SAMPLE_SIZE; i++) {
    const s = scores[offset + Math.floor(((i + 0.5) * size) / SAMPLE_SIZE)];
    sample[i] = s === s ? s : -Infinity;
  }
  // Expected sample count at or above the n-th best, plus three standard deviations of slack.
  const expected = (n * SAMPLE_SIZE) / size;
  const above = Math.ceil(expected + 3 * Math.sqrt(expected) + 2);
  return above < SAMPLE_SIZE ? selectAscending(sample, SAMPLE_SIZE, SAMPLE_SIZE - 1 - above) : null;
}

/** The best n of kept[0 .. count), best first: bucket by score, place the top buckets, sort within each. */
function orderBest(scores: Float32Array, offset: number, tieKey: Int32Array, count: number, n: number): Int32Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < count; i++) {
    const s = scores[offset + kept[i]];
    if (s < lo && s !== -Infinity) lo = s; // NaN fails both comparisons
    if (s > hi && s !== Infinity) hi = s;
  }
  if (lo > hi) lo = hi = 0; // no finite score
  const { scale, top } = spanScoreBuckets(lo, hi, Math.max(1, Math.min(MAX_BUCKETS, count >>> 1)));
  bucketCount.fill(0, 0, top + 1);
  for (let i = 0; i < count; i++) {
    const b = bucketOf(scores[offset + kept[i]], lo, hi, scale, top);
    bucketOfKept[i] = b;
    bucketCount[b]++;
  }

  // The lowest bucket still needed to reach n; runs are laid out best bucket first.
  let boundary = top;
  let taken = 0;
  for (; boundary > 0; boundary--) {
    bucketNext[boundary] = taken;
    taken += bucketCount[boundary];
    if (taken >= n) break;
  }
  if (boundary === 0) bucketNext[0] = taken;
  for (let i = 0; i < count; i++) {
    const b = bucketOfKept[i];
    if (b >= boundary) placed[bucketNext[b]++] = kept[i];
  }

  // Order within each run that reaches into the first n; bucketNext[b] is now the run's end.
  for (let b = top; b >= boundary; b--) {
    const end = bucketNext[b];
    const start = end - bucketCount[b];
    if (start >= n) break;
    if (end - start > 1) sortRun(scores, offset, tieKey, start, end);
  }
  return placed.slice(0, n);
}

/** Sort placed[start .. end) best first. */
function sortRun(scores: Float32Array, offset: number, tieKey: Int32Array, start: number, end: number): void {
  if (end - start > INSERTION_SORT_MAX) {
    const run = Array.from(placed.subarray(start, end));
    run.sort((a, b) => compareCandidates(scores[offset + a], tieKey[a], scores[offset + b], tieKey[b]));
    placed.set(run, start);
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const j = placed[i];
    const s = scores[offset + j];
    const key = tieKey[j];
    let h = i - 1;
    while (h >= start && beats(s, key, scores[offset + placed[h]], tieKey[placed[h]])) {
      placed[h + 1] = placed[h];
      h--;
    }
    placed[h + 1] = j;
  }
}
