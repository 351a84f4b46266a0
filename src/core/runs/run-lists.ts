import type { LangCode } from '../corpus/types';
import type { OneQueryRanking, RankedCandidate } from '../evaluation/rank-one-query';
import type { SettingName } from '../metrics/types';
import type { DocTable } from './doc-table';
import { orderEntries } from './order-entries';
import type { ParsedRun } from './parsed-run';

/** Shown in a list for a document the language map does not name (as the language mix counts it). */
export const UNKNOWN_LANG = '?';

/**
 * The head of every query's list in an imported run, in rank order, for the ranking view: typed
 * arrays and a table of the ids they name, so a run of millions of lines crosses from its worker
 * to the page in one cheap message. Query q's entries are [start[q], start[q + 1]) of docs/scores;
 * its relevant entries anywhere in the run (for the answer ladder) are [answerStart[q],
 * answerStart[q + 1]) of answerDocs/answerRanks/answerScores.
 */
export interface RunLists {
  file: string;
  pool: 'multi' | 'single';
  qids: string[];
  /** Document ids the lists name, and their languages (UNKNOWN_LANG when the map does not name them). */
  ids: string[];
  langs: LangCode[];
  start: Int32Array;
  docs: Int32Array;
  scores: Float64Array;
  /** Entries the run holds for each query (its depth). */
  depth: Int32Array;
  answerStart: Int32Array;
  answerDocs: Int32Array;
  answerRanks: Int32Array;
  answerScores: Float64Array;
}

/**
 * Builds the lists after scoring (scoreRun orders the scored queries; the rest are ordered here by
 * the same rule: score descending, then larger docid first). `keep` entries per query are kept.
 */
export function buildRunLists(
  run: ParsedRun,
  docs: DocTable,
  relevantOf: (qid: string) => readonly number[] | undefined,
  tieKey: Int32Array,
  pool: 'multi' | 'single',
  keep: number,
): RunLists {
  const local = new Map<number, number>();
  const ids: string[] = [];
  const langs: LangCode[] = [];
  const localOf = (doc: number) => {
    let n = local.get(doc);
    if (n === undefined) {
      local.set(doc, (n = ids.length));
      ids.push(docs.ids[doc]);
      langs.push(docs.lang(doc) ?? UNKNOWN_LANG);
    }
    return n;
  };
  const queries = run.queries;
  const start = new Int32Array(queries.length + 1);
  const answerStart = new Int32Array(queries.length + 1);
  const depth = new Int32Array(queries.length);
  let total = 0;
  for (const q of queries) total += Math.min(keep, q.count);
  const listDocs = new Int32Array(total);
  const listScores = new Float64Array(total);
  const answerDocs: number[] = [];
  const answerRanks: number[] = [];
  const answerScores: number[] = [];
  let at = 0;
  queries.forEach((q, i) => {
    orderEntries(q, tieKey);
    start[i] = at;
    depth[i] = q.count;
    for (let r = 0; r < Math.min(keep, q.count); r++, at++) {
      listDocs[at] = localOf(q.docs[r]);
      listScores[at] = q.scores[r];
    }
    answerStart[i] = answerDocs.length;
    const relevant = relevantOf(q.qid);
    if (relevant?.length) {
      const wanted = new Set(relevant);
      for (let r = 0; r < q.count; r++) {
        if (!wanted.has(q.docs[r])) continue;
        answerDocs.push(localOf(q.docs[r]));
        answerRanks.push(r + 1);
        answerScores.push(q.scores[r]);
      }
    }
  });
  start[queries.length] = at;
  answerStart[queries.length] = answerDocs.length;
  return {
    file: run.file,
    pool,
    qids: queries.map((q) => q.qid),
    ids,
    langs,
    start,
    docs: listDocs,
    scores: listScores,
    depth,
    answerStart,
    answerDocs: Int32Array.from(answerDocs),
    answerRanks: Int32Array.from(answerRanks),
    answerScores: Float64Array.from(answerScores),
  };
}

/** The transferable buffers of the lists (for postMessage). */
export function runListBuffers(lists: RunLists): ArrayBuffer[] {
  const arrays = [lists.start, lists.docs, lists.scores, lists.depth, lists.answerStart, lists.answerDocs, lists.answerRanks, lists.answerScores];
  return arrays.map((a) => a.buffer as ArrayBuffer);
}

const qidIndexes = new WeakMap<RunLists, Map<string, number>>();

/**
 * The run's query for a benchmark question in a setting: a cross-lingual run of this lab names
 * its queries "<question id>-><pool language>" (see the CLI's trecQueryId), the others by the
 * question id. Returns the query's index, or -1 when the run holds no list for it.
 */
export function findRunQuery(lists: RunLists, questionId: string, setting: SettingName, target: LangCode | null): number {
  let index = qidIndexes.get(lists);
  if (!index) qidIndexes.set(lists, (index = new Map(lists.qids.map((qid, i) => [qid, i]))));
  if (setting === 'cross' && target) {
    const cross = index.get(`${questionId}->${target}`);
    if (cross !== undefined) return cross;
  }
  return index.get(questionId) ?? -1;
}

/**
 * Query q's list as the ranking view shows a ranking: its first k entries, and every relevant
 * entry with its rank in the run. The pool size is the run's depth for the query (all a run
 * knows); metrics are the caller's (the report's, which says whether they are bounds).
 */
export function runQueryRanking(lists: RunLists, q: number, k: number): OneQueryRanking {
  const answerIds = new Set<number>();
  const answers: RankedCandidate[] = [];
  for (let a = lists.answerStart[q]; a < lists.answerStart[q + 1]; a++) {
    const doc = lists.answerDocs[a];
    answerIds.add(doc);
    answers.push(candidate(lists, doc, lists.answerScores[a], lists.answerRanks[a], true));
  }
  const top: RankedCandidate[] = [];
  const from = lists.start[q];
  const to = Math.min(lists.start[q + 1], from + k);
  for (let at = from; at < to; at++) top.push(candidate(lists, lists.docs[at], lists.scores[at], at - from + 1, answerIds.has(lists.docs[at])));
  return { poolSize: lists.depth[q], top, answers, metrics: null };
}

function candidate(lists: RunLists, doc: number, score: number, rank: number, relevant: boolean): RankedCandidate {
  return { index: doc, id: lists.ids[doc], lang: lists.langs[doc], score, rank, relevant };
}
