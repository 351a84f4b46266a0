/**
 * Equal-width buckets over a score range, shared by rankRelevant and selectTopK. The map is
 * monotone in the ranking order (NaN and -Infinity go to bucket 0, hi and above to the top
 * bucket, and float subtraction and multiplication never reverse an order), so a candidate in a
 * higher bucket always ranks ahead of one in a lower bucket; only candidates sharing a bucket need
 * an exact comparison. A bucket lookup costs no unpredictable branch, unlike a binary search,
 * which mispredicts on nearly every step over random-looking scores.
 */
export interface ScoreBuckets {
  lo: number;
  hi: number;
  scale: number;
  /** The highest bucket index (bucket count - 1). */
  top: number;
}

/** `count` buckets from lo to hi; a zero-width or subnormal range puts everything below hi in bucket 0. */
export function spanScoreBuckets(lo: number, hi: number, count: number): ScoreBuckets {
  const scale = count / (hi - lo);
  return { lo, hi, scale: Number.isFinite(scale) && scale > 0 ? scale : 0, top: count - 1 };
}

/** The bucket of score s: 0 for NaN, -Infinity and anything below lo, top for hi and above. */
export function bucketOf(s: number, lo: number, hi: number, scale: number, top: number): number {
  if (s >= hi) return top;
  const b = ((s - lo) * scale) | 0; // `| 0` truncates toward 0 and maps NaN and -Infinity to 0
  return b < 0 ? 0 : b < top ? b : top;
}
