/**
 * The project's own plain corpus form: one JSON record per line, in one or several .jsonl files
 * (merged in name order). Records:
 *
 *   {"kind":"meta","name":"demo","languages":["en","ja"]}                   optional, first line only
 *   {"kind":"passage","id":"demo-01.ja","group":"demo-01","lang":"ja","text":"...","context":"..."}
 *   {"kind":"question","id":"q-01.ja","qid":"q-01","lang":"ja","text":"...","answer_groups":["demo-01"]}
 *
 * - passage: id, lang, text required; group (translations share it) and context optional.
 * - question: id, lang, text required; qid (shared by translations) defaults to id. Its relevant
 *   set is every passage, in every language, whose group is in answer_groups, plus any passage
 *   ids listed in "relevant"; at least one of the two must name something that exists.
 * - meta: name, and languages in display order; when given, every record's lang must be listed.
 * Full description: docs/corpus-formats.md.
 */
import { CorpusError } from './corpus-error';
import { checkId, checkText, createLangReader } from './corpus-invariant';
import { quoteValue } from './printable';
import { checkCorpus, listLanguages, nameFromLabel, type LoadedCorpus } from './loaded-corpus';
import { joinPath, optionalString, optionalStringArray, parseJsonLines, requireString, type JsonObject } from './read-json';
import type { FileSource, Passage, Question } from './types';

const JSONL_FILE = /^[^/]+\.jsonl$/;

/** Top-level .jsonl files, sorted by name. */
export function listJsonlFiles(files: readonly string[]): string[] {
  return files.filter((f) => JSONL_FILE.test(f)).sort();
}

interface PendingQuestion {
  question: Question;
  groups: string[];
  explicit: string[];
  file: string;
  where: string;
}

interface Meta {
  name?: string;
  languages?: string[];
  /** "demo.jsonl line 1", for messages about the languages list. */
  file: string;
  where: string;
}

type LangReader = ReturnType<typeof createLangReader>;

/** Parse the records of all files into passages, questions-to-resolve, and the meta record. */
function readRecords(files: Array<{ file: string; text: string }>, toCode: LangReader) {
  const passages: Passage[] = [];
  const pending: PendingQuestion[] = [];
  const where = new Map<string, string>();
  const questionWhere = new Map<string, string>();
  let meta: Meta | undefined;
  for (const { file, text } of files) {
    parseJsonLines(file, text).forEach(({ line, value }, index) => {
      const at = `line ${line}`;
      const kind = value.kind;
      if (kind === 'meta') {
        if (index !== 0 || meta) throw new CorpusError(file, at, 'a "meta" record only once, on the first line');
        meta = readMeta(value, file, at, toCode);
      } else if (kind === 'passage') {
        const passage = readPassage(value, file, at, toCode);
        const earlier = where.get(passage.id);
        if (earlier !== undefined) throw new CorpusError(file, at, 'unique passage ids', `passage id "${passage.id}" is also used at ${earlier}`);
        where.set(passage.id, `${file} ${at}`);
        passages.push(passage);
      } else if (kind === 'question') {
        const q = readQuestion(value, file, at, toCode);
        const earlier = questionWhere.get(q.question.id);
        if (earlier !== undefined) throw new CorpusError(file, at, 'unique question ids', `question id "${q.question.id}" is also used at ${earlier}`);
        questionWhere.set(q.question.id, `${file} ${at}`);
        pending.push(q);
      } else {
        const hint = kind === undefined && '_id' in value ? ' (this looks like BEIR: add queries.jsonl and qrels/<split>.tsv)' : '';
        throw new CorpusError(file, `${at}, field "kind"`, `"meta", "passage" or "question"${hint}`);
      }
    });
  }
  return { passages, pending, meta };
}

function readMeta(value: JsonObject, file: string, at: string, toCode: LangReader): Meta {
  const where = joinPath(at, 'languages');
  const raw = optionalStringArray(value, 'languages', file, at);
  const languages = raw?.map((l, i) => toCode(l, file, `${where}[${i}]`));
  // A language listed twice would count its cells twice and repeat query ids in the TREC runs.
  const twice = languages?.find((l, i) => languages.indexOf(l) !== i);
  if (twice !== undefined) throw new CorpusError(file, where, 'each language listed once', `"${twice}" is listed more than once`);
  return { name: optionalString(value, 'name', file, at), languages, file, where };
}

