import { describe, expect, it } from 'vitest';
import { corpusEmbeddingSet } from './corpus-embedding-set';

const corpus = {
  passages: [
    { id: 'p1', lang: 'en', text: 'a' },
    { id: 'p2', lang: 'de', text: 'b' },
  ],
  questions: [{ id: 'q1', qid: 'q', lang: 'en', text: 'c', relevant: ['p1'] }],
};

describe('corpusEmbeddingSet', () => {
  it('puts the passages first, then the questions, with the encoder named', () => {
    const set = corpusEmbeddingSet({
      corpus,
      passageRows: new Float32Array([1, 0, 0, 1]),
      questionRows: new Float32Array([0.6, 0.8]),
      dim: 2,
      encoder: 'm@fp32/mean',
      source: 'x.parquet',
    });
    expect(set.ids).toEqual(['p1', 'p2', 'q1']);
    expect(Array.from(set.rows)).toEqual([1, 0, 0, 1, Math.fround(0.6), Math.fround(0.8)]);
    expect(set.encoder).toBe('m@fp32/mean');
  });

  it('refuses a corpus whose passage and question share an id, before any file is written', () => {
    const clash = { ...corpus, questions: [{ ...corpus.questions[0], id: 'p1' }] };
    expect(() =>
      corpusEmbeddingSet({ corpus: clash, passageRows: new Float32Array(4), questionRows: new Float32Array(2), dim: 2, encoder: 'm', source: 'x.parquet' }),
    ).toThrow('x.parquet: row 3: id "p1" again (first at row 1); each id once');
  });
});
