import { describe, expect, it } from 'vitest';
import { holmAdjust, pairedTTest, stratifiedTTest } from './paired-tests';

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

describe('Holm-Bonferroni', () => {
  it('adjusts as worked by hand', () => {
    // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04 -> running max 0.02, 0.03, 0.06, 0.06.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    expect(adjusted.map((p) => Number(p.toFixed(10)))).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holmAdjust([0.5, Number.NaN, 0.9])).toEqual([1, Number.NaN, 1]);
  });
});
