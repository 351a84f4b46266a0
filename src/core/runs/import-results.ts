import type { LangCode } from '../corpus/types';
import { tieKeysDescendingById } from '../metrics/rank-relevant';
import type { EvalReport } from '../evaluation/eval-report';
import { withCorpusSkipped } from './corpus-skipped';
import { DocTable } from './doc-table';
import type { ImportedRun } from './import-report';
import { createLangMapParser, docMapEntry, languagesFromCorpus, queryLanguageLookup, queryMapEntry, type CorpusJudgments } from './lang-map';
import type { ParsedRun } from './parsed-run';
import { looksLikeJson, parseRanxQrels, parseRanxRun } from './ranx-json';
import { mergeReports } from './merge-reports';
import { groupRunParts, type RunSetting } from './run-groups';
import { buildRunLists, type RunLists } from './run-lists';
import { scoreRun } from './score-run';
import { createTrecQrelsParser, type Qrels, type QueryQrels } from './trec-qrels';
import { createTrecRunParser, type StreamParser } from './trec-run';

/** A file read as text in chunks (a picked File's stream in the browser, a string in tests). */
export interface TextSource {
  name: string;
  /** Bytes in all, for progress. */
  size: number;
  /** The text in chunks, each with the bytes it came from. */
  chunks(): AsyncIterable<{ text: string; bytes: number }>;
}

/** What "Open results" is given: runs, and qrels and language maps, each optional when a corpus stands in. */
export interface ResultsInput {
  runs: readonly TextSource[];
  /** TREC or ranx qrels; without them the corpus's judgments are used (when the run's ids are its passages). */
  qrels?: TextSource | null;
  /** docid<TAB>lang; without it the corpus names the languages. */
  docLangs?: TextSource | null;
  /** qid<TAB>lang; without it the corpus's questions name them. */
  queryLangs?: TextSource | null;
  corpus?: CorpusJudgments | null;
}

export interface ResultsProgress {
  file: string;
  done: number;
  total: number;
}

export interface OpenedRun extends ImportedRun {
  /** The file name without its extension ("run.multi"). */
  name: string;
  lists: RunLists;
  /** Where the relevance judgments came from: the qrels file's name, or the corpus's. */
  judgments: string;
}

/** One Evaluation report: one run, or the parts of one system merged as analyze merges an eval folder. */
export interface OpenedReport {
  /** The run's name ("run.multi"), or the parts' stem ("run"). */
  name: string;
  /** Indices into the opened runs; several for a merged system, in setting order. */
  parts: number[];
  /** For a merged system, each part's setting in order; null for a run alone. */
  settings: RunSetting[] | null;
  report: EvalReport;
}

export interface OpenedResults {
  /** Every run as picked (each keeps its own lists, for Ranking). */
  runs: OpenedRun[];
  reports: OpenedReport[];
}

/** The head of each query's list kept for the ranking view (the view's largest top k). */
export const LIST_KEEP = 200;

/**
 * Reads and scores runs the way `npm run analyze` does (same parsers, same scoreRun, the
 * corpus's skipped counts), streaming each file so a 100 MB run is never held as one string.
 * `signal` is checked between chunks, so a cancel takes effect within one chunk.
 */
export async function importResults(
  input: ResultsInput,
  opts: { signal?: AbortSignal; onProgress?: (p: ResultsProgress) => void } = {},
): Promise<OpenedResults> {
  if (input.runs.length === 0) throw new Error('Pick at least one run file.');
  const { corpus = null } = input;
  const read = <T>(source: TextSource, parser: (first: string) => StreamParser<T> | ((whole: string) => T)) => readSource(source, parser, opts);
  const docs = new DocTable();
  let qrels: Qrels | null = null;
  if (input.qrels) {
    const file = input.qrels.name;
    qrels = await read(input.qrels, (first) => (looksLikeJson(first) ? (text: string) => parseRanxQrels(file, text, docs) : createTrecQrelsParser(file, docs)));
  }
  const runs: ParsedRun[] = [];
  for (const source of input.runs) {
    const file = source.name;
    runs.push(await read(source, (first) => (looksLikeJson(first) ? (text: string) => parseRanxRun(file, text, docs) : createTrecRunParser(file, docs))));
  }
  // The corpus's judgments are taken per run, so each run's counts speak of its own queries only.
  const judged = runs.map((run) => qrels ?? corpusQrels([run], docs, corpus));

  let queryLangs: Map<string, LangCode> | null = null;
  if (input.docLangs) {
    const { name } = input.docLangs;
    await read(input.docLangs, () => createLangMapParser(name, docMapEntry(docs)));
    if (corpus) queryLangs = new Map(corpus.questions.map((q) => [q.id, q.lang]));
  } else if (corpus) {
    queryLangs = languagesFromCorpus(corpus, docs);
  } else {
    throw new Error('The document languages are needed: load the corpus the runs rank, or give a docid<TAB>lang file.');
  }
  if (input.queryLangs) {
    queryLangs = new Map();
    const { name } = input.queryLangs;
    await read(input.queryLangs, () => createLangMapParser(name, queryMapEntry(queryLangs!)));
  }
  if (!queryLangs) throw new Error('The query languages are needed: give a qid<TAB>lang file, or load the corpus the runs rank.');
  const fromCorpus = corpus !== null && !input.docLangs;
  const queryLang = queryLanguageLookup(queryLangs);
  const tieKey = tieKeysDescendingById(docs.ids);

  const scored = runs.map((run, i) => {
    const pool = poolOfName(input.runs[i].name);
    return scoreRun(run, judged[i], docs, { corpus: fromCorpus ? corpus.name : (input.docLangs?.name ?? ''), queryLang, pool, tieKey });
  });
  const skipped = (report: EvalReport) => (fromCorpus ? withCorpusSkipped(report, corpus) : report);
  const opened = runs.map((run, i): OpenedRun => {
    const relevantOf = (qid: string) => judged[i].queries.get(qid)?.relevant;
    const { diagnostics } = scored[i];
    return {
      name: input.runs[i].name.replace(/\.(trec|txt|run|json)$/i, ''),
      report: skipped(scored[i].report),
      // The notes are written for analyze's metrics.json; here the queries are not listed anywhere.
      diagnostics: { ...diagnostics, notes: diagnostics.notes.map((n) => n.replace(' (listed per query in metrics.json)', '')) },
      lists: buildRunLists(run, docs, relevantOf, tieKey, diagnostics.pool, LIST_KEEP),
      judgments: input.qrels ? input.qrels.name : `the judgments of ${corpus!.name}`,
    };
  });
  // As analyze does for an eval folder: the parts merged, then the corpus's skipped counts once on the whole.
  const reports = groupRunParts(input.runs.map((r) => r.name)).map((g): OpenedReport => {
    if (g.kind === 'single') return { name: opened[g.index].name, parts: [g.index], settings: null, report: opened[g.index].report };
    const parts = g.parts.map((p) => p.index);
    return { name: g.stem, parts, settings: g.parts.map((p) => p.setting), report: skipped(mergeReports(parts.map((i) => scored[i].report))) };
  });
  return { runs: opened, reports };
}

