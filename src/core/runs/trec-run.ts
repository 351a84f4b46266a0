import type { DocTable } from './doc-table';
import { LineFeed, readNumber, splitFields } from './line-feed';
import { appendEntry, DuplicateGuard, newQueryRun, type ParsedRun, type QueryRun } from './parsed-run';
import { RunFormatError } from './run-format-error';

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

  const feed = new LineFeed((line, lineNo) => {
    const f = splitFields(line);
    if (f.length === 0) return;
    if (f.length !== 6) throw new RunFormatError(file, lineNo, `expected ${RUN_SHAPE}, got ${f.length} field${f.length === 1 ? '' : 's'}`);
    const [qid, , docid, rankText, scoreText] = f;
    if (!/^[+-]?\d+$/.test(rankText)) throw new RunFormatError(file, lineNo, `rank "${rankText}" is not a whole number (expected ${RUN_SHAPE})`);
    const score = readNumber(scoreText);
    if (score === null) throw new RunFormatError(file, lineNo, `score "${scoreText}" is not a number (expected ${RUN_SHAPE})`);
    if (current === null || current.qid !== qid) {
      const known = byQid.get(qid);
      if (known === undefined) {
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
    const doc = docs.intern(docid);
    if (guard.seen(doc, serial)) throw new RunFormatError(file, lineNo, `document ${docid} is listed twice for query ${qid}`);
    appendEntry(current, doc, score);
    if (tag === null) tag = f[5];
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
