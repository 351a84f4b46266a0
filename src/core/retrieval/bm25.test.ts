import { describe, expect, it } from 'vitest';
import type { Passage } from '../corpus/types';
import { createBm25Retriever } from './bm25';

const passage = (id: string, text: string, lang = 'en'): Passage => ({ id, lang, text });

describe('BM25 retriever', () => {
  // Pool: 3 passages, average length 3, k1 = 0.9, b = 0.4 (the defaults).
  const pool = [passage('d0', 'cat sat mat'), passage('d1', 'dog sat'), passage('d2', 'Cat cat dog bird')];

  it('scores with Lucene idf and length normalisation (hand-computed)', async () => {
    const scorer = await createBm25Retriever().pool(pool);
    const s = await scorer.score(['cat']);
    // idf(cat) = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6
    const idf = Math.log(1.6);
    expect(s[0]).toBeCloseTo(idf, 5); // tf 1 at average length: the saturation term is 1
    expect(s[1]).toBe(0);
    expect(s[2]).toBeCloseTo((idf * 2 * 1.9) / (2 + 0.9 * (0.6 + (0.4 * 4) / 3)), 5);
    expect(s[2]).toBeGreaterThan(s[0]);
  });

  it('scores several queries as rows, and unknown words add nothing', async () => {
    const scorer = await createBm25Retriever().pool(pool);
    const s = await scorer.score(['dog', 'zebra', 'sat dog']);
    expect(s.length).toBe(9);
    expect(Array.from(s.subarray(3, 6))).toEqual([0, 0, 0]);
    expect(s[6 + 1]).toBeGreaterThan(s[6 + 0]); // d1 has both words
  });

  it('matches words inside Japanese and Thai text', async () => {
    const scorer = await createBm25Retriever().pool([
      passage('ja1', '富士山は日本で一番高い山です', 'ja'),
      passage('ja2', '東京は日本の首都です', 'ja'),
      passage('th1', 'กรุงเทพเป็นเมืองหลวงของประเทศไทย', 'th'),
    ]);
    const s = await scorer.score(['日本の首都はどこですか', 'เมืองหลวงของไทย']);
    expect(s[1]).toBeGreaterThan(s[0]);
    expect(s[3 + 2]).toBeGreaterThan(0);
    expect(s[3 + 0]).toBe(0);
  });

  it('stops when cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(createBm25Retriever().pool(pool, { signal: ctrl.signal })).rejects.toThrow();
  });
});
