/**
 * SQuAD-style retrieval corpora with sentence boundaries: XQuAD-R and MLQA-R (LAReQA).
 * One file per language, named "<lang>.json" (the stem is the language), each
 *   {data: [{title?, paragraphs: [{context, sentences?, sentence_breaks?, qas: [{id, question,
 *     answers: [{answer_start, text}]}]}]}]}.
 * Every sentence of every paragraph is one Passage; a question's relevant set is the sentence
 * holding its answer in every language where the same question id exists.
 *
 * Rules for what the data leaves open (all seen in, or guarded against for, the real files):
 * - sentence_breaks are the truth for locating answers; an answer_start in a gap between breaks
 *   (whitespace) belongs to the next sentence; answers running past their sentence map by start.
 * - Passage text is sentences[i] when sentences and breaks pair one to one; the breaks do not
 *   always cover the context exactly (gaps hold spaces, list bullets "·"/"•" in en and zh, and
 *   a Turkish paragraph's breaks drift by a character after a mojibake sequence), so the
 *   sentence text is the cleaner copy. If the counts differ the breaks win and the text is sliced from context.
 *   With only one of the two fields the other is derived from the context.
 * - A question whose answer cannot be located is skipped and reported in `warnings`.
 * - Passages of the same paragraph position share `group` = "a<article>p<paragraph>/s<i>" only
 *   when the files are parallel (same shape, each question id at the same position), as in
 *   XQuAD-R. MLQA-R paragraphs are not aligned by position, so there passages carry no group.
 */
import { CorpusError } from './corpus-error';
import { checkId, checkText, createLangReader } from './corpus-invariant';
import { checkCorpus, nameFromLabel, type LoadedCorpus } from './loaded-corpus';
import { joinPath, optionalStringArray, parseJsonFile, requireArray, requireObject, requireString, type JsonObject } from './read-json';
import type { FileSource, LangCode, Passage, Question } from './types';

