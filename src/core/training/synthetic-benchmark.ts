import type { LangCode } from '../corpus/types';
import { buildPairsIndex, type PairRowInput, type PairsIndex } from './pairs-index';
import { createRng, type Rng } from '../numeric/rng';

/** XQuAD-R's 11 languages. */
export const XQUAD_R_LANGUAGES: readonly LangCode[] = ['ar', 'de', 'el', 'en', 'es', 'hi', 'ru', 'th', 'tr', 'vi', 'zh'];

/**
 * A synthetic stand-in for a frozen multilingual encoder's embeddings of XQuAD-R, where the
 * components that matter to the three batch strategies are explicit. Every component vector is
 * drawn with about unit norm and then scaled by its strength.
 *
 *   question q in language L:  normalise( m_q + a_L + lex_L(m_q) + nuisance + noise )
 *   answer of q in L:          normalise( m'_q + a_L + lex_L(m'_q) + nuisance + noise ),  m'_q = m_q + dev_q
 *   distractor in L:           normalise( m_s + a_L + lex_L(m_s) + nuisance + noise )
 *
 * - m_q = topicWeight * t_paragraph + s_q: meaning shared by all translations; questions (and
 *   distractor sentences) of one paragraph share a topic, so they are each other's hard negatives.
 * - a_L: the language offset (strength languageBias). It lifts every same-language score, so in
 *   a multilingual pool the wrong same-language passages outrank the right answer in other
 *   languages: language bias, which cross-lingual batches teach the adapter to remove.
 * - lex_L(m) = lexical * B_L C_L m: a language-specific copy of the meaning in a language-specific
 *   subspace (B_L, d x lexicalRank), through a language-specific projection C_L. Same-language
 *   texts share it (like shared words); across languages it is unrelated noise. Monolingual
 *   batches learn to use it, cross-lingual batches learn to suppress it: the monolingual /
 *   cross-lingual trade-off that hybrid batches balance.
 * - nuisance: independent per text, in a shared low-dimensional subspace (style, length); every
 *   strategy learns to suppress it. noise: independent isotropic.
 */
export interface SyntheticOptions {
  seed: number;
  languages?: readonly LangCode[];
  /** Question ids (default 1190, as XQuAD-R). */
  questions?: number;
  dim?: number;
  /** Questions per paragraph (share a topic); default 5. */
  questionsPerParagraph?: number;
  /** Distractor (non-answer) sentences per paragraph in each language; default 1. */
  distractorsPerParagraph?: number;
  topicWeight?: number;
  answerDeviation?: number;
  languageBias?: number;
  lexical?: number;
  lexicalRank?: number;
  nuisance?: number;
  nuisanceRank?: number;
  noise?: number;
}

export const DEFAULT_SYNTHETIC: Required<Omit<SyntheticOptions, 'seed'>> = {
  languages: XQUAD_R_LANGUAGES,
  questions: 1190,
  dim: 384,
  questionsPerParagraph: 5,
  distractorsPerParagraph: 1,
  topicWeight: 0.8,
  answerDeviation: 0.7,
  languageBias: 0.6,
  lexical: 0.7,
  lexicalRank: 24,
  nuisance: 1.5,
  nuisanceRank: 12,
  noise: 2.6,
};

export interface SyntheticBenchmark {
  dim: number;
  languages: LangCode[];
  qids: string[];
  /** Questions, language-major: row = l * qids.length + k. */
  queryEmb: Float32Array;
  queryQid: Int32Array;
  queryLang: Int32Array;
  /**
   * Passages, language-major: in each language the qids' answers (in qid order), then the
   * distractors. Ids look like "de/a17" (answer of qid 17) or "de/d3" (distractor 3).
   */
  passageEmb: Float32Array;
  passageIds: string[];
  passageLang: Int32Array;
  /** Qid index of an answer passage, -1 for a distractor. */
  passageQid: Int32Array;
  /** answerRow[k * languages.length + l]: passage row of qid k's answer in language l. */
  answerRow: Int32Array;
  /** Pairs over all qids and languages (split it before training). */
  pairs: PairsIndex;
}

