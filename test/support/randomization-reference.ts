/**
 * The paired randomization test as it stood before the nibble-table kernel (main at 1fa9d69),
 * kept verbatim as the reference: the tests check that the fast kernel in
 * src/core/stats/randomization-test.ts returns bit-identical p-values for the same seed, and
 * `npm run bench:significance` times the two in the same run.
 */
import { createRng } from '../../src/core/numeric/rng';
import type { RandomizationOptions, RandomizationResult } from '../../src/core/stats/randomization-test';

export function randomizationTestReference(diffs: readonly number[], opts: RandomizationOptions = {}): RandomizationResult {
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
  const rng = createRng(opts.seed ?? 1);
  let extreme = 0;
  for (let k = 0; k < permutations; k++) {
    let s = 0;
    for (let i = 0; i < n; i += 32) {
      const bits = rng.nextUint32();
      const end = Math.min(n, i + 32);
      for (let j = i; j < end; j++) s += (bits >>> (j - i)) & 1 ? -wd[j] : wd[j];
    }
    if (Math.abs(s) >= threshold) extreme++;
  }
  return { p: (1 + extreme) / (1 + permutations), permutations, exact: false };
}
