import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { createPrecomputedEncoder as modelRows } from '../training/precomputed-encoder';
import { createFallbackEncoder } from './fallback-encoder';
import { createPrecomputedEncoder } from './precomputed-encoder';
import type { Encoder } from './types';

const corpus: Corpus = {
  name: 'tiny',
  languages: ['en', 'de'],
  passages: [
    { id: 'p.en', lang: 'en', text: 'The river is long.' },
    { id: 'p.de', lang: 'de', text: 'Der Fluss ist lang.' },
  ],
  questions: [{ id: 'q/en', qid: 'q', lang: 'en', text: 'How long is the river?', relevant: ['p.en', 'p.de'] }],
};

const file = createPrecomputedEncoder(
  { source: 'tiny.parquet', encoder: 'm@fp32/mean', ids: ['p.en', 'p.de', 'q/en'], dim: 2, rows: new Float32Array([1, 0, 0, 1, 0.6, 0.8]) },
  corpus,
);

// The "model": rows for any text it is asked about, counting its calls.
function model(dim = 2): Encoder & { asked: string[] } {
  const rows = modelRows({
    id: 'm@fp32/mean',
    dim,
    queries: { texts: ['Is the river long?', 'How long is the river?'], rows: new Float32Array(dim === 2 ? [0, 1, 1, 0] : [0, 1, 0, 1, 0, 0]) },
    passages: { texts: [], rows: new Float32Array(0) },
  });
  const asked: string[] = [];
  return { id: rows.id, dim, asked, embed: (texts, kind, opts) => (asked.push(...texts), rows.embed(texts, kind, opts)) };
}

describe('createFallbackEncoder', () => {
  it("answers the file's texts from the file and never asks the model about them", async () => {
    const m = model();
    const encoder = createFallbackEncoder(file, () => m);
    expect(encoder.id).toBe('precomputed:m@fp32/mean');
    expect(Array.from(await encoder.embed(['Der Fluss ist lang.', 'The river is long.'], 'passage'))).toEqual([0, 1, 1, 0]);
    // The file's row for the question wins over the model's (the model would give 1, 0).
    expect(Array.from(await encoder.embed(['How long is the river?'], 'query'))).toEqual([Math.fround(0.6), Math.fround(0.8)]);
    expect(m.asked).toEqual([]);
  });

  it('sends only the texts the file lacks to the model, keeping the order asked', async () => {
    const m = model();
    const encoder = createFallbackEncoder(file, () => m);
    expect(Array.from(await encoder.embed(['Is the river long?', 'How long is the river?'], 'query'))).toEqual([0, 1, Math.fround(0.6), Math.fround(0.8)]);
    expect(m.asked).toEqual(['Is the river long?']);
  });

  it('refuses free text while no model is loaded, saying a model is needed', async () => {
    const encoder = createFallbackEncoder(file, () => null);
    await expect(encoder.embed(['Is the river long?'], 'query')).rejects.toThrow(/free text needs a model/);
  });

  it('refuses a model whose rows have another length than the file', async () => {
    const encoder = createFallbackEncoder(file, () => model(3));
    await expect(encoder.embed(['Is the river long?'], 'query')).rejects.toThrow('m@fp32/mean gives 3-dimensional rows, but the embeddings file has 2');
  });
});
