/**
 * The synthetic benchmark as a corpus a person can explore in Ranking: every question and passage
 * is a labelled synthetic item ("Synthetic question q17 · de · topic 3") with its language, and an
 * encoder that gives each label its benchmark vector. Ids, languages, answers and rows are those
 * of buildSyntheticCorpus, so adapters trained on the synthetic benchmark apply here unchanged.
 */
import type { Corpus, Passage, Question } from '../corpus/types';
import { FreeTextRefusedError } from '../retrieval/precomputed-encoder';
import type { Encoder } from '../retrieval/types';
import { createPrecomputedEncoder } from '../training/precomputed-encoder';
import { DEFAULT_SYNTHETIC, generateSyntheticBenchmark, type SyntheticBenchmark, type SyntheticOptions } from '../training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../training/synthetic-corpus';

/** What a synthetic item is, for a badge and a tooltip. */
export type SyntheticKind = 'question' | 'answer' | 'distractor';

export interface ExplorableSynthetic {
  corpus: Corpus;
  encoder: Encoder;
  /** The benchmark's settings as generated (seed, sizes, strengths). */
  options: Required<SyntheticOptions>;
  /** What any id of the corpus stands for. */
  describe(id: string): { kind: SyntheticKind; qid: string | null; topic: number; lang: string } | null;
}

/** Names the explorable corpus carries, so a page can tell it apart from a real one. */
export function syntheticCorpusName(seed: number): string {
  return `synthetic benchmark (seed ${seed})`;
}

/**
 * The id of the benchmark's vectors as an encoder: one per seed and size, since another seed draws
 * other vectors (adapters trained on one seed do not apply to another).
 */
export function syntheticEncoderId(seed: number, dim: number): string {
  return `synthetic-d${dim}/seed-${seed}`;
}

/** The line a person reads when typing free text over the synthetic benchmark. */
export const SYNTHETIC_FREE_TEXT_REFUSAL =
  'The synthetic benchmark has vectors for its own questions and passages only, not for typed text: pick one of its questions (free text needs a real model).';

/** Generates the benchmark (default XQuAD-R scale) and labels its items. */
export function buildExplorableSynthetic(options: SyntheticOptions): ExplorableSynthetic {
  const full = { ...DEFAULT_SYNTHETIC, ...options } as Required<SyntheticOptions>;
  return labelSynthetic(generateSyntheticBenchmark(full), full);
}

/** Labels an already generated benchmark (`options` as it was generated with). */
export function labelSynthetic(bench: SyntheticBenchmark, options: Required<SyntheticOptions>): ExplorableSynthetic {
  const plain = buildSyntheticCorpus(bench, syntheticCorpusName(options.seed)).corpus;
  const perParagraph = options.questionsPerParagraph;
  const paragraphs = Math.ceil(bench.qids.length / perParagraph);
  const topicOfQid = (qid: string) => Math.floor(Number(qid.slice(1)) / perParagraph);

  const describe = (id: string): ReturnType<ExplorableSynthetic['describe']> => {
    const question = /^(q\d+)\/(.+)$/.exec(id);
    if (question) return { kind: 'question', qid: question[1], topic: topicOfQid(question[1]), lang: question[2] };
    const passage = /^([^/]+)\/([ad])(\d+)$/.exec(id);
    if (!passage) return null;
    const n = Number(passage[3]);
    if (passage[2] === 'a') return { kind: 'answer', qid: `q${n}`, topic: topicOfQid(`q${n}`), lang: passage[1] };
    return { kind: 'distractor', qid: null, topic: n % paragraphs, lang: passage[1] };
  };

  const passages: Passage[] = plain.passages.map((p) => {
    const d = describe(p.id)!;
    const text =
      d.kind === 'answer'
        ? `Synthetic answer to ${d.qid} · ${p.lang} · topic ${d.topic}`
        : `Synthetic distractor ${p.id.slice(p.id.indexOf('/') + 2)} · ${p.lang} · topic ${d.topic} (answers no question)`;
    return { ...p, text };
  });
  const questions: Question[] = plain.questions.map((q) => ({ ...q, text: `Synthetic question ${q.qid} · ${q.lang} · topic ${topicOfQid(q.qid)}` }));
  const lookup = createPrecomputedEncoder({
    id: syntheticEncoderId(options.seed, bench.dim),
    dim: bench.dim,
    queries: { texts: questions.map((q) => q.text), rows: bench.queryEmb },
    passages: { texts: passages.map((p) => p.text), rows: bench.passageEmb },
  });
  const encoder: Encoder = {
    id: lookup.id,
    dim: lookup.dim,
    async embed(texts, kind, opts) {
      try {
        return await lookup.embed(texts, kind, opts);
      } catch (e) {
        // A text without a row is typed text: say so, rather than "no row for the text".
        throw e instanceof RangeError ? new FreeTextRefusedError(SYNTHETIC_FREE_TEXT_REFUSAL) : e;
      }
    },
  };
  return { corpus: { ...plain, passages, questions }, encoder, options, describe };
}
