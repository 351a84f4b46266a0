import type { Corpus, Passage, Question } from '../corpus/types';
import type { Encoder } from '../retrieval/types';
import { createPrecomputedEncoder } from './precomputed-encoder';
import type { SyntheticBenchmark } from './synthetic-benchmark';

export interface SyntheticCorpus {
  corpus: Corpus;
  /** Gives each text (its own id) the benchmark's vector: the benchmark as a frozen encoder. */
  encoder: Encoder;
}

/**
 * The synthetic benchmark as an ordinary corpus and encoder, so the experiment runs on it exactly
 * as on XQuAD-R. A text is its id ("de/a17" is qid q17's answer in German, "de/d3" a distractor,
 * "q17/de" the question); translations of an answer share the group "a17". Questions and
 * passages keep the benchmark's row order, so the pairs index equals bench.pairs.
 */
export function buildSyntheticCorpus(bench: SyntheticBenchmark, name = 'synthetic benchmark'): SyntheticCorpus {
  const { languages, qids } = bench;
  const passages: Passage[] = bench.passageIds.map((id, j) => ({
    id,
    lang: languages[bench.passageLang[j]],
    text: id,
    group: id.slice(id.indexOf('/') + 1),
  }));
  const questions: Question[] = Array.from(bench.queryQid, (k, row) => {
    const lang = languages[bench.queryLang[row]];
    const id = `${qids[k]}/${lang}`;
    return { id, qid: qids[k], lang, text: id, relevant: languages.map((l) => `${l}/a${k}`) };
  });
  const encoder = createPrecomputedEncoder({
    id: `synthetic-d${bench.dim}`,
    dim: bench.dim,
    queries: { texts: questions.map((q) => q.text), rows: bench.queryEmb },
    passages: { texts: passages.map((p) => p.text), rows: bench.passageEmb },
  });
  return { corpus: { name, languages: [...languages], passages, questions }, encoder };
}
