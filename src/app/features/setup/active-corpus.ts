/** A loaded corpus with the look-ups the views need, built once when it loads. */
import type { CorpusFormat, LoadedCorpus } from '../../../core/corpus/loaded-corpus';
import type { Corpus, LangCode, Passage, Question } from '../../../core/corpus/types';
import type { CorpusRef } from '../../../core/view-state/view-state';

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
}

export function indexCorpus(ref: CorpusRef, loaded: LoadedCorpus): ActiveCorpus {
  const { corpus } = loaded;
  const questionsByLang = new Map<LangCode, Question[]>(corpus.languages.map((l) => [l, []]));
  const questionsByQid = new Map<string, Question[]>();
  for (const q of corpus.questions) {
    questionsByLang.get(q.lang)?.push(q);
    const list = questionsByQid.get(q.qid);
    if (list) list.push(q);
    else questionsByQid.set(q.qid, [q]);
  }
  return {
    ref,
    corpus,
    format: loaded.format,
    warnings: loaded.warnings,
    passageById: new Map(corpus.passages.map((p) => [p.id, p])),
    questionById: new Map(corpus.questions.map((q) => [q.id, q])),
    questionsByLang,
    questionsByQid,
  };
}

/** The corpus as the workers get it: passages without their paragraph context, which ranking never reads. */
export function corpusForWorkers(corpus: Corpus): Corpus {
  return { ...corpus, passages: corpus.passages.map(({ context: _c, ...p }) => p) };
}
