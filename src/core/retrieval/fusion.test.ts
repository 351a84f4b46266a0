import { describe, expect, it } from 'vitest';
import type { Corpus, Passage } from '../corpus/types';
import { evaluateCorpus } from '../evaluation/evaluate-corpus';
import { createBm25Retriever } from './bm25';
import { createFusionRetriever, rankRow } from './fusion';
import type { Retriever } from './types';

/** A retriever whose scores are given per passage id (what an imported run or cached embedding gives). */
function fixedScores(name: string, byId: Record<string, number>): Retriever {
  return {
    name,
    async pool(passages: readonly Passage[]) {
      return { size: passages.length, score: async (queries: readonly string[]) => Float32Array.from(queries.flatMap(() => passages.map((p) => byId[p.id]))) };
    },
  };
}

const POOL: Passage[] = ['a', 'b', 'c', 'd'].map((id) => ({ id, lang: 'en', text: id }));
// X ranks a, c, b, d. Y ties b and c at 5; the larger id ranks first, so c, b, d, a.
const X = fixedScores('x', { a: 3, b: 1, c: 2, d: 0 });
const Y = fixedScores('y', { a: 0, b: 5, c: 5, d: 1 });

async function fuse(method: 'rrf' | 'combsum'): Promise<Float32Array> {
  const scorer = await createFusionRetriever(method, [X, Y]).pool(POOL);
  return scorer.score(['q']);
}

describe('fusion retrievers', () => {
  it('RRF (k = 60) matches the hand-worked sums 1/(60 + rank)', async () => {
    const s = await fuse('rrf');
    // a: 1/61 + 1/64, b: 1/63 + 1/62, c: 1/62 + 1/61, d: 1/64 + 1/63.
    const expected = [0.032018443, 0.032002048, 0.032522475, 0.031498016];
    expected.forEach((v, i) => expect(s[i]).toBeCloseTo(v, 8));
    expect(createFusionRetriever('rrf', [X, Y]).name).toBe('rrf:x+y');
  });

  it('CombSUM adds min-max normalised scores, as worked by hand', async () => {
    const s = await fuse('combsum');
    // X / 3 = 1, 1/3, 2/3, 0; Y / 5 = 0, 1, 1, 0.2; sums 1, 1.3333, 1.6667, 0.2.
    [1, 4 / 3, 5 / 3, 0.2].forEach((v, i) => expect(s[i]).toBeCloseTo(v, 6));
  });

  it('ranks a row by the evaluation order, NaN last, ties to the larger id', () => {
    const ranks = new Int32Array(5);
    // ids e, d, c, b, a get tie keys 0..4 (larger id first).
    rankRow(Float32Array.from([1, Number.NaN, 1, -0, 0]), 0, 5, Int32Array.from([4, 3, 2, 1, 0]), ranks);
    // Scores 1 (a, c): c first (larger id); then 0 and -0 (e, d) tie: e first; NaN (b) last.
    expect(Array.from(ranks)).toEqual([2, 5, 1, 4, 3]);
  });

  it('works wherever a retriever does: evaluating RRF of BM25 with itself gives BM25 figures', async () => {
    const passages: Passage[] = [
      { id: 'en/1', lang: 'en', text: 'the river flows to the sea' },
      { id: 'en/2', lang: 'en', text: 'mountains are high and cold' },
      { id: 'de/1', lang: 'de', text: 'der Fluss fliesst ins Meer' },
      { id: 'de/2', lang: 'de', text: 'Berge sind hoch und kalt' },
    ];
    const corpus: Corpus = {
      name: 'tiny',
      languages: ['en', 'de'],
      passages,
      questions: [
        { id: 'q1/en', qid: 'q1', lang: 'en', text: 'where does the river flow', relevant: ['en/1', 'de/1'] },
        { id: 'q2/de', qid: 'q2', lang: 'de', text: 'sind Berge kalt', relevant: ['en/2', 'de/2'] },
      ],
    };
    const bm25 = await evaluateCorpus(corpus, createBm25Retriever());
    const fused = await evaluateCorpus(corpus, createFusionRetriever('rrf', [createBm25Retriever(), createBm25Retriever()]));
    expect(fused.retriever).toBe('rrf:bm25+bm25');
    expect(fused.settings).toEqual(bm25.settings);
  });
});
