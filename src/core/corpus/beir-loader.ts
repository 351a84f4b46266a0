/**
 * BEIR / MTEB retrieval folders:
 *   corpus.jsonl   {"_id", "title"?, "text", "lang"? | "language"?, "group"?, "context"?}
 *   queries.jsonl  {"_id", "text", "lang"? | "language"?, "qid"? | "group"?}
 *   qrels/<split>.tsv  query-id <TAB> corpus-id <TAB> score, with a header line; score > 0 = relevant
 * A record's language comes from its "lang"/"language" field, else from the file name:
 * corpus.<lang>.jsonl and queries.<lang>.jsonl (several are merged). A query's `qid` (shared by
 * its translations) is its "qid" or "group" field, else its _id. The split is "test" by default,
 * else the only one present; `split` picks another.
 */
import { CorpusError } from './corpus-error';
import { checkId, checkText, createLangReader } from './corpus-invariant';
import { quoteValue } from './printable';
import { checkCorpus, listLanguages, nameFromLabel, type LoadedCorpus } from './loaded-corpus';
import { joinPath, optionalString, parseJsonLines, requireString, stripBom, type JsonObject } from './read-json';
import type { FileSource, LangCode, Passage, Question } from './types';

const CORPUS_FILE = /^corpus(?:\.([A-Za-z0-9_-]+))?\.jsonl$/;
const QUERIES_FILE = /^queries(?:\.([A-Za-z0-9_-]+))?\.jsonl$/;
const QRELS_FILE = /^qrels\/([^/]+)\.tsv$/;

export interface BeirOptions {
  name?: string;
  /** Which qrels/<split>.tsv to use; default "test", else the only split present. */
  split?: string;
}

/** Whether a file list looks like a BEIR folder (queries or qrels present). */
export function looksLikeBeir(files: readonly string[]): boolean {
  return files.some((f) => QUERIES_FILE.test(f) || QRELS_FILE.test(f));
}

interface FileRef {
  file: string;
  lang?: LangCode;
}