export function generateSyntheticBenchmark(options: SyntheticOptions): SyntheticBenchmark {
  const o = { ...DEFAULT_SYNTHETIC, ...options };
  const d = o.dim;
  const languages = [...o.languages];
  const L = languages.length;
  const Q = o.questions;
  if (!Number.isInteger(Q) || Q < 2) throw new RangeError(`generateSyntheticBenchmark: questions must be an integer >= 2, got ${Q}`);
  if (L < 2) throw new RangeError('generateSyntheticBenchmark: at least two languages are needed');
  const rng = createRng(options.seed);
  const unit = (): Float64Array => randomVector(rng, d, 1);

  const paragraphs = Math.ceil(Q / o.questionsPerParagraph);
  const topics = Array.from({ length: paragraphs }, unit);
  const meaningOf = (paragraph: number): Float64Array => {
    const m = unit();
    addScaled(m, topics[paragraph], o.topicWeight);
    return m;
  };
  const questionMeaning = Array.from({ length: Q }, (_, k) => meaningOf(Math.floor(k / o.questionsPerParagraph)));
  const answerMeaning = questionMeaning.map((m) => {
    const a = Float64Array.from(m);
    addScaled(a, unit(), o.answerDeviation);
    return a;
  });
  const distractorCount = paragraphs * o.distractorsPerParagraph;
  const distractorMeaning = Array.from({ length: distractorCount }, (_, i) => meaningOf(i % paragraphs));

  const langOffset = languages.map(() => randomVector(rng, d, o.languageBias));
  const lexicalBasis = languages.map(() => Array.from({ length: o.lexicalRank }, unit));
  const lexicalProjection = languages.map(() => Array.from({ length: o.lexicalRank }, unit));
  const nuisanceBasis = Array.from({ length: o.nuisanceRank }, unit);

  const embed = (meaning: Float64Array, l: number, out: Float32Array, row: number): void => {
    const v = Float64Array.from(meaning);
    addScaled(v, langOffset[l], 1);
    // lex_L(m) = lexical * sum_s B_L[s] (C_L[s] . m); C_L rows are unit, so each coefficient is about |m|/sqrt(d) * sqrt(d/rank).
    const lexScale = o.lexical * Math.sqrt(d / o.lexicalRank);
    for (let s = 0; s < o.lexicalRank; s++) {
      addScaled(v, lexicalBasis[l][s], lexScale * dot(lexicalProjection[l][s], meaning));
    }
    const nuisanceScale = o.nuisance / Math.sqrt(o.nuisanceRank);
    for (const direction of nuisanceBasis) addScaled(v, direction, nuisanceScale * rng.normal());
    addScaled(v, randomVector(rng, d, o.noise), 1);
    let norm = 0;
    for (let c = 0; c < d; c++) norm += v[c] * v[c];
    const inv = 1 / Math.sqrt(norm);
    for (let c = 0; c < d; c++) out[row * d + c] = v[c] * inv;
  };

  const qids = Array.from({ length: Q }, (_, k) => `q${k}`);
  const queryEmb = new Float32Array(L * Q * d);
  const queryQid = new Int32Array(L * Q);
  const queryLang = new Int32Array(L * Q);
  const perLang = Q + distractorCount;
  const passageEmb = new Float32Array(L * perLang * d);
  const passageIds: string[] = [];
  const passageLang = new Int32Array(L * perLang);
  const passageQid = new Int32Array(L * perLang);
  const answerRow = new Int32Array(Q * L);
  const queries: PairRowInput[] = [];
  const answers: PairRowInput[] = [];
  for (let l = 0; l < L; l++) {
    for (let k = 0; k < Q; k++) {
      const row = l * Q + k;
      embed(questionMeaning[k], l, queryEmb, row);
      queryQid[row] = k;
      queryLang[row] = l;
      queries.push({ qid: qids[k], lang: languages[l], row });
    }
    for (let j = 0; j < perLang; j++) {
      const row = l * perLang + j;
      passageLang[row] = l;
      if (j < Q) {
        embed(answerMeaning[j], l, passageEmb, row);
        passageIds.push(`${languages[l]}/a${j}`);
        passageQid[row] = j;
        answerRow[j * L + l] = row;
        answers.push({ qid: qids[j], lang: languages[l], row });
      } else {
        embed(distractorMeaning[j - Q], l, passageEmb, row);
        passageIds.push(`${languages[l]}/d${j - Q}`);
        passageQid[row] = -1;
      }
    }
  }
  const pairs = buildPairsIndex({ languages, queries, answers });
  return {
    dim: d,
    languages,
    qids,
    queryEmb,
    queryQid,
    queryLang,
    passageEmb,
    passageIds,
    passageLang,
    passageQid,
    answerRow,
    pairs,
  };
}

/** A Gaussian vector with expected norm about `scale`. */
function randomVector(rng: Rng, d: number, scale: number): Float64Array {
  const v = new Float64Array(d);
  const s = scale / Math.sqrt(d);
  for (let c = 0; c < d; c++) v[c] = rng.normal() * s;
  return v;
}

function addScaled(target: Float64Array, source: Float64Array, scale: number): void {
  for (let c = 0; c < target.length; c++) target[c] += source[c] * scale;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let c = 0; c < a.length; c++) s += a[c] * b[c];
  return s;
}