/** The evaluation's own files say their pool: run.multi.trec ranks the multilingual pool, run.mono/cross single ones. */
export function poolOfName(name: string): 'multi' | 'single' | undefined {
  const setting = /(?:^|[._-])(mono|cross|multi)\.(?:trec|txt|run|json)$/i.exec(name)?.[1]?.toLowerCase();
  return setting === undefined ? undefined : setting === 'multi' ? 'multi' : 'single';
}

/**
 * Qrels from the corpus's questions, for the queries the runs hold: a run query is a question id,
 * or "<question id>-><pool language>" for the lab's cross-lingual runs. Refused when no document
 * of the runs is a passage of the corpus (the judgments would say nothing about them).
 */
export function corpusQrels(runs: readonly ParsedRun[], docs: DocTable, corpus: CorpusJudgments | null): Qrels {
  const names = runs.map((r) => r.file).join(', ');
  if (!corpus) throw new Error(`${names}: no qrels file was given and no corpus is loaded, so nothing says which documents are relevant; give a qrels file.`);
  const passages = new Set(corpus.passages.map((p) => p.id));
  let known = 0;
  for (const id of docs.ids) if (passages.has(id)) known++;
  if (known === 0) {
    throw new Error(
      `${names}: none of the ${docs.size.toLocaleString('en-US')} document ids is a passage of ${corpus.name}, so its judgments do not apply; give a qrels file (or load the corpus the runs rank).`,
    );
  }
  const questions = new Map(corpus.questions.map((q) => [q.id, q]));
  const queries = new Map<string, QueryQrels>();
  let judgments = 0;
  for (const run of runs) {
    for (const { qid } of run.queries) {
      if (queries.has(qid)) continue;
      const cut = qid.lastIndexOf('->');
      const question = questions.get(qid) ?? (cut > 0 ? questions.get(qid.slice(0, cut)) : undefined);
      if (!question) continue;
      const relevant = question.relevant.map((id) => docs.intern(id));
      queries.set(qid, { relevant, judged: relevant.length });
      judgments += relevant.length;
    }
  }
  return { file: `${corpus.name} (judgments)`, queries, judgments };
}

async function readSource<T>(
  source: TextSource,
  parserFor: (first: string) => StreamParser<T> | ((whole: string) => T),
  opts: { signal?: AbortSignal; onProgress?: (p: ResultsProgress) => void },
): Promise<T> {
  let parser: StreamParser<T> | ((whole: string) => T) | null = null;
  const whole: string[] = [];
  let done = 0;
  for await (const { text, bytes } of source.chunks()) {
    opts.signal?.throwIfAborted();
    parser ??= parserFor(text);
    // JSON has no lines to stream by: it is gathered and parsed whole (as the CLI does).
    if (typeof parser === 'function') whole.push(text);
    else parser.push(text);
    done += bytes;
    opts.onProgress?.({ file: source.name, done, total: source.size });
  }
  opts.signal?.throwIfAborted();
  parser ??= parserFor('');
  return typeof parser === 'function' ? parser(whole.join('')) : parser.end();
}

/** A source over a string (tests, small inputs). */
export function textSource(name: string, text: string, chunkSize = 1 << 16): TextSource {
  const bytes = new TextEncoder().encode(text).length;
  return {
    name,
    size: bytes,
    async *chunks() {
      for (let at = 0; at < text.length; at += chunkSize) {
        const part = text.slice(at, at + chunkSize);
        yield { text: part, bytes: new TextEncoder().encode(part).length };
      }
    },
  };
}
