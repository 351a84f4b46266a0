/** One query's entries in a run, as read (not yet in rank order). */
export interface QueryRun {
  qid: string;
  /** Document numbers (DocTable), entries [0, count). */
  docs: Int32Array;
  scores: Float64Array;
  count: number;
  /** Where the query first appears, for messages. */
  firstLine: number;
}

export type RunFormat = 'trec' | 'ranx-json';

/** A run file read into compact arrays: 12 bytes per entry, queries in order of first appearance. */
export interface ParsedRun {
  file: string;
  format: RunFormat;
  /** The tag column of the first line (TREC), or null (JSON has none). */
  tag: string | null;
  /** Entries (lines) read. */
  entries: number;
  queries: QueryRun[];
}

export function newQueryRun(qid: string, firstLine: number): QueryRun {
  return { qid, docs: new Int32Array(16), scores: new Float64Array(16), count: 0, firstLine };
}

export function appendEntry(q: QueryRun, doc: number, score: number): void {
  if (q.count === q.docs.length) {
    const docs = new Int32Array(q.count * 2);
    docs.set(q.docs);
    q.docs = docs;
    const scores = new Float64Array(q.count * 2);
    scores.set(q.scores);
    q.scores = scores;
  }
  q.docs[q.count] = doc;
  q.scores[q.count] = score;
  q.count++;
}

/**
 * Marks which documents a query already lists, to refuse a document listed twice for one query
 * (trec_eval refuses those too). One stamp per document number holding the query's serial + 1.
 */
export class DuplicateGuard {
  private stamp = new Int32Array(1024);

  /** True when `doc` was already seen for the query with this serial. */
  seen(doc: number, serial: number): boolean {
    if (doc >= this.stamp.length) {
      const grown = new Int32Array(Math.max(doc + 1, this.stamp.length * 2));
      grown.set(this.stamp);
      this.stamp = grown;
    }
    if (this.stamp[doc] === serial + 1) return true;
    this.stamp[doc] = serial + 1;
    return false;
  }

  /** Re-marks a query's earlier entries when its lines resume after another query's. */
  restamp(q: QueryRun, serial: number): void {
    for (let i = 0; i < q.count; i++) this.seen(q.docs[i], serial);
  }
}
