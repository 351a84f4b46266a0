import type { DocTable } from './doc-table';
import { LineFeed, splitFields } from './line-feed';
import { checkRunId, RunFormatError } from './run-format-error';
import type { StreamParser } from './trec-run';

/** One query's judgments: the documents judged relevant (relevance > 0, trec_eval's default). */
export interface QueryQrels {
  relevant: number[];
  /** Every judged document, relevant or not. */
  judged: number;
}

export interface Qrels {
  file: string;
  /** In order of first appearance. */
  queries: Map<string, QueryQrels>;
  judgments: number;
}

const QRELS_SHAPE = '4 fields "qid 0 docid relevance"';

/** Streams a TREC qrels file: `qid iteration docid relevance`, relevance a whole number. */
export function createTrecQrelsParser(file: string, docs: DocTable): StreamParser<Qrels> {
  const queries = new Map<string, QueryQrels & { seen: Set<number> }>();
  let judgments = 0;
  const feed = new LineFeed((text, start, end, lineNo) => {
    const f = splitFields(text, start, end);
    if (f.length === 0) return;
    if (f.length !== 4) throw new RunFormatError(file, lineNo, `expected ${QRELS_SHAPE}, got ${f.length} field${f.length === 1 ? '' : 's'}`);
    const [qid, , docid, relText] = f;
    if (!/^[+-]?\d+$/.test(relText)) throw new RunFormatError(file, lineNo, `relevance "${relText}" is not a whole number (expected ${QRELS_SHAPE})`);
    checkRunId(file, lineNo, 'qid', qid);
    checkRunId(file, lineNo, 'docid', docid);
    addJudgment(queries, file, lineNo, qid, docs.intern(docid), docid, Number(relText));
    judgments++;
  });
  return {
    push: (chunk) => feed.push(chunk),
    end: () => {
      feed.end();
      if (judgments === 0) throw new RunFormatError(file, 0, `no judgments; expected ${QRELS_SHAPE} per line`);
      return finish(file, queries, judgments);
    },
    get lines() {
      return feed.lines;
    },
  };
}

export function addJudgment(
  queries: Map<string, QueryQrels & { seen: Set<number> }>,
  file: string,
  where: number | string,
  qid: string,
  doc: number,
  docid: string,
  relevance: number,
): void {
  let q = queries.get(qid);
  if (!q) queries.set(qid, (q = { relevant: [], judged: 0, seen: new Set() }));
  if (q.seen.has(doc)) {
    const message = `document ${docid} is judged twice for query ${qid}`;
    throw typeof where === 'number' ? new RunFormatError(file, where, message) : new RunFormatError(file, 0, `${where}: ${message}`);
  }
  q.seen.add(doc);
  q.judged++;
  if (relevance > 0) q.relevant.push(doc);
}

export function finish(file: string, queries: Map<string, QueryQrels & { seen: Set<number> }>, judgments: number): Qrels {
  const out = new Map<string, QueryQrels>();
  for (const [qid, { relevant, judged }] of queries) out.set(qid, { relevant, judged });
  return { file, queries: out, judgments };
}
