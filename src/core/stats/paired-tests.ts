import { studentTTwoSided } from './student-t';

export interface TTestResult {
  n: number;
  /** Mean of the differences (B minus A). */
  meanDiff: number;
  t: number;
  df: number;
  /** Two-sided. 1 when every difference is 0; NaN with fewer than two pairs. */
  p: number;
}

/** The paired t-test on differences d_i = B_i - A_i: t = mean / (sd / sqrt(n)), df = n - 1. */
export function pairedTTest(diffs: readonly number[]): TTestResult {
  const n = diffs.length;
  const meanDiff = n ? diffs.reduce((s, d) => s + d, 0) / n : Number.NaN;
  if (n < 2) return { n, meanDiff, t: Number.NaN, df: Math.max(0, n - 1), p: Number.NaN };
  let ss = 0;
  for (const d of diffs) ss += (d - meanDiff) * (d - meanDiff);
  const se = Math.sqrt(ss / (n - 1) / n);
  return fromStatistic(n, meanDiff, se, n - 1);
}

/**
 * The paired t-test of a macro average over cells (each cell weighing the same, as the paper
 * averages): the macro difference over its standard error sqrt(sum_c s_c^2 / n_c) / C, with
 * Welch-Satterthwaite degrees of freedom. With one cell this is pairedTTest.
 */
export function stratifiedTTest(cells: readonly (readonly number[])[]): TTestResult {
  const used = cells.filter((c) => c.length > 0);
  const C = used.length;
  const n = used.reduce((s, c) => s + c.length, 0);
  if (C === 0) return { n, meanDiff: Number.NaN, t: Number.NaN, df: 0, p: Number.NaN };
  let macro = 0;
  let variance = 0;
  let dfDenominator = 0;
  for (const c of used) {
    const mean = c.reduce((s, d) => s + d, 0) / c.length;
    macro += mean / C;
    if (c.length < 2) continue;
    let ss = 0;
    for (const d of c) ss += (d - mean) * (d - mean);
    const v = ss / (c.length - 1) / c.length / (C * C);
    variance += v;
    dfDenominator += (v * v) / (c.length - 1);
  }
  if (dfDenominator === 0 && variance === 0) return fromStatistic(n, macro, 0, Math.max(1, n - C));
  return fromStatistic(n, macro, Math.sqrt(variance), (variance * variance) / dfDenominator);
}

function fromStatistic(n: number, meanDiff: number, se: number, df: number): TTestResult {
  if (se === 0) return { n, meanDiff, t: meanDiff === 0 ? 0 : Math.sign(meanDiff) * Infinity, df, p: meanDiff === 0 ? 1 : 0 };
  const t = meanDiff / se;
  return { n, meanDiff, t, df, p: studentTTwoSided(t, df) };
}

/**
 * Holm-Bonferroni adjusted p-values, in the input's order: sort ascending, multiply the i-th
 * smallest (0-based) by (m - i), keep the running maximum, cap at 1. A difference "holds after
 * correction" at level alpha when its adjusted p is below alpha. NaN p-values stay NaN and do not count in m.
 */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, i) => ({ p, i }))
    .filter((x) => !Number.isNaN(x.p))
    .sort((a, b) => a.p - b.p || a.i - b.i);
  const m = order.length;
  const adjusted = pValues.map(() => Number.NaN);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