function readPassage(value: JsonObject, file: string, at: string, toCode: LangReader): Passage {
  const passage: Passage = {
    id: checkId(requireString(value, 'id', file, at), file, joinPath(at, 'id')),
    lang: toCode(requireString(value, 'lang', file, at), file, joinPath(at, 'lang')),
    text: checkText(requireString(value, 'text', file, at), file, joinPath(at, 'text')),
  };
  const group = optionalString(value, 'group', file, at);
  const context = optionalString(value, 'context', file, at);
  if (group !== undefined) passage.group = group;
  if (context !== undefined) passage.context = context;
  return passage;
}

function readQuestion(value: JsonObject, file: string, at: string, toCode: LangReader): PendingQuestion {
  const id = checkId(requireString(value, 'id', file, at), file, joinPath(at, 'id'));
  const groups = optionalStringArray(value, 'answer_groups', file, at) ?? [];
  const explicit = optionalStringArray(value, 'relevant', file, at) ?? [];
  if (groups.length === 0 && explicit.length === 0) {
    throw new CorpusError(file, at, 'a non-empty "answer_groups" or "relevant" list', `question ${quoteValue(id, 40)} names no answers`);
  }
  const qid = optionalString(value, 'qid', file, at);
  const question: Question = {
    id,
    qid: qid === undefined ? id : checkId(qid, file, joinPath(at, 'qid')),
    lang: toCode(requireString(value, 'lang', file, at), file, joinPath(at, 'lang')),
    text: checkText(requireString(value, 'text', file, at), file, joinPath(at, 'text')),
    relevant: [],
  };
  return { question, groups, explicit, file, where: at };
}

/** Turn answer_groups and relevant ids into passage ids, in corpus order; unknown names are errors. */
function resolveRelevant(passages: Passage[], pending: PendingQuestion[]): Question[] {
  const order = new Map(passages.map((p, i) => [p.id, i]));
  const byGroup = new Map<string, string[]>();
  for (const p of passages) {
    if (p.group === undefined) continue;
    const list = byGroup.get(p.group);
    if (list) list.push(p.id);
    else byGroup.set(p.group, [p.id]);
  }
  return pending.map(({ question, groups, explicit, file, where }) => {
    const ids = new Set<string>();
    for (const id of explicit) {
      if (!order.has(id))
        throw new CorpusError(file, where, 'relevant passage ids that exist', `question "${question.id}": relevant passage "${id}" does not exist`);
      ids.add(id);
    }
    for (const g of groups) {
      const members = byGroup.get(g);
      if (!members) throw new CorpusError(file, where, 'answer groups that some passage has', `question "${question.id}": no passage has group "${g}"`);
      for (const id of members) ids.add(id);
    }
    const relevant = [...ids].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    return { ...question, relevant };
  });
}

/** Check record languages against the meta list, when there is one: every lang listed, every listed one used. */
function checkLanguages(meta: Meta | undefined, passages: Passage[], questions: Question[]): void {
  if (!meta?.languages) return;
  const allowed = new Set(meta.languages);
  const stray = [...passages, ...questions].find((r) => !allowed.has(r.lang));
  if (stray) {
    throw new CorpusError(
      meta.file,
      meta.where,
      `every record's lang listed [${meta.languages.join(', ')}]`,
      `lang "${stray.lang}" of record ${quoteValue(stray.id, 40)} is not listed`,
    );
  }
  const used = new Set([...passages, ...questions].map((r) => r.lang));
  const unused = meta.languages.find((l) => !used.has(l));
  if (unused !== undefined) {
    throw new CorpusError(
      meta.file,
      meta.where,
      'languages that some passage or question uses',
      `"${unused}" is listed but no passage or question has lang "${unused}"`,
    );
  }
}

/** Load every top-level .jsonl file among `files` as one corpus. */
export async function loadJsonlCorpus(source: FileSource, files: readonly string[], opts: { name?: string } = {}): Promise<LoadedCorpus> {
  const names = listJsonlFiles(files);
  if (names.length === 0) throw new CorpusError(source.label, '', 'a .jsonl file of passage and question records', 'no .jsonl files');
  const texts = await Promise.all(names.map((f) => source.readText(f)));
  const warnings: string[] = [];
  const { passages, pending, meta } = readRecords(
    names.map((file, i) => ({ file, text: texts[i] })),
    createLangReader(warnings),
  );
  const questions = resolveRelevant(passages, pending);
  checkLanguages(meta, passages, questions);
  const corpus = {
    name: opts.name ?? meta?.name ?? nameFromLabel(source.label),
    languages: meta?.languages ?? listLanguages({ passages, questions }),
    passages,
    questions,
  };
  return { corpus: checkCorpus(corpus, names.join(', ')), format: 'jsonl', warnings };
}
