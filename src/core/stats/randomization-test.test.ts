import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomizationTestReference } from '../../../test/support/randomization-reference';
import { randomizationTest } from './randomization-test';

/** Brute force over all 2^n sign flips, written apart from the code under test. */
function exactP(diffs: number[]): number {
  const observed = Math.abs(diffs.reduce((s, d) => s + d, 0));
  let extreme = 0;
  const total = 1 << diffs.length;
  for (let mask = 0; mask < total; mask++) {
    const s = diffs.reduce((acc, d, i) => acc + ((mask >> i) & 1 ? -d : d), 0);
    if (Math.abs(s) >= observed - 1e-9) extreme++;
  }
  return extreme / total;
}

describe('paired randomization test', () => {
  it('enumerates every sign flip for small n: exact p-values', () => {
    // 1, 2, 3, 4: only all-plus and all-minus reach |sum| = 10, so p = 2/16.
    expect(randomizationTest([1, 2, 3, 4])).toEqual({ p: 0.125, permutations: 16, exact: true });
    const d = [0.5, -0.2, 0.3, 0.1, 0.4, -0.1, 0.25, 0.05];
    expect(randomizationTest(d).p).toBeCloseTo(exactP(d), 12);
    expect(randomizationTest([0, 0, 0]).p).toBe(1);
  });

  it('samples 10,000 flips with a fixed seed for larger n, close to the exact p', () => {
    const d = [0.3, -0.1, 0.25, 0.05, 0.4, -0.2, 0.15, 0.1, 0.2, -0.05, 0.1, 0.3, -0.15, 0.05, 0.2, 0.1, -0.3, 0.25];
    const exact = exactP(d); // 2^18 assignments, enumerated above
    const r = randomizationTest(d, { seed: 7 });
    expect(r).toMatchObject({ permutations: 10_000, exact: false });
    // Monte Carlo standard error at p ~ 0.04 with 10,000 draws is about 0.002.
    expect(Math.abs(r.p - exact)).toBeLessThan(0.008);
    expect(randomizationTest(d, { seed: 7 }).p).toBe(r.p); // same seed, same answer
  });

  it('tests a weighted statistic (the macro difference) when given weights', () => {
    // Weighted terms w d = (1, -0.25, -0.25), observed |sum| = 0.5. Over the 8 sign vectors the sums are
    // +-0.5, +-1, +-1, +-1.5: every one reaches 0.5, so p = 1.
    expect(randomizationTest([2, -1, -1], { weights: [0.5, 0.25, 0.25] }).p).toBe(1);
    // (3, 1) with weights (0.9, 0.1): s = 2.8 observed; flips give 2.8, 2.6, -2.6, -2.8: |s| >= 2.8 for 2 of 4.
    expect(randomizationTest([3, 1], { weights: [0.9, 0.1] }).p).toBe(0.5);
  });
});

/** 10,000 seeded flips of which `extreme` reach the observed statistic: the p-value the test reports. */
const sampled = (extreme: number) => (1 + extreme) / 10_001;

describe('the table kernel returns the p-values of the one-by-one loop, bit for bit', () => {
  // The extreme counts below are what the implementation before the table kernel (main at 1fa9d69,
  // one branch per term in pair order; kept as test/support/randomization-reference.ts) printed for
  // these inputs: `git show 1fa9d69:src/core/stats/paired-tests.ts`, then
  // randomizationTest(input, opts) and Math.round(p * 10_001 - 1), run with tsx.
  const apLike = (i: number) => 1 / (1 + ((i * 7) % 5));
  it('AP-like differences with ties and zero differences', () => {
    // 40 differences of reciprocal ranks, every third one 0.
    const d = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 0 : apLike(i + 1) - apLike(i)));
    expect(randomizationTest(d)).toEqual({ p: sampled(9138), permutations: 10_000, exact: false });
    expect(randomizationTest(d, { seed: 9 }).p).toBe(sampled(9112));
    // 1,190 questions (one XQuAD-R cell), a quarter scored the same by both runs.
    const cell = Array.from({ length: 1190 }, (_, i) => (i % 4 === 0 ? 0 : 1 / (1 + ((i * 11) % 19)) - 1 / (1 + ((i * 13) % 17))));
    expect(randomizationTest(cell, { seed: 42 }).p).toBe(sampled(1901));
  });

  it('whole-number differences (rank distances), equal magnitudes, weights, and all zeros', () => {
    const pattern = [3, 0, -2, -1, 0, 2, -3, 1, 0, 2];
    expect(
      randomizationTest(
        Array.from({ length: 230 }, (_, i) => pattern[i % 10]),
        { seed: 5 },
      ).p,
    ).toBe(sampled(960));
    // Sums of +-0.1/20 reach the observed 0.04 exactly (up to rounding) in many flips.
    expect(randomizationTest([...Array(12).fill(0.1), ...Array(4).fill(-0.1), ...Array(4).fill(0)]).p).toBe(sampled(730));
    // The macro statistic over two cells of 300 and 200 questions.
    const d = Array.from({ length: 500 }, (_, i) => ((i * 37) % 11) / 10 - 0.45);
    expect(randomizationTest(d, { weights: d.map((_, i) => (i < 300 ? 1 / 600 : 1 / 400)) }).p).toBe(sampled(9));
    expect(randomizationTest(Array(50).fill(0)).p).toBe(1);
  });

  it('flips whose sum lands on the threshold itself, where the order of adding decides', () => {
    // Ten +1/3, ten -1/3 and 1/3 + 5e-13 (weights 1): observed |sum| ~ 1/3, threshold 1e-12 below it, and
    // every flip that leaves the 1/3 terms one out of balance sums to 1/3 - 5e-13 ~ the threshold. Summed in
    // the tables' order, 744 of the 10,000 flips fall on the other side (8,893 would count instead of 9,441;
    // counted with an instrumented copy); the kernel adds those again in pair order.
    const d = [...Array(10).fill(1 / 3), ...Array(10).fill(-1 / 3), 1 / 3 + 0.5e-12];
    expect(randomizationTest(d, { weights: d.map(() => 1) }).p).toBe(sampled(9441));
  });

  it('equals the reference on any input: ties, zeros, weights, partial last words, any seed', () => {
    // Values from a small set so that ties and exact zeros are common.
    const value = fc.oneof(fc.constantFrom(0, 1, -1, 0.5, -0.25, 1 / 3, -2 / 3, 0.1, 1e-12), fc.integer({ min: -50, max: 50 }));
    const input = fc.record({
      diffs: fc.array(value, { minLength: 9, maxLength: 150 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      weighted: fc.boolean(),
    });
    fc.assert(
      fc.property(input, ({ diffs, seed, weighted }) => {
        const opts = { permutations: 300, seed, weights: weighted ? diffs.map((_, i) => 1 / (2 + (i % 3))) : undefined };
        expect(randomizationTest(diffs, opts)).toEqual(randomizationTestReference(diffs, opts));
      }),
      { numRuns: 300 },
    );
  });
});
