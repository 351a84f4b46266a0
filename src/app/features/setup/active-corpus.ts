/** A loaded corpus with the look-ups the views need, built once when it loads. */
import type { CorpusPart, LoadedWithParts } from '../../../core/corpus/corpus-parts';
import type { CorpusFormat } from '../../../core/corpus/loaded-corpus';
import type { Corpus, LangCode, Passage, Question } from '../../../core/corpus/types';
import type { CorpusRef } from '../../../core/view-state/view-state';
import { forEachInSlices } from '../../shared/page-slices';

export interface ActiveCorpus {
  ref: CorpusRef;
  corpus: Corpus;
  format: CorpusFormat;
  warnings: string[];
  passageById: Map<string, Passage>;
  questionById: Map<string, Question>;
  /** Every language of the corpus has an entry, empty when it has no questions. */
  questionsByLang: Map<LangCode, Question[]>;
  /** The translations of each question, by qid. */
  questionsByQid: Map<string, Question[]>;
  /** The parts it arrived in, passed on to workers as they are (corpus-to-worker.ts). */
  parts?: readonly CorpusPart[];
}

/**
 * Builds the look-ups in slices of page time (page-slices.ts): at 240,000 passages one pass over
 * them is a long task. Throws the abort reason if `signal` aborts meanwhile.
 */
export async function indexCorpus(ref: CorpusRef, loaded: LoadedWithParts, opts: { signal?: AbortSignal } = {}): Promise<ActiveCorpus> {
  const { corpus } = loaded;
  const questionsByLang = new Map<LangCode, Question[]>(corpus.languages.map((l) => [l, []]));
  const questionsByQid = new Map<string, Question[]>();
  const questionById = new Map<string, Question>();
  const passageById = new Map<string, Passage>();
  await forEachInSlices(
    corpus.questions,
    (q) => {
      questionById.set(q.id, q);
      questionsByLang.get(q.lang)?.push(q);
      const list = questionsByQid.get(q.qid);
      if (list) list.push(q);
      else questionsByQid.set(q.qid, [q]);
    },
    opts,
  );
  await forEachInSlices(corpus.passages, (p) => passageById.set(p.id, p), opts);
  return { ref, corpus, format: loaded.format, warnings: loaded.warnings, passageById, questionById, questionsByLang, questionsByQid, parts: loaded.parts };
}
