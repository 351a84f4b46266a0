import { describe, expect, it } from 'vitest';
import { embeddingsFileStem, pickEmbeddingsFiles } from './embeddings-files';

describe('pickEmbeddingsFiles', () => {
  it('takes a Parquet file alone, or an .npy file with its id list in either order', () => {
    expect(pickEmbeddingsFiles(['rows.parquet'])).toEqual({ kind: 'parquet', file: 0 });
    expect(pickEmbeddingsFiles(['rows.ids.txt', 'rows.NPY'])).toEqual({ kind: 'npy', npy: 1, ids: 0 });
  });

  it('says what is missing or extra, naming the files', () => {
    expect(pickEmbeddingsFiles(['rows.npy'])).toEqual({
      problem: 'rows.npy needs its ids: pick it together with its id list, one id per line in row order (rows.ids.txt)',
    });
    expect(pickEmbeddingsFiles(['a.parquet', 'b.parquet'])).toHaveProperty('problem', expect.stringContaining('pick one embeddings file at a time'));
    expect(pickEmbeddingsFiles(['a.parquet', 'a.ids.txt'])).toEqual({ problem: "a.parquet carries its ids in its 'id' column; pick it alone" });
    expect(pickEmbeddingsFiles(['rows.csv'])).toHaveProperty('problem', expect.stringMatching(/^rows\.csv: expected a \.parquet file/));
  });
});

describe('embeddingsFileStem', () => {
  it('makes corpus and model names safe for a file name', () => {
    expect(embeddingsFileStem('XQuAD-R', 'fixture/xlmr-tiny@fp32/mean')).toBe('XQuAD-R-fixture-xlmr-tiny-fp32-mean');
  });
});
