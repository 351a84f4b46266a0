/**
 * The corpus invariant: what every loader (SQuAD-style, BEIR, JSONL) and every import that
 * names passages or questions (runs, embeddings) may rely on. A corpus handed out satisfies it:
 * - ids (passage, question, qid) are non-empty, hold no white space or control characters
 *   (they become TREC columns and file lines), and passage / question ids are unique;
 * - languages match LANG_CODE_PATTERN (shared with the URL state), are unique, and each is
 *   used by some passage or question; every record's language is listed;
 * - texts are non-empty after trimming;
 * - every question has relevant passages, listed once each, that exist.
 * Loaders check fields as they read them (with line numbers / JSON paths); checkCorpusInvariant
 * is the net under them.
 */
import { CorpusError } from './corpus-error';
import { isLangCode, normalizeLangCode } from './language-code';
import { quoteValue } from './printable';
import type { Corpus, LangCode } from './types';

const BAD_ID_CHAR = /[\s\p{Cc}\p{Cf}]/u;

/** Why `id` cannot be an id, or null when it can. */
export function idProblem(id: string): string | null {
  if (id === '') return 'is empty';
  const bad = BAD_ID_CHAR.exec(id);
  if (bad) return `contains ${bad[0] === ' ' ? 'a space' : 'white space or a control character'} (${quoteValue(id, 40)})`;
  return null;
}

/** An id read from `file` at `where` (e.g. 'line 4, field "_id"'), checked. */
export function checkId(id: string, file: string, where: string): string {
  const problem = idProblem(id);
  if (problem) throw new CorpusError(file, where, 'a non-empty id without white space or control characters', `id ${problem}`);
  return id;
}

/** A text field, checked to hold something besides white space. */
export function checkText(text: string, file: string, where: string): string {
  if (text.trim() === '') throw new CorpusError(file, where, 'a non-empty text', 'text is empty');
  return text;
}

/**
 * Reads language codes for one load: a code that only fits with "_" read as "-" (pt_BR) is
 * mapped, with one warning per spelling; anything else is a CorpusError.
 */
export function createLangReader(warnings: string[]): (raw: string, file: string, where: string) => LangCode {
  const warned = new Set<string>();
  return (raw, file, where) => {
    const n = normalizeLangCode(raw);
    if (!n) {
      throw new CorpusError(
        file,
        where,
        'a BCP 47 language code such as "en", "zh-Hans" or "pt-BR"',
        `${quoteValue(raw, 40)} is not a language code (expected e.g. "en", "zh-Hans", "pt-BR")`,
      );
    }
    if (n.mapped && !warned.has(raw)) {
      warned.add(raw);
      warnings.push(`${file}: language "${raw}" read as "${n.code}" (BCP 47 separates subtags with "-")`);
    }
    return n.code;
  };
}

export interface InvariantViolation {
  where: string;
  expected: string;
  problem: string;
}

/** The first way `corpus` breaks the invariant, or null when it holds. */
export function findInvariantViolation(corpus: Corpus): InvariantViolation | null {
  const v = (where: string, expected: string, problem: string): InvariantViolation => ({ where, expected, problem });
  if (corpus.passages.length === 0) return v('', 'at least one passage', 'no passages found');
  if (corpus.questions.length === 0) return v('', 'at least one question', 'no questions found');
  const langs = new Set<LangCode>();
  for (const lang of corpus.languages) {
    if (!isLangCode(lang)) return v('languages', 'BCP 47 language codes', `${quoteValue(lang, 40)} is not a language code`);
    if (langs.has(lang)) return v('languages', 'each language listed once', `"${lang}" is listed twice`);
    langs.add(lang);
  }
  const used = new Set<LangCode>();
  const listed = `a language in [${corpus.languages.join(', ')}]`;
  const passageIds = new Set<string>();
  for (const p of corpus.passages) {
    const where = `passage ${quoteValue(p.id, 40)}`;
    const bad = idProblem(p.id);
    if (bad) return v(where, 'a non-empty id without white space or control characters', `id ${bad}`);
    if (passageIds.has(p.id)) return v(where, 'unique passage ids', 'passage id used twice');
    passageIds.add(p.id);
    if (!langs.has(p.lang)) return v(where, listed, `language ${quoteValue(p.lang, 40)} is not listed`);
    used.add(p.lang);
    if (p.text.trim() === '') return v(where, 'a non-empty text', 'text is empty');
  }
  const questionIds = new Set<string>();
  for (const q of corpus.questions) {
    const where = `question ${quoteValue(q.id, 40)}`;
    const bad = idProblem(q.id) ?? idProblem(q.qid);
    if (bad) return v(where, 'non-empty ids without white space or control characters', `id ${bad}`);
    if (questionIds.has(q.id)) return v(where, 'unique question ids', 'question id used twice');
    questionIds.add(q.id);
    if (!langs.has(q.lang)) return v(where, listed, `language ${quoteValue(q.lang, 40)} is not listed`);
    used.add(q.lang);
    if (q.text.trim() === '') return v(where, 'a non-empty text', 'text is empty');
    if (q.relevant.length === 0) return v(where, 'at least one relevant passage', 'no relevant passages');
    if (new Set(q.relevant).size !== q.relevant.length) return v(where, 'each relevant passage once', 'a relevant passage is listed twice');
    const missing = q.relevant.find((id) => !passageIds.has(id));
    if (missing !== undefined) return v(where, 'relevant passages that exist', `relevant passage ${quoteValue(missing, 40)} does not exist`);
  }
  const unused = corpus.languages.find((l) => !used.has(l));
  if (unused !== undefined) return v('languages', 'languages that some passage or question uses', `"${unused}" is listed but no passage or question uses it`);
  return null;
}

/** The corpus itself when it satisfies the invariant; else a CorpusError naming `file`. */
export function checkCorpusInvariant(corpus: Corpus, file: string): Corpus {
  const violation = findInvariantViolation(corpus);
  if (violation) throw new CorpusError(file, violation.where, violation.expected, violation.problem);
  return corpus;
}
