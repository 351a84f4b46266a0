/**
 * A small seeded PRNG (xoshiro128**, seeded through splitmix32) whose every output is the same
 * in Node and in every browser: it uses only 32-bit integer ops, IEEE-754 +, -, *, / and
 * Math.sqrt (which the spec requires to be correctly rounded). Math.log/cos/sin are left to each
 * engine's approximation by the spec, so normal() uses the polar form of Box-Muller (no
 * trigonometry) with a logarithm computed here from arithmetic alone.
 */
export interface Rng {
  /** Next raw 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal (mean 0, variance 1). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
  shuffle(items: Int32Array): Int32Array;
  /** One element drawn uniformly; throws on an empty list. */
  choice<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number, got ${seed}`);
  // splitmix32 spreads any seed (0 included) over the 128-bit state.
  let sm = (Math.trunc(seed) ^ Math.trunc(seed / 0x100000000)) >>> 0;
  const nextSplitMix = (): number => {
    sm = (sm + 0x9e3779b9) >>> 0;
    let z = sm;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  // State kept as signed int32 (| 0) so V8 holds it unboxed; outputs are made unsigned at the end.
  let s0 = nextSplitMix() | 0;
  let s1 = nextSplitMix() | 0;
  let s2 = nextSplitMix() | 0;
  let s3 = nextSplitMix() | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextUint32 = (): number => {
    const m = Math.imul(s1, 5);
    const result = Math.imul((m << 7) | (m >>> 25), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result >>> 0;
  };
  const uniform = (): number => {
    const hi = nextUint32() >>> 5; // 27 bits
    const lo = nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  let spare = 0;
  let hasSpare = false;
  const normal = (): number => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u = 0;
    let v = 0;
    let s = 0;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * logDeterministic(s)) / s);
    spare = v * factor;
    hasSpare = true;
    return u * factor;
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0) throw new RangeError(`Rng.int: n must be a positive integer, got ${n}`);
    return Math.floor(uniform() * n);
  };
  function shuffle<T>(items: T[]): T[];
  function shuffle(items: Int32Array): Int32Array;
  function shuffle<T>(items: T[] | Int32Array): T[] | Int32Array {
    for (let i = items.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
  const choice = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('Rng.choice: cannot choose from an empty list');
    return items[int(items.length)];
  };
  return { nextUint32, uniform, normal, int, shuffle, choice };
}

/** A seed for an independent stream derived from a base seed and a label (e.g. "sampler"). */
export function deriveSeed(seed: number, label: string): number {
  let h = (Math.trunc(seed) ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
  }
  return h;
}

const ATANH_SERIES = Float64Array.from({ length: 12 }, (_, n) => 1 / (2 * n + 1));
const LN2_HI = 6.9314718036912381649e-1;
const LN2_LO = 1.90821492927058770002e-10;

/**
 * Natural log of x in (0, 1], from arithmetic only, so it is bit-identical across engines.
 * x = m * 2^k with m in [sqrt(1/2), sqrt(2)); ln m = 2 atanh(t), t = (m-1)/(m+1), |t| < 0.1716,
 * summed to a fixed number of terms (error below 1e-16 relative).
 */
export function logDeterministic(x: number): number {
  if (!(x > 0)) throw new RangeError(`logDeterministic: x must be positive, got ${x}`);
  let m = x;
  let k = 0;
  while (m < 0.7071067811865476) {
    m *= 2;
    k--;
  }
  while (m >= 1.4142135623730951) {
    m /= 2;
    k++;
  }
  const t = (m - 1) / (m + 1);
  const t2 = t * t;
  // Horner form of 1 + t2/3 + t2^2/5 + ... + t2^11/23.
  let series = ATANH_SERIES[11];
  for (let n = 10; n >= 0; n--) series = series * t2 + ATANH_SERIES[n];
  return k * LN2_HI + (2 * t * series + k * LN2_LO);
}
