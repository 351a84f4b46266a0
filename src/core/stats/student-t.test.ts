import { describe, expect, it } from 'vitest';
import { lnGamma, regularizedBeta, studentTTwoSided } from './student-t';

describe('Student-t two-sided p-values', () => {
  it('match the closed forms for 1, 2 and 3 degrees of freedom', () => {
    // df = 1 is the Cauchy distribution: P(|T| >= t) = 1 - (2/pi) atan(t).
    for (const t of [0.5, 1, 3, 12.706]) expect(studentTTwoSided(t, 1)).toBeCloseTo(1 - (2 / Math.PI) * Math.atan(t), 12);
    // df = 2: P(|T| >= t) = 1 - t / sqrt(2 + t^2).
    for (const t of [0.3, 2, 4.303]) expect(studentTTwoSided(t, 2)).toBeCloseTo(1 - t / Math.sqrt(2 + t * t), 12);
    // df = 3: P(|T| >= t) = 1 - (2/pi)(theta + sin(theta) cos(theta)), theta = atan(t / sqrt 3).
    for (const t of [1, 3.182, 3.872983]) {
      const theta = Math.atan(t / Math.sqrt(3));
      expect(studentTTwoSided(t, 3)).toBeCloseTo(1 - (2 / Math.PI) * (theta + Math.sin(theta) * Math.cos(theta)), 12);
    }
  });

  it('give the printed critical values of a t table', () => {
    // Two-sided 0.05 and 0.01 critical values, as printed (3 decimals), so p agrees to about 1e-4.
    expect(studentTTwoSided(2.228, 10)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(2.042, 30)).toBeCloseTo(0.05, 4);
    expect(studentTTwoSided(4.032, 5)).toBeCloseTo(0.01, 4);
    expect(studentTTwoSided(2.576, 1e6)).toBeCloseTo(0.01, 4); // the normal limit
    expect(studentTTwoSided(1.96, 130_000)).toBeCloseTo(0.05, 3);
    expect(studentTTwoSided(-2.228, 10)).toBe(studentTTwoSided(2.228, 10));
    expect(studentTTwoSided(0, 7)).toBe(1);
  });

  it('rest on ln Gamma and I_x(a, b) that match known values', () => {
    expect(lnGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 - (1 - x)^b.
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedBeta(0.7, 3, 1)).toBeCloseTo(0.343, 12);
    expect(regularizedBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 12);
  });
});
