import { describe, expect, it } from 'vitest';
import { holmAdjust, pairedTTest, randomizationTest, stratifiedTTest } from './paired-tests';

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

describe('paired t-test', () => {
  it('matches a hand computation', () => {
    // d = 1, 2, 3, 4: mean 2.5, sd = sqrt(5/3) = 1.290994, se = sd / 2 = 0.645497, t = 3.872983, df 3.
    // p from the df = 3 closed form 1 - (2/pi)(theta + sin theta cos theta), theta = atan(t / sqrt 3): 0.030466.
    const r = pairedTTest([1, 2, 3, 4]);
    expect(r.meanDiff).toBe(2.5);
    expect(r.t).toBeCloseTo(3.872983, 6);
    expect(r.df).toBe(3);
    expect(r.p).toBeCloseTo(0.030466, 5);
    expect(pairedTTest([0, 0, 0]).p).toBe(1);
    expect(pairedTTest([0.2, 0.2]).p).toBe(0);
    expect(pairedTTest([1]).p).toBeNaN();
  });

  it('over cells tests the macro difference, and is the plain test with one cell', () => {
    expect(stratifiedTTest([[1, 2, 3, 4]])).toEqual(pairedTTest([1, 2, 3, 4]));
    // Two cells: means 2.5 and -1 (macro 0.75); variances 5/3 over 4 and 1 over 3, each / C^2 = 4:
    // v1 = 0.104167, v2 = 0.083333, se = sqrt(0.1875) = 0.433013, t = 1.732051;
    // df = 0.1875^2 / (v1^2 / 3 + v2^2 / 2) = 0.035156 / (0.003617 + 0.003472) = 4.959184.
    const r = stratifiedTTest([
      [1, 2, 3, 4],
      [-2, -1, 0],
    ]);
    expect(r.meanDiff).toBeCloseTo(0.75, 12);
    expect(r.t).toBeCloseTo(1.732051, 6);
    expect(r.df).toBeCloseTo(4.959184, 5);
  });
});

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

describe('Holm-Bonferroni', () => {
  it('adjusts as worked by hand', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => Number(p.toFixed(10)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.5, Number.NaN, 0.9])).toEqual([1, Number.NaN, 1]);
  });
});