function matchFiles(files: readonly string[], pattern: RegExp): FileRef[] {
  return files
    .map((file) => ({ file, m: pattern.exec(file) }))
    .filter((x): x is { file: string; m: RegExpExecArray } => x.m !== null)
    .map(({ file, m }) => ({ file, lang: m[1] }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The qrels file to use, or an error that lists what there is. */
export function chooseSplit(files: readonly string[], label: string, wanted?: string): string {
  const splits = files
    .map((f) => QRELS_FILE.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
  if (splits.length === 0) throw new CorpusError(label, '', 'a qrels/<split>.tsv file (e.g. qrels/test.tsv)');
  if (wanted !== undefined) {
    if (!splits.includes(wanted)) {
      throw new CorpusError(
        label,
        `qrels/${wanted}.tsv`,
        `one of the splits present: ${splits.join(', ')}`,
        `no split "${wanted}"; expected one of: ${splits.join(', ')}`,
      );
    }
    return wanted;
  }
  if (splits.includes('test')) return 'test';
  if (splits.length === 1) return splits[0];
  throw new CorpusError(label, 'qrels/', `a "test" split, or the split option naming one of: ${splits.join(', ')}`);
}

type LangReader = ReturnType<typeof createLangReader>;

function readLang(record: JsonObject, file: FileRef, where: string, kind: 'corpus' | 'queries', toCode: LangReader): LangCode {
  const field = record.lang !== undefined && record.lang !== null ? 'lang' : 'language';
  const lang = optionalString(record, 'lang', file.file, where) ?? optionalString(record, 'language', file.file, where);
  if (lang !== undefined) return toCode(lang, file.file, joinPath(where, field));
  if (!file.lang) {
    throw new CorpusError(file.file, where, `a "lang" (or "language") field, or one file per language named ${kind}.<lang>.jsonl`);
  }
  return toCode(file.lang, file.file, '(file name)');
}

/** "title. text" when there is a title, without doubling a closing mark. */
function joinTitle(title: string | undefined, text: string): string {
  const t = title?.trim();
  if (!t) return text;
  return /[.!?。！？]$/.test(t) ? `${t} ${text}` : `${t}. ${text}`;
}

async function readPassages(source: FileSource, refs: FileRef[], toCode: LangReader): Promise<{ passages: Passage[]; where: Map<string, string> }> {
  const passages: Passage[] = [];
  const where = new Map<string, string>();
  const texts = await Promise.all(refs.map((r) => source.readText(r.file)));
  refs.forEach((ref, i) => {
    for (const { line, value } of parseJsonLines(ref.file, texts[i])) {
      const at = `line ${line}`;
      const id = checkId(requireString(value, '_id', ref.file, at, { allowNumber: true }), ref.file, joinPath(at, '_id'));
      const earlier = where.get(id);
      if (earlier !== undefined) throw new CorpusError(ref.file, at, 'unique _id values', `_id "${id}" is also used at ${earlier}`);
      where.set(id, `${ref.file} ${at}`);
      const title = optionalString(value, 'title', ref.file, at);
      const text = checkText(joinTitle(title, requireString(value, 'text', ref.file, at)), ref.file, joinPath(at, 'text'));
      const passage: Passage = { id, lang: readLang(value, ref, at, 'corpus', toCode), text };
      const group = optionalString(value, 'group', ref.file, at);
      const context = optionalString(value, 'context', ref.file, at);
      if (group !== undefined) passage.group = group;
      if (context !== undefined) passage.context = context;
      passages.push(passage);
    }
  });
  return { passages, where };
}

async function readQueries(source: FileSource, refs: FileRef[], toCode: LangReader): Promise<Question[]> {
  const questions: Question[] = [];
  const seen = new Map<string, string>();
  const texts = await Promise.all(refs.map((r) => source.readText(r.file)));
  refs.forEach((ref, i) => {
    for (const { line, value } of parseJsonLines(ref.file, texts[i])) {
      const at = `line ${line}`;
      const id = checkId(requireString(value, '_id', ref.file, at, { allowNumber: true }), ref.file, joinPath(at, '_id'));
      const earlier = seen.get(id);
      if (earlier !== undefined) throw new CorpusError(ref.file, at, 'unique _id values', `_id "${id}" is also used at ${earlier}`);
      seen.set(id, `${ref.file} ${at}`);
      const qid =
        (value.qid !== undefined ? requireString(value, 'qid', ref.file, at, { allowNumber: true }) : undefined) ??
        (value.group !== undefined ? requireString(value, 'group', ref.file, at, { allowNumber: true }) : undefined) ??
        id;
      checkId(qid, ref.file, joinPath(at, value.qid !== undefined ? 'qid' : 'group'));
      const text = checkText(requireString(value, 'text', ref.file, at), ref.file, joinPath(at, 'text'));
      questions.push({ id, qid, lang: readLang(value, ref, at, 'queries', toCode), text, relevant: [] });
    }
  });
  return questions;
}

/**
 * Fill each question's relevant list from one qrels file; returns ids judged only non-relevant.
 * Line 1 is a header only when it looks like one (a non-number score and ids that are not
 * known), so "q1<TAB>d1<TAB>yes" is an error rather than a judgment dropped as a header.
 */
function applyQrels(file: string, text: string, questions: Map<string, Question>, passageIds: Map<string, string>): Set<string> {
  const judgedOnlyZero = new Set<string>();
  // A Set per query keeps dedup linear (40k judgments for one query took 4.6 s with includes).
  const seen = new Map<string, Set<string>>();
  const lines = stripBom(text).split('\n');
  lines.forEach((rawLine, i) => {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() === '') return;
    const at = `line ${i + 1}`;
    const cols = line.split('\t');
    if (cols.length !== 3)
      throw new CorpusError(file, at, '3 tab-separated columns (query-id, corpus-id, score)', `expected 3 tab-separated columns, got ${cols.length}`);
    const [queryId, docId, scoreText] = cols;
    const score = Number(scoreText);
    if (scoreText.trim() === '' || !Number.isFinite(score)) {
      if (i === 0 && !questions.has(queryId) && !passageIds.has(docId)) return; // the header line
      throw new CorpusError(file, at, 'a number score', `expected a number score, got ${quoteValue(scoreText, 40)}`);
    }
    const question = questions.get(queryId);
    if (!question) throw new CorpusError(file, at, 'a query id from the queries file', `unknown query id ${quoteValue(queryId, 40)} (not in any queries file)`);
    if (!passageIds.has(docId))
      throw new CorpusError(file, at, 'a corpus id from the corpus file', `unknown corpus id ${quoteValue(docId, 40)} (not in any corpus file)`);
    if (score > 0) {
      let relevant = seen.get(queryId);
      if (!relevant) seen.set(queryId, (relevant = new Set(question.relevant)));
      if (!relevant.has(docId)) {
        relevant.add(docId);
        question.relevant.push(docId);
      }
      judgedOnlyZero.delete(queryId);
    } else if (question.relevant.length === 0) {
      judgedOnlyZero.add(queryId);
    }
  });
  return judgedOnlyZero;
}

/** Load a BEIR-style folder; `files` is the folder's file list (relative paths). */
export async function loadBeirCorpus(source: FileSource, files: readonly string[], opts: BeirOptions = {}): Promise<LoadedCorpus> {
  const corpusRefs = matchFiles(files, CORPUS_FILE);
  const queryRefs = matchFiles(files, QUERIES_FILE);
  if (corpusRefs.length === 0) throw new CorpusError(source.label, '', 'a corpus.jsonl or corpus.<lang>.jsonl file');
  if (queryRefs.length === 0) throw new CorpusError(source.label, '', 'a queries.jsonl or queries.<lang>.jsonl file');
  const split = chooseSplit(files, source.label, opts.split);
  const qrelsFile = `qrels/${split}.tsv`;

  const warnings: string[] = [];
  const toCode = createLangReader(warnings);
  const [{ passages, where }, allQueries, qrelsText] = await Promise.all([
    readPassages(source, corpusRefs, toCode),
    readQueries(source, queryRefs, toCode),
    source.readText(qrelsFile),
  ]);
  const byId = new Map(allQueries.map((q) => [q.id, q]));
  const judgedOnlyZero = applyQrels(qrelsFile, qrelsText, byId, where);

  const questions = allQueries.filter((q) => q.relevant.length > 0);
  if (judgedOnlyZero.size > 0) {
    warnings.push(`${qrelsFile}: ${judgedOnlyZero.size} queries have only score-0 judgments and were left out`);
  }
  const unjudged = allQueries.length - questions.length - judgedOnlyZero.size;
  if (unjudged > 0) warnings.push(`${unjudged} of ${allQueries.length} queries have no judgments in ${qrelsFile} and were left out`);

  const corpus = {
    name: opts.name ?? nameFromLabel(source.label),
    languages: listLanguages({ passages, questions }),
    passages,
    questions,
  };
  if (questions.length === 0) throw new CorpusError(qrelsFile, '', 'at least one judgment with score > 0 for a query');
  return { corpus: checkCorpus(corpus, source.label), format: 'beir', warnings };
}
