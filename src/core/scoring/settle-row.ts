/**
 * Makes a row of float32-summed scores rank exactly as the TypeScript kernel's would. Only the
 * scores that could decide a rank are recomputed exactly: the relevant candidates, any candidate
 * within the error bound of a relevant one, and the candidates that could reach the top `depth`.
 * Everything else is at least one error bound away from every decision, so its order against
 * them is already right. On a model-like row that is a few dozen dot products out of thousands.
 */
import { selectTopK } from '../metrics/top-k';

/** Exact scores for the rows of one scored block (the TypeScript kernel's values). */
export interface ExactRescorer {
  /** The most a sound backend's score for this row may differ from the exact one. */
  tolerance(row: number): number;
  /** The exact score of query `row` of the block against pool index `j`. */
  at(row: number, j: number): number;
  /** Called when a relevant candidate's score broke the bound: the backend is not sound. */
  mismatch?(row: number, given: number, exact: number): void;
}

/** Binary search: is some value of the ascending `sorted` within tol of s? */
function nearAny(sorted: Float64Array, s: number, tol: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return (lo < sorted.length && sorted[lo] - s <= tol) || (lo > 0 && s - sorted[lo - 1] <= tol);
}

/**
 * Rewrites scores[offset .. offset+size) in place so that rankRelevant(relevant) and
 * selectTopK(depth) over it give what they give over the exact row. Returns false when a relevant
 * score was out of bounds (the whole row is then recomputed, so the result is still exact).
 */
export function settleRow(
  scores: Float32Array,
  offset: number,
  size: number,
  row: number,
  relevant: ArrayLike<number>,
  depth: number,
  tieKey: Int32Array,
  exact: ExactRescorer,
): boolean {
  const tol = exact.tolerance(row);
  // Any candidate that could reach the top `depth` has a given score of at least kth - 2 tol:
  // the k candidates at or above kth are exactly above kth - tol, anything below the cut under it.
  let cut = Infinity;
  if (depth > 0 && size > 0) {
    const top = selectTopK(scores, offset, size, Math.min(depth, size), tieKey);
    const kth = top.scores[top.scores.length - 1];
    cut = Number.isFinite(kth) ? kth - 2 * tol : -Infinity;
  }
  const rescore = (j: number) => (scores[offset + j] = exact.at(row, j));
  const m = relevant.length;
  const rel = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const j = relevant[i];
    const given = scores[offset + j];
    const e = rescore(j);
    if (!(Math.abs(given - e) <= tol)) {
      exact.mismatch?.(row, given, e);
      for (let c = 0; c < size; c++) rescore(c);
      return false;
    }
    rel[i] = e;
  }
  rel.sort();
  const lo = m ? rel[0] - tol : Infinity;
  const hi = m ? rel[m - 1] + tol : -Infinity;
  // One pass: the top candidates, those near a relevant one, and any NaN or infinite score (a
  // backend glitch, trusted only when recomputed).
  for (let j = 0; j < size; j++) {
    const s = scores[offset + j];
    if (s >= cut || (s >= lo && s <= hi && nearAny(rel, s, tol)) || s - s !== 0) rescore(j);
  }
  return true;
}
