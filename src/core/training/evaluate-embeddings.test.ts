import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings, type EmbeddingEvalInput } from './evaluate-embeddings';

/**
 * Pool: four answer sentences, interleaved by language on purpose. Each passage is a basis
 * vector, so a query's vector IS its score list over the pool (in pool order).
 */
const passageIds = ['en/a0', 'de/a0', 'en/a1', 'de/a1'];
const passageLang = Int32Array.from([0, 1, 0, 1]);
const passageEmb = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

/** Scores by id for each query: [en q0, en q1, de q0, de q1]. */
const scores: Record<string, number>[] = [
  { 'en/a0': 0.9, 'en/a1': 0.5, 'de/a0': 0.4, 'de/a1': 0.1 },
  { 'en/a0': 0.2, 'en/a1': 0.8, 'de/a0': 0.1, 'de/a1': 0.3 },
  { 'en/a0': 0.7, 'en/a1': 0.1, 'de/a0': 0.6, 'de/a1': 0.65 },
  { 'en/a0': 0.3, 'en/a1': 0.2, 'de/a0': 0.1, 'de/a1': 0.05 },
];

function fixture(): EmbeddingEvalInput {
  return {
    dim: 4,
    languages: ['en', 'de'],
    queryEmb: Float32Array.from(scores.flatMap((s) => passageIds.map((id) => s[id]))),
    queryLang: Int32Array.from([0, 0, 1, 1]),
    // q0's answers are pool rows 0 (en/a0) and 1 (de/a0); q1's are 2 and 3.
    queryRelevant: [0, 1, 0, 1].map((k) => Int32Array.from(k === 0 ? [0, 1] : [2, 3])),
    passageEmb,
    passageLang,
    passageIds,
  };
}

describe('evaluateEmbeddings', () => {
  it('macro-averages mono, cross and multilingual AP and the max rank distance over cells', () => {
    const result = evaluateEmbeddings(fixture());
    // mono: en->en APs 1, 1; de->de 0.5, 0.5.
    expect(result.mono.ap).toBeCloseTo((1 + 0.5) / 2, 12);
    // cross: en->de 1, 1; de->en 1, 0.5.
    expect(result.cross.ap).toBeCloseTo((1 + 0.75) / 2, 12);
    // multi: en queries (1 + 2/3)/2 and 1; de queries (1 + 2/3)/2 and (1/2 + 2/4)/2.
    expect(result.multi.ap).toBeCloseTo(((5 / 6 + 1) / 2 + (5 / 6 + 0.5) / 2) / 2, 12);
    // ranks of the two answers in the pooled ranking: en 1&3, 1&2; de 1&3, 2&4.
    expect(result.multi.maxRankDistance).toBeCloseTo(((2 + 1) / 2 + (2 + 2) / 2) / 2, 12);
    expect(result.multi.queries).toBe(4);
    expect(result.cross.recallAt1).toBeCloseTo((1 + 0.5) / 2, 12);
  });

  it('breaks score ties as trec_eval does (larger id first)', () => {
    const input = fixture();
    // en q0 now ties en/a0 with en/a1 in the monolingual pool: "en/a1" > "en/a0", so the answer ranks 2nd.
    input.queryEmb[2] = 0.9;
    const result = evaluateEmbeddings(input);
    expect(result.mono.ap).toBeCloseTo(((0.5 + 1) / 2 + 0.5) / 2, 12);
  });

  it('skips queries without relevant candidates and says what is missing', () => {
    const input = fixture();
    input.queryRelevant = [new Int32Array(0), ...input.queryRelevant.slice(1)];
    expect(evaluateEmbeddings(input).multi.queries).toBe(3);
    expect(() => evaluateEmbeddings({ ...input, passageIds: passageIds.slice(1) })).toThrow(
      'passageIds has 3 entries, expected 4',
    );
  });
});
