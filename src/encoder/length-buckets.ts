/**
 * Length-bucketed batching. A padded batch costs (texts x longest text) tokens, so texts are
 * sorted by length and cut into batches of similar lengths; rows are put back in input order
 * afterwards. Lengths are token counts when a tokenizer is at hand, or character counts as a
 * proxy (scripts/bench-embed.ts measures both).
 */

export interface BatchLimits {
  /** Most texts in one batch. */
  maxBatch: number;
  /** Most padded tokens (texts x longest) in one batch; a single longer text still gets a batch. */
  maxTokens: number;
}

export const DEFAULT_LIMITS: BatchLimits = { maxBatch: 32, maxTokens: 8192 };

/** Indices sorted by length, longest first (so peak memory shows in the first batch); ties keep input order. */
export function sortByLengthDescending(lengths: ArrayLike<number>): Int32Array {
  const order = Int32Array.from({ length: lengths.length }, (_, i) => i);
  return order.sort((a, b) => lengths[b] - lengths[a] || a - b);
}

/** Batches of input indices, each of similar lengths, within the limits. */
export function planLengthBatches(lengths: ArrayLike<number>, limits: BatchLimits = DEFAULT_LIMITS): Int32Array[] {
  const order = sortByLengthDescending(lengths);
  const batches: Int32Array[] = [];
  let start = 0;
  while (start < order.length) {
    const longest = Math.max(1, lengths[order[start]]);
    const fit = Math.max(1, Math.min(limits.maxBatch, Math.floor(limits.maxTokens / longest)));
    const end = Math.min(order.length, start + fit);
    batches.push(order.slice(start, end));
    start = end;
  }
  return batches;
}

/** The naive plan: fixed-size chunks in input order (what one padded batch per chunk costs). */
export function planFixedBatches(count: number, size: number): Int32Array[] {
  const batches: Int32Array[] = [];
  for (let s = 0; s < count; s += size) batches.push(Int32Array.from({ length: Math.min(size, count - s) }, (_, i) => s + i));
  return batches;
}

/** Tokens a plan feeds the model, padding included: sum over batches of size x longest. */
export function paddedTokens(lengths: ArrayLike<number>, batches: readonly Int32Array[]): number {
  let total = 0;
  for (const b of batches) {
    let longest = 0;
    for (const i of b) longest = Math.max(longest, lengths[i]);
    total += b.length * longest;
  }
  return total;
}

/** Writes a batch's rows (batch order) into `out` at their input positions. */
export function scatterRows(out: Float32Array, rows: Float32Array, indices: ArrayLike<number>, dim: number): void {
  if (rows.length !== indices.length * dim) throw new Error(`batch returned ${rows.length / dim} rows for ${indices.length} texts`);
  for (let k = 0; k < indices.length; k++) out.set(rows.subarray(k * dim, (k + 1) * dim), indices[k] * dim);
}

/** Character counts, the cheap proxy for token counts. */
export function charLengths(texts: readonly string[]): Int32Array {
  return Int32Array.from(texts, (t) => t.length);
}
