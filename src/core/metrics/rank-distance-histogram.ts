/** One bar of a histogram: values v with start <= v < end (the last bin also includes its end). */
export interface HistogramBin {
  start: number;
  end: number;
  count: number;
}

/**
 * Bins non-negative values (e.g. maximum rank distances) into at most binCount equal-width bins
 * from 0, with a round width (1, 2, 2.5 or 5 times a power of ten). The range ends at `max` when
 * given, else at the largest value; values above `max` are counted in the last bin so the counts
 * still add up to values.length.
 *
 * When every value (and max) is an integer, widths are whole numbers and each integer v is treated
 * as covering [v, v + 1), so bins are all half-open and equally wide in integers: [0, 10) holds
 * 0..9. Otherwise bins are half-open except the last, which is closed as in numpy.
 */
export function histogram(values: readonly number[], binCount: number, max?: number): HistogramBin[] {
  if (!Number.isInteger(binCount) || binCount < 1) {
    throw new RangeError(`histogram: binCount must be a positive integer, got ${binCount}`);
  }
  if (max !== undefined && !(Number.isFinite(max) && max >= 0)) {
    throw new RangeError(`histogram: max must be a finite number >= 0, got ${max}`);
  }
  let largest = 0;
  let integers = max === undefined || Number.isInteger(max);
  values.forEach((v, i) => {
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`histogram: values[${i}] = ${v}; expected a finite number >= 0`);
    if (v > largest) largest = v;
    if (!Number.isInteger(v)) integers = false;
  });
  if (values.length === 0 && max === undefined) return [];

  const span = (max ?? largest) + (integers ? 1 : 0);
  let step = roundUpToNiceStep(span / binCount);
  if (integers) step = Math.max(1, Math.ceil(step));
  const n = Math.max(1, Math.ceil(span / step));
  const bins: HistogramBin[] = [];
  for (let i = 0; i < n; i++) bins.push({ start: i * step, end: (i + 1) * step, count: 0 });
  for (const v of values) bins[Math.min(n - 1, Math.floor(v / step))].count++;
  return bins;
}

/** The smallest of 1, 2, 2.5, 5 (times a power of ten) that is at least raw; 1 for raw <= 0. */
function roundUpToNiceStep(raw: number): number {
  if (raw <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const nice = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 2.5 ? 2.5 : normalised <= 5 ? 5 : 10;
  return nice * magnitude;
}
