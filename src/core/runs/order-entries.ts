import { beats, compareCandidates } from '../metrics/candidate-order';
import type { QueryRun } from './parsed-run';

/**
 * Puts a query's entries in trec_eval's order, in place: score descending, then larger docid
 * first (tieKey from tieKeysDescendingById over the DocTable's ids), the order the evaluation
 * ranks by. The rank column plays no part, as in trec_eval. Runs usually arrive in this order
 * already, which one pass confirms without sorting.
 */
export function orderEntries(q: QueryRun, tieKey: Int32Array): void {
  const { docs, scores, count } = q;
  let sorted = true;
  for (let i = 1; i < count && sorted; i++) sorted = !beats(scores[i], tieKey[docs[i]], scores[i - 1], tieKey[docs[i - 1]]);
  if (sorted) return;
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort((a, b) => compareCandidates(scores[a], tieKey[docs[a]], scores[b], tieKey[docs[b]]) || a - b);
  const d = docs.slice(0, count);
  const s = scores.slice(0, count);
  for (let i = 0; i < count; i++) {
    docs[i] = d[order[i]];
    scores[i] = s[order[i]];
  }
}
