import { checkCorpusInvariant } from './corpus-invariant';
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
 * Last check before a loader hands a corpus out: the corpus invariant (corpus-invariant.ts).
 * Loaders check earlier with line numbers; this is the net under them.
 */
export function checkCorpus(corpus: Corpus, file: string): Corpus {
  return checkCorpusInvariant(corpus, file);
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
