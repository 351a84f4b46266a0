import type { Corpus } from '../corpus/types';
import { quoteValue } from '../corpus/printable';
import type { EmbeddingSet } from './embedding-set';

/** Which of a corpus's passages and questions an embedding set covers, and which ids it has that the corpus lacks. */
export interface EmbeddingCoverage {
  passages: { covered: number; total: number; missing: string[] };
  questions: { covered: number; total: number; missing: string[] };
  /** Ids in the set that name no passage and no question of the corpus (counted, never used). */
  unknown: string[];
}

export function embeddingCoverage(set: EmbeddingSet, corpus: Corpus): EmbeddingCoverage {
  const inSet = new Set(set.ids);
  const known = new Set<string>();
  const part = (ids: string[]) => {
    ids.forEach((id) => known.add(id));
    const missing = ids.filter((id) => !inSet.has(id));
    return { covered: ids.length - missing.length, total: ids.length, missing };
  };
  const passages = part(corpus.passages.map((p) => p.id));
  const questions = part(corpus.questions.map((q) => q.id));
  return { passages, questions, unknown: set.ids.filter((id) => !known.has(id)) };
}

const examples = (ids: string[]) =>
  ids
    .slice(0, 3)
    .map((id) => quoteValue(id, 40))
    .join(', ') + (ids.length > 3 ? ', ...' : '');

/** The coverage in lines for a person: counts, and a few example ids of what is missing or unknown. */
export function describeCoverage(c: EmbeddingCoverage, source: string): string[] {
  const lines = [
    `${source}: embeddings for ${c.passages.covered} of ${c.passages.total} passages and ${c.questions.covered} of ${c.questions.total} questions`,
  ];
  if (c.passages.missing.length) lines.push(`${c.passages.missing.length} passages have no embedding (${examples(c.passages.missing)})`);
  if (c.questions.missing.length) lines.push(`${c.questions.missing.length} questions have no embedding (${examples(c.questions.missing)})`);
  if (c.unknown.length) lines.push(`${c.unknown.length} ids are not in the corpus and are not used (${examples(c.unknown)})`);
  return lines;
}
