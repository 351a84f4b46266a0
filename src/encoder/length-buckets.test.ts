import { describe, expect, it } from 'vitest';
import { charLengths, paddedTokens, planFixedBatches, planLengthBatches, scatterRows, sortByLengthDescending } from './length-buckets';

describe('planLengthBatches', () => {
  it('groups texts of similar length, longest first, every index exactly once', () => {
    const lengths = [5, 50, 6, 48, 4, 52];
    const batches = planLengthBatches(lengths, { maxBatch: 2, maxTokens: 1000 });
    expect(batches.map((b) => Array.from(b))).toEqual([
      [5, 1],
      [3, 2],
      [0, 4],
    ]);
  });

  it('keeps padded tokens per batch within maxTokens, but never drops a long text', () => {
    const lengths = [10, 10, 10, 10, 400];
    const batches = planLengthBatches(lengths, { maxBatch: 32, maxTokens: 25 });
    expect(batches.map((b) => Array.from(b))).toEqual([[4], [0, 1], [2, 3]]);
  });

  it('pads far less than fixed chunks in corpus order', () => {
    const lengths = Array.from({ length: 64 }, (_, i) => (i % 2 ? 100 : 5));
    const bucketed = paddedTokens(lengths, planLengthBatches(lengths, { maxBatch: 8, maxTokens: 1e9 }));
    const naive = paddedTokens(lengths, planFixedBatches(lengths.length, 8));
    expect(naive).toBe(64 * 100);
    expect(bucketed).toBe(32 * 100 + 32 * 5);
  });

  it('breaks ties by input order', () => {
    expect(Array.from(sortByLengthDescending([3, 3, 7, 3]))).toEqual([2, 0, 1, 3]);
  });
});

describe('scatterRows', () => {
  it('puts batch rows back at their input positions', () => {
    const out = new Float32Array(6);
    scatterRows(out, Float32Array.from([20, 21, 0, 1]), [2, 0], 2);
    expect(Array.from(out)).toEqual([0, 1, 0, 0, 20, 21]);
    expect(() => scatterRows(out, new Float32Array(2), [0, 1], 2)).toThrow(/1 rows for 2 texts/);
  });
});

describe('planFixedBatches', () => {
  it('cuts in order with a short last chunk', () => {
    expect(planFixedBatches(5, 2).map((b) => Array.from(b))).toEqual([[0, 1], [2, 3], [4]]);
    expect(Array.from(charLengths(['ab', '大红河']))).toEqual([2, 3]);
  });
});
