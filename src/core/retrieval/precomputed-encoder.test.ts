import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { describeCoverage } from '../embeddings/corpus-coverage';
import { createDenseRetriever } from './dense-retriever';
import { createPrecomputedEncoder } from './precomputed-encoder';

const corpus: Corpus = {
  name: 'tiny',
  languages: ['en', 'de'],
  passages: [
    { id: 'p.en', lang: 'en', text: 'The river is long.' },
    { id: 'p.de', lang: 'de', text: 'Der Fluss ist lang.' },
    { id: 'r.en', lang: 'en', text: 'Mountains are high.' },
  ],
  questions: [
    { id: 'q/en', qid: 'q', lang: 'en', text: 'How long is the river?', relevant: ['p.en', 'p.de'] },
    { id: 'q/de', qid: 'q', lang: 'de', text: 'Wie lang ist der Fluss?', relevant: ['p.en', 'p.de'] },
  ],
};

// 2-d rows: p.en and p.de point the same way, r.en across; q/en is not unit length (3, 4) -> (0.6, 0.8).
const set = {
  source: 'tiny.parquet',
  ids: ['p.en', 'p.de', 'r.en', 'q/en', 'stray'],
  dim: 2,
  rows: new Float32Array([1, 0, 1, 0, 0, 1, 3, 4, 1, 0]),
};

describe('createPrecomputedEncoder', () => {
  it("answers with the file's rows for the corpus's texts, scaled to unit length where they are not", async () => {
    const encoder = createPrecomputedEncoder(set, corpus);
    expect(encoder.id).toBe('precomputed:tiny.parquet');
    expect(encoder.normalized).toBe(1);
    expect(Array.from(await encoder.embed(['Mountains are high.', 'The river is long.'], 'passage'))).toEqual([0, 1, 1, 0]);
    expect(Array.from(await encoder.embed(['How long is the river?'], 'query'))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
  });

  it('ranks a pool through the dense retriever as a model would', async () => {
    const retriever = createDenseRetriever(createPrecomputedEncoder(set, corpus));
    const scorer = await retriever.pool(corpus.passages);
    const scores = Array.from(await scorer.score(['How long is the river?']));
    expect(scores.map((s) => s.toFixed(2))).toEqual(['0.60', '0.60', '0.80']);
  });

  it('refuses free text, and names a question the file has no row for', async () => {
    const encoder = createPrecomputedEncoder(set, corpus);
    await expect(encoder.embed(['Where is Berlin?'], 'query')).rejects.toThrow(
      'tiny.parquet holds precomputed embeddings of this corpus\'s passages and questions only; the question text "Where is Berlin?" is not one of them: free text needs a model',
    );
    await expect(encoder.embed(['Wie lang ist der Fluss?'], 'query')).rejects.toThrow('tiny.parquet has no embedding for question "q/de"');
  });

  it('counts what the file covers, what it lacks and the ids the corpus does not have', () => {
    const { coverage } = createPrecomputedEncoder(set, corpus);
    expect(describeCoverage(coverage, 'tiny.parquet')).toEqual([
      'tiny.parquet: embeddings for 3 of 3 passages and 1 of 2 questions',
      '1 questions have no embedding ("q/de")',
      '1 ids are not in the corpus and are not used ("stray")',
    ]);
  });
});
