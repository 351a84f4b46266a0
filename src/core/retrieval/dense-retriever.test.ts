import { describe, expect, it } from 'vitest';
import type { Passage } from '../corpus/types';
import { createDenseRetriever } from './dense-retriever';
import type { Encoder, TextKind } from './types';

/** Three-word vocabulary, one axis per word; counts what it was asked to embed. */
function wordEncoder() {
  const calls: { texts: string[]; kind: TextKind }[] = [];
  const axes = ['river', 'city', 'music'];
  const encoder: Encoder = {
    id: 'words',
    dim: 3,
    async embed(texts, kind) {
      calls.push({ texts: [...texts], kind });
      const out = new Float32Array(texts.length * 3);
      texts.forEach((t, i) => axes.forEach((w, j) => (out[i * 3 + j] = t.includes(w) ? 1 : 0)));
      for (let i = 0; i < texts.length; i++) {
        const n = Math.hypot(out[i * 3], out[i * 3 + 1], out[i * 3 + 2]) || 1;
        for (let j = 0; j < 3; j++) out[i * 3 + j] /= n;
      }
      return out;
    },
  };
  return { encoder, calls };
}

const p = (id: string, lang: string, text: string): Passage => ({ id, lang, text });
const en = [p('1.en', 'en', 'river'), p('2.en', 'en', 'city'), p('3.en', 'en', 'music')];
const de = [p('1.de', 'de', 'river Fluss'), p('2.de', 'de', 'city Stadt')];

describe('createDenseRetriever', () => {
  it('scores by cosine of the encoder rows', async () => {
    const { encoder } = wordEncoder();
    const scorer = await createDenseRetriever(encoder).pool(en);
    const s = await scorer.score(['city', 'river music']);
    expect(scorer.size).toBe(3);
    expect(Array.from(s).map((x) => +x.toFixed(3))).toEqual([0, 1, 0, 0.707, 0, 0.707]);
  });

  it('embeds each passage once across pools and each query text once', async () => {
    const { encoder, calls } = wordEncoder();
    const r = createDenseRetriever(encoder);
    await r.pool(en);
    await r.pool(de);
    const multi = await r.pool([...de, ...en]);
    await multi.score(['city', 'city', 'river']);
    await multi.score(['city']);
    expect(calls).toEqual([
      { texts: ['river', 'city', 'music'], kind: 'passage' },
      { texts: ['river Fluss', 'city Stadt'], kind: 'passage' },
      { texts: ['city', 'river'], kind: 'query' },
    ]);
    expect(r.name).toBe('words');
  });

  it('applies the row transform to passages and queries before scoring', async () => {
    const { encoder } = wordEncoder();
    // Swap the river and city axes: a "river" query now matches the city passage.
    const swap = (m: Float32Array, rows: number, dim: number) => {
      const out = new Float32Array(m.length);
      for (let i = 0; i < rows; i++) {
        out[i * dim] = m[i * dim + 1];
        out[i * dim + 1] = m[i * dim];
        out[i * dim + 2] = m[i * dim + 2];
      }
      return out;
    };
    const r = createDenseRetriever(encoder, { transform: swap, name: 'adapted' });
    const s = await (await r.pool(en)).score(['river']);
    expect(Array.from(s)).toEqual([1, 0, 0]);
    // Raw rows stay untransformed.
    expect(Array.from(await r.embedPassages([en[0]]))).toEqual([1, 0, 0]);
    expect(r.name).toBe('adapted');
    const bad = createDenseRetriever(encoder, { transform: () => new Float32Array(1) });
    await expect(bad.pool(en)).rejects.toThrow('the row transform returned 1 values for 3 x 3');
  });
});
