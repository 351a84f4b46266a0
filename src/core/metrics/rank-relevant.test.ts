import { describe, expect, it } from 'vitest';
import { rankRelevant, tieKeysDescendingById } from './rank-relevant';

const f32 = (xs: number[]) => Float32Array.from(xs);
const i32 = (xs: number[]) => Int32Array.from(xs);
/** Tie keys equal to pool index: the lower index wins a tie. */
const byIndex = (n: number) => Int32Array.from({ length: n }, (_, i) => i);

function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Reference: sort the whole row (NaN last, then tie key) and read off positions. */
function bruteForceRanks(row: Float32Array, relevant: number[], tieKey: Int32Array): number[] {
  const order = Array.from(row.keys()).sort((a, b) => {
    const sa = Number.isNaN(row[a]) ? -Infinity : row[a];
    const sb = Number.isNaN(row[b]) ? -Infinity : row[b];
    if (sa !== sb) return sb - sa;
    const nanA = Number.isNaN(row[a]) ? 1 : 0;
    const nanB = Number.isNaN(row[b]) ? 1 : 0;
    return nanA - nanB || tieKey[a] - tieKey[b];
  });
  return relevant.map((r) => order.indexOf(r) + 1).sort((x, y) => x - y);
}

describe('tieKeysDescendingById', () => {
  it('gives the larger id the smaller key, as trec_eval breaks ties by docno descending', () => {
    expect(Array.from(tieKeysDescendingById(['b', 'a', 'c']))).toEqual([1, 2, 0]);
  });

  it('compares ids as strings, not numbers: "doc9" sorts after "doc10" and so wins the tie', () => {
    const keys = tieKeysDescendingById(['doc10', 'doc9', 'Doc9']);
    expect(keys[1]).toBeLessThan(keys[0]);
    expect(keys[0]).toBeLessThan(keys[2]); // "D" (0x44) < "d" (0x64)
  });
});

describe('rankRelevant', () => {
  it('ranks relevant candidates by score, best first', () => {
    // Row sorted: 0.9 (0), 0.7 (3), 0.5 (2), 0.3 (4), 0.1 (1).
    const scores = f32([0.9, 0.1, 0.5, 0.7, 0.3]);
    expect(rankRelevant(scores, 0, 5, i32([4, 2]), byIndex(5))).toEqual([3, 4]);
    expect(rankRelevant(scores, 0, 5, i32([1, 0]), byIndex(5))).toEqual([1, 5]);
  });

  it('reads only its own row of a larger score matrix', () => {
    // Two rows of three; row 1 is [0.2, 0.8, 0.5].
    const scores = f32([0.9, 0.0, 0.1, 0.2, 0.8, 0.5]);
    expect(rankRelevant(scores, 3, 3, i32([0]), byIndex(3))).toEqual([3]);
    expect(rankRelevant(scores, 3, 3, i32([2, 1]), byIndex(3))).toEqual([1, 2]);
  });

  it('orders an all-equal row by id descending', () => {
    const ids = ['a', 'b', 'c', 'd']; // trec_eval order: d, c, b, a
    const scores = f32([1, 1, 1, 1]);
    expect(rankRelevant(scores, 0, 4, i32([0, 2]), tieKeysDescendingById(ids))).toEqual([2, 4]);
    expect(rankRelevant(scores, 0, 4, i32([3]), tieKeysDescendingById(ids))).toEqual([1]);
  });

  it('puts a relevant candidate behind the non-relevant ones it ties with when their ids are larger', () => {
    // p0 scores 0.9; p1, p3, p2 tie at 0.5 and go p3, p2, p1 by id descending.
    const ids = ['p1', 'p3', 'p2', 'p0'];
    const scores = f32([0.5, 0.5, 0.5, 0.9]);
    const keys = tieKeysDescendingById(ids);
    expect(rankRelevant(scores, 0, 4, i32([2]), keys)).toEqual([3]); // behind p0 and p3
    expect(rankRelevant(scores, 0, 4, i32([0]), keys)).toEqual([4]);
    expect(rankRelevant(scores, 0, 4, i32([1]), keys)).toEqual([2]);
  });

  it('ranks NaN scores last, after -Infinity', () => {
    const scores = f32([NaN, 0.2, -Infinity, NaN, 0.1]);
    expect(rankRelevant(scores, 0, 5, i32([2]), byIndex(5))).toEqual([3]);
    expect(rankRelevant(scores, 0, 5, i32([0]), byIndex(5))).toEqual([4]);
    expect(rankRelevant(scores, 0, 5, i32([3]), byIndex(5))).toEqual([5]);
    expect(rankRelevant(scores, 0, 5, i32([3, 1, 0]), byIndex(5))).toEqual([1, 4, 5]);
  });

  it('returns no ranks for no relevant candidates', () => {
    expect(rankRelevant(f32([0.3, 0.2]), 0, 2, i32([]), byIndex(2))).toEqual([]);
  });

  it('agrees with sorting the whole row, on seeded random rows full of ties, zeros, infinities and NaNs', () => {
    const random = mulberry32(42);
    const specials = [NaN, Infinity, -Infinity, 0, -0];
    for (let trial = 0; trial < 400; trial++) {
      const size = 1 + Math.floor(random() * (trial % 4 === 0 ? 400 : 60));
      const continuous = trial % 3 === 0;
      const row = Float32Array.from({ length: size }, () => {
        const u = random();
        if (u < 0.08) return specials[Math.floor(random() * specials.length)];
        return continuous ? random() * 2 - 1 : Math.floor(u * 6) / 6; // six distinct values: many ties
      });
      const keys = Int32Array.from({ length: size }, (_, i) => i);
      for (let i = size - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [keys[i], keys[j]] = [keys[j], keys[i]];
      }
      // Mostly up to 11 relevant (XQuAD-R), sometimes many more (a larger relevant set takes another path).
      const count = Math.min(size, 1 + Math.floor(random() * (trial % 5 === 0 ? 40 : 11)));
      const relevant = Array.from(keys.slice(0, count)); // distinct pool indices
      expect(rankRelevant(row, 0, size, i32(relevant), keys)).toEqual(bruteForceRanks(row, relevant, keys));
    }
  });

  it('rejects relevant indices outside the row or listed twice, and rows past the array', () => {
    const scores = f32([0.1, 0.2, 0.3]);
    expect(() => rankRelevant(scores, 0, 3, i32([3]), byIndex(3))).toThrow(/relevant pool index 3 is outside the row \[0, 3\)/);
    expect(() => rankRelevant(scores, 0, 3, i32([1, 1]), byIndex(3))).toThrow(/listed twice/);
    expect(() => rankRelevant(scores, 1, 3, i32([0]), byIndex(3))).toThrow(/runs past the end of scores/);
    expect(() => rankRelevant(scores, 0, 3, i32([0]), byIndex(2))).toThrow(/tieKey has 2 entries/);
  });
});
