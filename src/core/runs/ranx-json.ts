import type { DocTable } from './doc-table';
import { appendEntry, newQueryRun, type ParsedRun, type QueryRun } from './parsed-run';
import { checkRunId, RunFormatError } from './run-format-error';
import { addJudgment, finish, type Qrels, type QueryQrels } from './trec-qrels';

/** Whether a file's text is ranx-style JSON rather than TREC lines: it opens with "{". */
export function looksLikeJson(firstChunk: string): boolean {
  return /^\s*\{/.test(firstChunk);
}

function parseObject(file: string, text: string, shape: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = /line (\d+)/.exec(message)?.[1] ?? lineAt(text, Number(/position (\d+)/.exec(message)?.[1] ?? NaN));
    throw new RunFormatError(file, line ? Number(line) : 0, `invalid JSON (${message}); expected ${shape}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new RunFormatError(file, 0, `expected ${shape} at the top level`);
  return value as Record<string, unknown>;
}

function lineAt(text: string, position: number): string | null {
  if (!Number.isInteger(position)) return null;
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return String(line);
}

function entriesOf(file: string, value: Record<string, unknown>, qid: string, shape: string): [string, unknown][] {
  const docs = value[qid];
  if (docs === null || typeof docs !== 'object' || Array.isArray(docs))
    throw new RunFormatError(file, 0, `"${qid}": expected an object {docid: number}, as in ${shape}`);
  return Object.entries(docs);
}

const RUN_SHAPE = '{"qid": {"docid": score}} (ranx)';
const QRELS_SHAPE = '{"qid": {"docid": relevance}} (ranx)';

/** A ranx-style run, {qid: {docid: score}}: JSON has no line structure, so the whole text is read. */
export function parseRanxRun(file: string, text: string, docs: DocTable): ParsedRun {
  const value = parseObject(file, text, RUN_SHAPE);
  const queries: QueryRun[] = [];
  let entries = 0;
  for (const qid of Object.keys(value)) {
    checkRunId(file, 0, 'qid', qid, `${JSON.stringify(qid)}: `);
    const q = newQueryRun(qid, 0);
    for (const [docid, score] of entriesOf(file, value, qid, RUN_SHAPE)) {
      if (typeof score !== 'number') throw new RunFormatError(file, 0, `"${qid}" -> "${docid}": score ${JSON.stringify(score)} is not a number`);
      checkRunId(file, 0, 'docid', docid, `${JSON.stringify(qid)} -> ${JSON.stringify(docid)}: `);
      appendEntry(q, docs.intern(docid), score);
      entries++;
    }
    queries.push(q);
  }
  if (entries === 0) throw new RunFormatError(file, 0, `no entries; expected ${RUN_SHAPE}`);
  return { file, format: 'ranx-json', tag: null, entries, queries };
}

/** ranx-style qrels, {qid: {docid: relevance}}. */
export function parseRanxQrels(file: string, text: string, docs: DocTable): Qrels {
  const value = parseObject(file, text, QRELS_SHAPE);
  const queries = new Map<string, QueryQrels & { seen: Set<number> }>();
  let judgments = 0;
  for (const qid of Object.keys(value)) {
    checkRunId(file, 0, 'qid', qid, `${JSON.stringify(qid)}: `);
    for (const [docid, rel] of entriesOf(file, value, qid, QRELS_SHAPE)) {
      if (typeof rel !== 'number' || !Number.isInteger(rel))
        throw new RunFormatError(file, 0, `"${qid}" -> "${docid}": relevance ${JSON.stringify(rel)} is not a whole number`);
      checkRunId(file, 0, 'docid', docid, `${JSON.stringify(qid)} -> ${JSON.stringify(docid)}: `);
      addJudgment(queries, file, `"${qid}"`, qid, docs.intern(docid), docid, rel);
      judgments++;
    }
  }
  if (judgments === 0) throw new RunFormatError(file, 0, `no judgments; expected ${QRELS_SHAPE}`);
  return finish(file, queries, judgments);
}
