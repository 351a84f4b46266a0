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
import { checkCorpus, listLanguages, nameFromLabel, type LoadedCorpus } from './loaded-corpus';
import { optionalString, optionalStringArray, parseJsonLines, requireString, type JsonObject } from './read-json';
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
}

/** Parse the records of all files into passages, questions-to-resolve, and the meta record. */
function readRecords(files: Array<{ file: string; text: string }>) {
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
        meta = readMeta(value, file, at);
      } else if (kind === 'passage') {
        const passage = readPassage(value, file, at);
        const earlier = where.get(passage.id);
        if (earlier !== undefined) throw new CorpusError(file, at, 'unique passage ids', `passage id "${passage.id}" is also used at ${earlier}`);
        where.set(passage.id, `${file} ${at}`);
        passages.push(passage);
      } else if (kind === 'question') {
        const q = readQuestion(value, file, at);
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

function readMeta(value: JsonObject, file: string, at: string): Meta {
  return { name: optionalString(value, 'name', file, at), languages: optionalStringArray(value, 'languages', file, at) };
}

function readPassage(value: JsonObject, file: string, at: string): Passage {
  const passage: Passage = {
    id: requireString(value, 'id', file, at),
    lang: requireString(value, 'lang', file, at),
    text: requireString(value, 'text', file, at),
  };
  const group = optionalString(value, 'group', file, at);
  const context = optionalString(value, 'context', file, at);
  if (group !== undefined) passage.group = group;
  if (context !== undefined) passage.context = context;
  return passage;
}

function readQuestion(value: JsonObject, file: string, at: string): PendingQuestion {
  const id = requireString(value, 'id', file, at);
  const groups = optionalStringArray(value, 'answer_groups', file, at) ?? [];
  const explicit = optionalStringArray(value, 'relevant', file, at) ?? [];
  if (groups.length === 0 && explicit.length === 0) {
    throw new CorpusError(file, at, 'a non-empty "answer_groups" or "relevant" list', `question "${id}" names no answers`);
  }
  const question: Question = {
    id,
    qid: optionalString(value, 'qid', file, at) ?? id,
    lang: requireString(value, 'lang', file, at),
    text: requireString(value, 'text', file, at),
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
      if (!order.has(id)) throw new CorpusError(file, where, 'relevant passage ids that exist', `question "${question.id}": relevant passage "${id}" does not exist`);
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

/** Check record languages against the meta list, when there is one. */
function checkLanguages(meta: Meta | undefined, files: string[], passages: Passage[], questions: Question[]): void {
  if (!meta?.languages) return;
  const allowed = new Set(meta.languages);
  const stray = [...passages, ...questions].find((r) => !allowed.has(r.lang));
  if (stray) {
    throw new CorpusError(files.join(', '), `record "${stray.id}"`, `a lang listed in meta.languages [${meta.languages.join(', ')}]`, `lang "${stray.lang}" is not listed in meta.languages`);
  }
}

/** Load every top-level .jsonl file among `files` as one corpus. */
export async function loadJsonlCorpus(source: FileSource, files: readonly string[], opts: { name?: string } = {}): Promise<LoadedCorpus> {
  const names = listJsonlFiles(files);
  if (names.length === 0) throw new CorpusError(source.label, '', 'a .jsonl file of passage and question records', 'no .jsonl files');
  const texts = await Promise.all(names.map((f) => source.readText(f)));
  const { passages, pending, meta } = readRecords(names.map((file, i) => ({ file, text: texts[i] })));
  const questions = resolveRelevant(passages, pending);
  checkLanguages(meta, names, passages, questions);
  const corpus = {
    name: opts.name ?? meta?.name ?? nameFromLabel(source.label),
    languages: meta?.languages ?? listLanguages({ passages, questions }),
    passages,
    questions,
  };
  return { corpus: checkCorpus(corpus, names.join(', ')), format: 'jsonl', warnings: [] };
}