/** "en.json", "zh-Hans.json", "pt_BR.json": a language code as the whole stem, top level only. */
const LANG_FILE = /^([a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)\.json$/;

export interface SquadFileRef {
  file: string;
  lang: LangCode;
}

/** The per-language files among a file list, sorted by name (the order languages are listed in). */
export function listSquadFiles(files: readonly string[]): SquadFileRef[] {
  const out: SquadFileRef[] = [];
  for (const file of files) {
    const m = LANG_FILE.exec(file);
    if (m) out.push({ file, lang: m[1] });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

interface SquadQuestion {
  id: string;
  text: string;
  /** Index into the paragraph's sentences, or -1 when no answer could be located. */
  sentence: number;
  where: string;
}

interface SquadParagraph {
  /** Position key, "a<article>p<paragraph>". */
  key: string;
  context: string;
  /** Sentence texts by break index, trimmed; '' for a sentence with no text. */
  sentences: string[];
  questions: SquadQuestion[];
}

export interface SquadFile {
  file: string;
  lang: LangCode;
  /** Number of paragraphs in each article, for the parallel-shape check. */
  shape: number[];
  paragraphs: SquadParagraph[];
}

/** Parse and validate one language file. Problems that lose data are pushed onto `warnings`. */
export function parseSquadFile(file: string, lang: LangCode, text: string, warnings: string[]): SquadFile {
  const root = requireObject(parseJsonFile(file, text), file, '(top level)');
  const data = requireArray(root.data, file, 'data');
  const paragraphs: SquadParagraph[] = [];
  const shape: number[] = [];
  const seenIds = new Map<string, string>();
  data.forEach((articleValue, ai) => {
    const articleWhere = `data[${ai}]`;
    const article = requireObject(articleValue, file, articleWhere);
    const paras = requireArray(article.paragraphs, file, joinPath(articleWhere, 'paragraphs'));
    shape.push(paras.length);
    paras.forEach((paraValue, pi) => {
      const where = `${articleWhere}.paragraphs[${pi}]`;
      const paragraph = parseParagraph(file, where, requireObject(paraValue, file, where), `a${ai}p${pi}`, warnings);
      for (const q of paragraph.questions) {
        const earlier = seenIds.get(q.id);
        if (earlier !== undefined) {
          throw new CorpusError(file, q.where, 'unique question ids', `question id "${q.id}" is also used at ${earlier}`);
        }
        seenIds.set(q.id, q.where);
      }
      paragraphs.push(paragraph);
    });
  });
  return { file, lang, shape, paragraphs };
}

function parseParagraph(file: string, where: string, p: JsonObject, key: string, warnings: string[]): SquadParagraph {
  const context = requireString(p, 'context', file, where);
  const givenSentences = optionalStringArray(p, 'sentences', file, where);
  const givenBreaks =
    p.sentence_breaks === undefined || p.sentence_breaks === null
      ? undefined
      : parseBreaks(file, joinPath(where, 'sentence_breaks'), p.sentence_breaks, context.length);

  let breaks: Array<[number, number]>;
  let sentences: string[];
  if (givenBreaks && givenSentences && givenBreaks.length === givenSentences.length) {
    checkPairs(file, where, context, givenBreaks, givenSentences);
    breaks = givenBreaks;
    sentences = givenSentences;
  } else if (givenBreaks) {
    if (givenSentences) {
      warnings.push(
        `${file}: ${where}: ${givenBreaks.length} sentence_breaks but ${givenSentences.length} sentences; ` +
          'used the breaks and took sentence text from the context',
      );
    }
    breaks = givenBreaks;
    sentences = breaks.map(([s, e]) => context.slice(s, e));
  } else if (givenSentences) {
    sentences = givenSentences;
    breaks = locateSentences(file, where, context, givenSentences);
  } else {
    throw new CorpusError(file, where, '"sentence_breaks" or "sentences" (a SQuAD file with sentence boundaries, as in XQuAD-R)');
  }

  const qas = requireArray(p.qas, file, joinPath(where, 'qas'));
  const trimmed = sentences.map((s) => s.trim());
  const questions = qas.map((qaValue, qi) => {
    const qaWhere = `${where}.qas[${qi}]`;
    const qa = requireObject(qaValue, file, qaWhere);
    const id = checkId(requireString(qa, 'id', file, qaWhere, { allowNumber: true }), file, joinPath(qaWhere, 'id'));
    const text = checkText(requireString(qa, 'question', file, qaWhere), file, joinPath(qaWhere, 'question'));
    const starts = parseAnswerStarts(file, qaWhere, qa);
    return { id, text, sentence: findAnswerSentence(starts, breaks, trimmed), where: qaWhere };
  });
  return { key, context, sentences: trimmed, questions };
}

function parseBreaks(file: string, where: string, value: unknown, contextLength: number): Array<[number, number]> {
  const list = requireArray(value, file, where);
  let previousEnd = 0;
  return list.map((item, i) => {
    const itemWhere = `${where}[${i}]`;
    if (!Array.isArray(item) || item.length !== 2 || !item.every((n) => Number.isInteger(n))) {
      throw new CorpusError(file, itemWhere, '[start, end] numbers');
    }
    const [start, end] = item as [number, number];
    if (start < 0 || start > end || end > contextLength) {
      const expected = `0 <= start <= end <= context length (${contextLength})`;
      throw new CorpusError(file, itemWhere, expected, `expected ${expected}, got [${start}, ${end}]`);
    }
    if (start < previousEnd) {
      throw new CorpusError(file, itemWhere, `breaks in order that do not overlap (previous break ends at ${previousEnd})`);
    }
    previousEnd = end;
    return [start, end];
  });
}

/**
 * Breaks and sentences given together are paired by position, so each break must cover its
 * sentence: zero-width breaks ([[0,0],[11,11]]) would otherwise place every answer in the wrong
 * sentence. A couple of characters of drift are allowed (a Turkish XQuAD paragraph drifts by one
 * after a mojibake sequence); a length that differs more means the two lists do not pair.
 */
function checkPairs(file: string, where: string, context: string, breaks: Array<[number, number]>, sentences: string[]): void {
  breaks.forEach(([start, end], i) => {
    const sentence = sentences[i].trim();
    const covered = context.slice(start, end).trim();
    if (sentence !== '' && Math.abs(covered.length - sentence.length) > 2) {
      throw new CorpusError(
        file,
        `${where}.sentence_breaks[${i}]`,
        `a break covering sentences[${i}]`,
        `break [${start}, ${end}] covers ${covered.length} characters but sentences[${i}] has ${sentence.length}; the breaks do not match the sentences`,
      );
    }
  });
}

/** Breaks for a paragraph that only lists sentence texts: find each one after the previous. */
function locateSentences(file: string, where: string, context: string, sentences: string[]): Array<[number, number]> {
  let cursor = 0;
  return sentences.map((s, i) => {
    const start = context.indexOf(s, cursor);
    if (start < 0) throw new CorpusError(file, `${where}.sentences[${i}]`, 'text found in context after the previous sentence');
    cursor = start + s.length;
    return [start, cursor];
  });
}

function parseAnswerStarts(file: string, where: string, qa: JsonObject): number[] {
  const answers = requireArray(qa.answers, file, joinPath(where, 'answers'));
  return answers.map((a, i) => {
    const answerWhere = `${where}.answers[${i}]`;
    const start = requireObject(a, file, answerWhere).answer_start;
    if (!Number.isInteger(start)) throw new CorpusError(file, `${answerWhere}.answer_start`, 'an integer');
    return start as number;
  });
}

/**
 * The sentence holding the first answer that can be placed: the break containing answer_start,
 * or the next one when the start falls in the gap before it. -1 when none can be placed.
 */
function findAnswerSentence(starts: number[], breaks: Array<[number, number]>, sentences: string[]): number {
  for (const start of starts) {
    const i = breaks.findIndex(([, end]) => start < end);
    if (i >= 0 && start >= 0 && sentences[i] !== '') return i;
  }
  return -1;
}

/** Same article/paragraph shape everywhere, and each question id at one position in all files. */
function isParallel(files: SquadFile[]): boolean {
  const shape = files[0].shape.join(',');
  if (files.some((f) => f.shape.join(',') !== shape)) return false;
  const positions = new Map<string, string>();
  for (const f of files) {
    for (const p of f.paragraphs) {
      for (const q of p.questions) {
        const known = positions.get(q.id);
        if (known !== undefined && known !== p.key) return false;
        positions.set(q.id, p.key);
      }
    }
  }
  return true;
}

/** Build the corpus from parsed language files (order = language order). */
export function buildSquadCorpus(name: string, parsed: SquadFile[], warnings: string[]): LoadedCorpus {
  const parallel = parsed.length > 1 && isParallel(parsed);
  if (parsed.length > 1 && !parallel) {
    warnings.push('paragraphs are not parallel across the language files (as in MLQA-R): passages carry no translation group');
  }
  const passages: Passage[] = [];
  const answers: Array<{ qid: string; lang: LangCode; text: string; passageId: string }> = [];
  const relevantByQid = new Map<string, string[]>();
  for (const f of parsed) {
    for (const p of f.paragraphs) {
      p.sentences.forEach((text, i) => {
        if (text === '') return;
        const passage: Passage = { id: `${f.lang}/${p.key}/s${i}`, lang: f.lang, text, context: p.context };
        if (parallel) passage.group = `${p.key}/s${i}`;
        passages.push(passage);
      });
      for (const q of p.questions) {
        if (q.sentence < 0) {
          warnings.push(`${f.file}: ${q.where} (id ${q.id}): answer could not be located in any sentence; question skipped`);
          continue;
        }
        const passageId = `${f.lang}/${p.key}/s${q.sentence}`;
        answers.push({ qid: q.id, lang: f.lang, text: q.text, passageId });
        const relevant = relevantByQid.get(q.id);
        if (relevant) relevant.push(passageId);
        else relevantByQid.set(q.id, [passageId]);
      }
    }
  }
  const questions: Question[] = answers.map((a) => ({
    id: `${a.qid}/${a.lang}`,
    qid: a.qid,
    lang: a.lang,
    text: a.text,
    relevant: relevantByQid.get(a.qid) ?? [],
  }));
  const corpus = { name, languages: parsed.map((f) => f.lang), passages, questions };
  return { corpus: checkCorpus(corpus, parsed.map((f) => f.file).join(', ')), format: 'squad', warnings };
}

/** Load every "<lang>.json" among `files` from `source`. */
export async function loadSquadCorpus(source: FileSource, files: readonly string[], opts: { name?: string } = {}): Promise<LoadedCorpus> {
  const refs = listSquadFiles(files);
  if (refs.length === 0) {
    throw new CorpusError(source.label, '', 'one "<lang>.json" file per language (e.g. en.json, de.json)', 'no language files found');
  }
  const texts = await Promise.all(refs.map((r) => source.readText(r.file)));
  const warnings: string[] = [];
  const readLang = createLangReader(warnings);
  const parsed = refs.map((r, i) => parseSquadFile(r.file, readLang(r.lang, r.file, '(file name)'), texts[i], warnings));
  return buildSquadCorpus(opts.name ?? nameFromLabel(source.label), parsed, warnings);
}
