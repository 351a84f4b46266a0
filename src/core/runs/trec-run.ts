import type { DocTable } from './doc-table';
import { detach, fastNumber, fieldBounds, isWholeNumber, LineFeed, readNumber } from './line-feed';
import { appendEntry, DuplicateGuard, newQueryRun, type ParsedRun, type QueryRun } from './parsed-run';
import { checkRunId, RunFormatError } from './run-format-error';

const RUN_SHAPE = '6 fields "qid Q0 docid rank score tag"';

export interface StreamParser<T> {
  push(chunk: string): void;
  end(): T;
  /** Lines read so far (for progress). */
  readonly lines: number;
}

/**
 * Streams a TREC run file (`qid Q0 docid rank score tag`, any depth, white-space separated).
 * Lines of one query need not be adjacent. The rank column is checked to be a whole number but,
 * as in trec_eval, the order comes from the scores (ties: larger docid first), not from it.
 */
export function createTrecRunParser(file: string, docs: DocTable): StreamParser<ParsedRun> {
  const queries: QueryRun[] = [];
  const byQid = new Map<string, number>();
  const guard = new DuplicateGuard();
  let current: QueryRun | null = null;
  let serial = -1;
  let tag: string | null = null;
  let entries = 0;

  const bounds = new Int32Array(12);
  const field = (text: string, f: number) => text.slice(bounds[2 * f], bounds[2 * f + 1]);
  const feed = new LineFeed((text, start, end, lineNo) => {
    const n = fieldBounds(text, start, end, bounds);
    if (n === 0) return;
    if (n !== 6) throw new RunFormatError(file, lineNo, `expected ${RUN_SHAPE}, got ${n} field${n === 1 ? '' : 's'}`);
    if (!isWholeNumber(text, bounds[6], bounds[7]))
      throw new RunFormatError(file, lineNo, `rank "${field(text, 3)}" is not a whole number (expected ${RUN_SHAPE})`);
    const score = fastNumber(text, bounds[8], bounds[9]) ?? readNumber(field(text, 4));
    if (score === null) throw new RunFormatError(file, lineNo, `score "${field(text, 4)}" is not a number (expected ${RUN_SHAPE})`);
    // Lines of one query usually follow each other: compare in place before making the qid a string.
    if (current === null || !sameText(current.qid, text, bounds[0], bounds[1])) {
      const qid = detach(field(text, 0));
      const known = byQid.get(qid);
      if (known === undefined) {
        checkRunId(file, lineNo, 'qid', qid);
        current = newQueryRun(qid, lineNo);
        serial = queries.length;
        byQid.set(qid, serial);
        queries.push(current);
      } else {
        current = queries[known];
        serial = known;
        guard.restamp(current, serial);
      }
    }
    const before = docs.size;
    const doc = docs.internRange(text, bounds[4], bounds[5]);
    // A new document id is checked once against the corpus invariant (a control character would pass the white-space split).
    if (docs.size !== before) checkRunId(file, lineNo, 'docid', docs.ids[doc]);
    if (guard.seen(doc, serial)) throw new RunFormatError(file, lineNo, `document ${docs.ids[doc]} is listed twice for query ${current.qid}`);
    appendEntry(current, doc, score);
    if (tag === null) tag = detach(field(text, 5));
    entries++;
  });

  return {
    push: (chunk) => feed.push(chunk),
    end: () => {
      feed.end();
      if (entries === 0) throw new RunFormatError(file, 0, `no run lines; expected ${RUN_SHAPE} per line`);
      return { file, format: 'trec', tag, entries, queries };
    },
    get lines() {
      return feed.lines;
    },
  };
}

function sameText(s: string, text: string, start: number, end: number): boolean {
  if (s.length !== end - start) return false;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
