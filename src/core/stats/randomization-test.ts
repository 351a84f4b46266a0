import { createRng } from '../numeric/rng';

export interface RandomizationResult {
  /** Two-sided p-value. */
  p: number;
  /** Sign flips drawn (or enumerated, when exact). */
  permutations: number;
  /** True when all 2^n sign assignments were enumerated (small n): the p-value is exact. */
  exact: boolean;
}

export interface RandomizationOptions {
  /** At least 10,000 by default. */
  permutations?: number;
  seed?: number;
  /** Weight of each pair in the statistic sum_i w_i d_i; default 1/n (the mean difference). */
  weights?: readonly number[];
}

/**
 * Paired randomization (permutation) test, two-sided: under "A and B are exchangeable", each
 * pair's difference is as likely negated. The statistic is |sum_i w_i d_i| (the mean difference
 * by default, the macro difference with per-cell weights); p counts sign assignments at least as
 * extreme as the observed one. With 2^n <= permutations every assignment is enumerated (exact p);
 * otherwise `permutations` random ones are drawn from a seeded generator, and
 * p = (1 + extreme) / (1 + permutations), which never reports 0.
 *
 * Sign flip k of pair i is bit (i mod 32) of the generator's (k * ceil(n / 32) + floor(i / 32))-th
 * 32-bit draw, set meaning negated; the p-values are those of the plain loop that adds the signed
 * terms one by one in pair order (kept in test/support/randomization-reference.ts), bit for bit.
 */
export function randomizationTest(diffs: readonly number[], opts: RandomizationOptions = {}): RandomizationResult {
  const permutations = opts.permutations ?? 10_000;
  const n = diffs.length;
  if (n === 0) return { p: Number.NaN, permutations: 0, exact: true };
  const wd = new Float64Array(n);
  for (let i = 0; i < n; i++) wd[i] = (opts.weights ? opts.weights[i] : 1 / n) * diffs[i];
  let observed = 0;
  for (let i = 0; i < n; i++) observed += wd[i];
  observed = Math.abs(observed);
  // Sums that equal the observed one up to rounding count as "as extreme".
  const threshold = observed - 1e-12 * Math.max(1, observed);

  if (n <= 30 && 2 ** n <= permutations) {
    let extreme = 0;
    const total = 2 ** n;
    for (let mask = 0; mask < total; mask++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += mask & (1 << i) ? -wd[i] : wd[i];
      if (Math.abs(s) >= threshold) extreme++;
    }
    return { p: extreme / total, permutations: total, exact: true };
  }
  const extreme = sampledExtreme(wd, threshold, permutations, opts.seed ?? 1);
  return { p: (1 + extreme) / (1 + permutations), permutations, exact: false };
}

/**
 * How many of `permutations` seeded sign flips reach |sum| >= threshold. Each 32-bit draw signs 32
 * terms; a table per 4 terms holds the 16 signed partial sums, so a draw costs 8 look-ups instead of
 * 32 branches. The tables add the terms in another order than the one-by-one loop, so a sum that
 * lands within the rounding bound of the threshold is added again term by term from the same draws:
 * the verdicts, and so the p-values, are the loop's exactly.
 */
function sampledExtreme(wd: Float64Array, threshold: number, permutations: number, seed: number): number {
  const n = wd.length;
  const words = Math.ceil(n / 32);
  // Nibble tables (16 entries per 4 terms, 32 bytes a term) rather than byte tables (256 per 8, 256
  // bytes a term): 130,900 pairs need 4 MB instead of 33 MB, and measured faster past ~2,000 pairs.
  const table = new Float64Array(words * 128);
  for (let g = 0; g < words * 8; g++) {
    const base = g * 16;
    table[base] = 0;
    for (let j = 0; j < 4; j++) {
      const x = g * 4 + j < n ? wd[g * 4 + j] : 0;
      const half = 1 << j;
      for (let b = 0; b < half; b++) {
        const t = table[base + b];
        table[base + b] = t + x;
        table[base + b + half] = t - x;
      }
    }
  }
  // Any order of summing n terms is within gamma_m * sum|x| of the exact sum, m counting the terms
  // that are not zero (adding a zero is exact); two orders are within twice that. The margin is
  // twice that again, which also covers rounding threshold +- margin.
  let absSum = 0;
  let nonZero = 0;
  for (let i = 0; i < n; i++) {
    absSum += Math.abs(wd[i]);
    if (wd[i] !== 0) nonZero++;
  }
  const margin = (nonZero + 1) * 2 ** -51 * absSum;
  const above = threshold + margin;
  const below = threshold - margin;
  const draws = new Int32Array(words);
  const rng = createRng(seed);
  let extreme = 0;
  for (let k = 0; k < permutations; k++) {
    let s = 0;
    for (let w = 0, base = 0; w < words; w++, base += 128) {
      const bits = rng.nextUint32() | 0;
      draws[w] = bits;
      s +=
        table[base + (bits & 15)] +
        table[base + 16 + ((bits >>> 4) & 15)] +
        (table[base + 32 + ((bits >>> 8) & 15)] + table[base + 48 + ((bits >>> 12) & 15)]) +
        (table[base + 64 + ((bits >>> 16) & 15)] +
          table[base + 80 + ((bits >>> 20) & 15)] +
          (table[base + 96 + ((bits >>> 24) & 15)] + table[base + 112 + (bits >>> 28)]));
    }
    const a = Math.abs(s);
    // With NaN or infinite terms no margin can be trusted: both tests fail and every flip is added term by term.
    if (a > above || (!(a < below) && Math.abs(sumInOrder(wd, draws)) >= threshold)) extreme++;
  }
  return extreme;
}

/** The signed sum added one term at a time in pair order, as the plain loop adds it. */
function sumInOrder(wd: Float64Array, draws: Int32Array): number {
  const n = wd.length;
  let s = 0;
  for (let i = 0; i < n; i += 32) {
    const bits = draws[i >>> 5];
    const end = Math.min(n, i + 32);
    for (let j = i; j < end; j++) s += (bits >>> (j - i)) & 1 ? -wd[j] : wd[j];
  }
  return s;
}
