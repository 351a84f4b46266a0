/**
 * The order every ranking in the project uses: higher score first; equal scores are decided by a
 * per-candidate tie key (smaller key first); NaN scores come after every number, and among
 * themselves by tie key. Ranking and top-k selection share this so they can never disagree.
 */

/** True when candidate (score, key) ranks strictly ahead of candidate (otherScore, otherKey). */
export function beats(score: number, key: number, otherScore: number, otherKey: number): boolean {
  if (score > otherScore) return true;
  if (score < otherScore) return false;
  if (score === otherScore) return key < otherKey;
  // At least one score is NaN.
  if (score !== score) return otherScore !== otherScore && key < otherKey;
  return true;
}

/** Comparator for Array.prototype.sort: negative when the first candidate ranks ahead. */
export function compareCandidates(score: number, key: number, otherScore: number, otherKey: number): number {
  if (beats(score, key, otherScore, otherKey)) return -1;
  if (beats(otherScore, otherKey, score, key)) return 1;
  return 0;
}

/** Throws unless scores[offset .. offset+size) exists and tieKey covers every pool index. */
export function assertRow(fn: string, scores: Float32Array, offset: number, size: number, tieKey: Int32Array): void {
  if (!Number.isInteger(offset) || offset < 0) {
    throw new RangeError(`${fn}: offset must be a non-negative integer, got ${offset}`);
  }
  if (!Number.isInteger(size) || size < 0) {
    throw new RangeError(`${fn}: size must be a non-negative integer, got ${size}`);
  }
  if (offset + size > scores.length) {
    throw new RangeError(`${fn}: row [${offset}, ${offset + size}) runs past the end of scores (length ${scores.length})`);
  }
  if (tieKey.length < size) {
    throw new RangeError(`${fn}: tieKey has ${tieKey.length} entries, expected one per pool index (${size})`);
  }
}
