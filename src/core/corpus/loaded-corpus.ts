import { CorpusError } from './corpus-error';
import type { Corpus } from './types';

/** The file layouts loadCorpus understands (docs/corpus-formats.md). */
export type CorpusFormat = 'squad' | 'beir' | 'jsonl';

/** What every loader returns: a complete corpus, never a partial one, plus what it skipped. */
export interface LoadedCorpus {
  corpus: Corpus;
  format: CorpusFormat;
  /** Things skipped or worked around, for a person to read; empty when the input was clean. */
  warnings: string[];
}

/**
 * Last check before a loader hands a corpus out: ids unique, every question answerable by
 * passages that exist. Loaders check earlier with line numbers; this is the net under them.
 */
export function checkCorpus(corpus: Corpus, file: string): Corpus {
  if (corpus.passages.length === 0) throw new CorpusError(file, '', 'at least one passage', 'no passages found');
  if (corpus.questions.length === 0) throw new CorpusError(file, '', 'at least one question', 'no questions found');
  const langs = new Set(corpus.languages);
  const passageIds = new Set<string>();
  for (const p of corpus.passages) {
    if (passageIds.has(p.id)) throw new CorpusError(file, `passage "${p.id}"`, 'unique passage ids', 'passage id used twice');
    passageIds.add(p.id);
    if (!langs.has(p.lang)) throw new CorpusError(file, `passage "${p.id}"`, `a language in [${corpus.languages.join(', ')}]`);
  }
  const questionIds = new Set<string>();
  for (const q of corpus.questions) {
    const where = `question "${q.id}"`;
    if (questionIds.has(q.id)) throw new CorpusError(file, where, 'unique question ids', 'question id used twice');
    questionIds.add(q.id);
    if (!langs.has(q.lang)) throw new CorpusError(file, where, `a language in [${corpus.languages.join(', ')}]`);
    if (q.relevant.length === 0) throw new CorpusError(file, where, 'at least one relevant passage', 'no relevant passages');
    const missing = q.relevant.find((id) => !passageIds.has(id));
    if (missing !== undefined) {
      throw new CorpusError(file, where, 'relevant passages that exist', `relevant passage "${missing}" does not exist`);
    }
  }
  return corpus;
}

/** Languages in first-seen order: passages first, then questions. */
export function listLanguages(corpus: Pick<Corpus, 'passages' | 'questions'>): string[] {
  const seen = new Set<string>();
  for (const p of corpus.passages) seen.add(p.lang);
  for (const q of corpus.questions) seen.add(q.lang);
  return [...seen];
}

/** A default corpus name from a source label: the last segment of a folder path or URL. */
export function nameFromLabel(label: string): string {
  const segments = label.split(/[\\/]+/).filter((s) => s && !/^https?:$/.test(s));
  return segments.at(-1) ?? label;
}
