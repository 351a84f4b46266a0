import { describe, expect, it } from 'vitest';
import { createPrecomputedEncoder } from './precomputed-encoder';

const encoder = createPrecomputedEncoder({
  id: 'fixed',
  dim: 2,
  queries: { texts: ['where?', 'when?'], rows: Float32Array.of(1, 0, 0, 1) },
  passages: { texts: ['here.', 'where?'], rows: Float32Array.of(0.6, 0.8, -1, 0) },
});

describe('createPrecomputedEncoder', () => {
  it('returns the stored rows by text, in the order asked, separately for queries and passages', async () => {
    expect(Array.from(await encoder.embed(['when?', 'where?', 'when?'], 'query'))).toEqual([0, 1, 1, 0, 0, 1]);
    expect(Array.from(await encoder.embed(['where?'], 'passage'))).toEqual([-1, 0]);
    expect(encoder).toMatchObject({ id: 'fixed', dim: 2 });
  });

  it('names a text it was not given, and rows that do not fit the texts', async () => {
    await expect(encoder.embed(['here.'], 'query')).rejects.toThrow('precomputed encoder fixed: no query row for the text "here."');
    expect(() =>
      createPrecomputedEncoder({ id: 'x', dim: 3, queries: { texts: ['a'], rows: new Float32Array(2) }, passages: { texts: [], rows: new Float32Array(0) } }),
    ).toThrow('queries has 2 values for 1 texts x dim 3');
  });
});
