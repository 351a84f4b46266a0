// Seeded pseudo-random numbers that are bit-identical on every platform: only integer ops and
// exact float arithmetic (no Math.log/Math.cos, whose last bits may differ between engines).

export interface SeededRandom {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Approximately standard normal (Irwin-Hall: sum of 12 uniforms minus 6). */
  normal(): number;
  /** A new independent stream, derived from this one's seed and a label. */
  fork(label: string): SeededRandom;
}

/** mulberry32, seeded through a string hash so forks by label are independent. */
export function createRandom(seed: number | string): SeededRandom {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const origin = state;
  return {
    uniform,
    normal: () => {
      let sum = 0;
      for (let i = 0; i < 12; i++) sum += uniform();
      return sum - 6;
    },
    fork: (label) => createRandom(hashString(`${origin}:${label}`)),
  };
}

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Fills a Float32Array with normal(0, std) values. */
export function fillNormal(random: SeededRandom, length: number, std: number): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = random.normal() * std;
  return out;
}
