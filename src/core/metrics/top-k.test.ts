import { describe, expect, it } from 'vitest';
import { rankRelevant, tieKeysDescendingById } from './rank-relevant';
import { selectTopK } from './top-k';

const f32 = (xs: number[]) => Float32Array.from(xs);
const byIndex = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference: the first k of the fully sorted row (score descending, NaN last, then tie key). */
function bruteForceTopK(row: Float32Array, k: number, tieKey: Int32Array): number[] {
  const value = (i: number) => (Number.isNaN(row[i]) ? -Infinity : row[i]);
  const isNaN = (i: number) => (Number.isNaN(row[i]) ? 1 : 0);
  return Array.from(row.keys())
    .sort((a, b) => value(b) - value(a) || isNaN(a) - isNaN(b) || tieKey[a] - tieKey[b])
    .slice(0, k);
}

describe('selectTopK', () => {
  it('returns the k best, best first, with their scores', () => {
    const scores = f32([0.1, 0.9, 0.5, 0.7, 0.3]);
    const top = selectTopK(scores, 0, 5, 3, byIndex(5));
    expect(Array.from(top.indices)).toEqual([1, 3, 2]);
    expect(Array.from(top.scores)).toEqual([scores[1], scores[3], scores[2]]);
  });

  it('breaks ties by id descending, like trec_eval', () => {
    const keys = tieKeysDescendingById(['a', 'b', 'c', 'd', 'e']);
    const top = selectTopK(f32([1, 2, 1, 2, 1]), 0, 5, 4, keys);
    expect(Array.from(top.indices)).toEqual([3, 1, 4, 2]); // d, b (score 2), then e, c
  });

  it('returns the whole row when k exceeds it, and nothing for k = 0', () => {
    const scores = f32([0.2, NaN, 0.4]);
    expect(Array.from(selectTopK(scores, 0, 3, 10, byIndex(3)).indices)).toEqual([2, 0, 1]);
    expect(selectTopK(scores, 0, 3, 0, byIndex(3)).indices.length).toBe(0);
  });

  it('reads only its own row', () => {
    const scores = f32([5, 5, 0.3, 0.1, 0.2]);
    const top = selectTopK(scores, 2, 3, 2, byIndex(3));
    expect(Array.from(top.indices)).toEqual([0, 2]);
  });

  it('agrees with a full sort on seeded random rows with ties, zeros, infinities and NaNs', () => {
    const random = mulberry32(7);
    const specials = [NaN, Infinity, -Infinity, 0, -0];
    for (let trial = 0; trial < 400; trial++) {
      const size = Math.floor(random() * (trial % 4 === 0 ? 2000 : 80));
      const style = trial % 3; // 0: few distinct values, 1: continuous, 2: continuous in a narrow band
      const row = Float32Array.from({ length: size }, () => {
        const u = random();
        if (u < 0.05) return specials[Math.floor(random() * specials.length)];
        return style === 0 ? Math.floor(u * 5) : style === 1 ? random() * 2 - 1 : 0.8 + random() * 1e-4;
      });
      const keys = Int32Array.from({ length: size }, (_, i) => i);
      for (let i = size - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [keys[i], keys[j]] = [keys[j], keys[i]];
      }
      const k = Math.floor(random() * (size + 3));
      expect(Array.from(selectTopK(row, 0, size, k, keys).indices)).toEqual(bruteForceTopK(row, k, keys));
    }
  });

  it('is exact on large rows, where it keeps only candidates above a sampled threshold', () => {
    const random = mulberry32(3);
    for (const style of ['continuous', 'ties', 'nan-heavy']) {
      const size = 6000;
      const row = Float32Array.from({ length: size }, () => {
        const u = random();
        if (style === 'nan-heavy' && u < 0.9) return NaN;
        return style === 'ties' ? Math.floor(u * 20) : random();
      });
      const keys = tieKeysDescendingById(Array.from({ length: size }, (_, i) => `doc${i}`));
      for (const k of [1, 10, 1000]) {
        expect(Array.from(selectTopK(row, 0, size, k, keys).indices)).toEqual(bruteForceTopK(row, k, keys));
      }
    }
  });

  it('stays exact when the sample misleads it (the sampled positions hold the only high scores)', () => {
    const size = 8192; // 512 samples, one every 16 candidates, at positions 8, 24, 40, ...
    const row = new Float32Array(size);
    for (let j = 8; j < size; j += 16) row[j] = 1;
    const keys = Int32Array.from({ length: size }, (_, i) => i);
    const top = selectTopK(row, 0, size, 1000, keys);
    expect(Array.from(top.indices)).toEqual(bruteForceTopK(row, 1000, keys));
    expect(top.scores[511]).toBe(1);
    expect(top.scores[512]).toBe(0);
  });

  it('puts each candidate at the position rankRelevant gives it', () => {
    const random = mulberry32(11);
    const row = Float32Array.from({ length: 500 }, () => Math.round(random() * 50) / 50);
    const keys = tieKeysDescendingById(Array.from({ length: 500 }, (_, i) => `doc${i}`));
    const top = selectTopK(row, 0, 500, 100, keys);
    top.indices.forEach((poolIndex, position) => {
      expect(rankRelevant(row, 0, 500, Int32Array.of(poolIndex), keys)).toEqual([position + 1]);
    });
  });

  it('rejects a negative or fractional k', () => {
    expect(() => selectTopK(f32([1]), 0, 1, -1, byIndex(1))).toThrow(/k must be a non-negative integer, got -1/);
    expect(() => selectTopK(f32([1]), 0, 1, 1.5, byIndex(1))).toThrow(/got 1.5/);
  });
});
