import { describe, expect, it } from 'vitest';
import { createRng, deriveSeed, logDeterministic } from './rng';

describe('createRng', () => {
  // Golden values from an independent Python implementation of splitmix32-seeded xoshiro128**
  // (with Python's math.log for the polar method). Any engine must reproduce them exactly.
  it('reproduces the reference xoshiro128** stream for seed 42', () => {
    const rng = createRng(42);
    expect(Array.from({ length: 5 }, () => rng.nextUint32())).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180]);
  });

  it('reproduces the reference uniforms and normals', () => {
    const a = createRng(42);
    expect(Array.from({ length: 3 }, () => a.uniform())).toEqual([0.6606157208001621, 0.1117019639532224, 0.0791056456144914]);
    const b = createRng(7);
    expect(Array.from({ length: 4 }, () => b.normal())).toEqual([-1.5370383110628956, -0.2949978339025397, 2.7798852822589497, 0.5592582996313386]);
  });

  it('gives different streams for different seeds, including 0 and negative seeds', () => {
    const first = (seed: number): number => createRng(seed).nextUint32();
    const values = new Set([first(0), first(1), first(-1), first(2 ** 40)]);
    expect(values.size).toBe(4);
  });

  it('draws uniforms in [0, 1) and normals with mean 0 and variance 1', () => {
    const rng = createRng(3);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 10_000; i++) {
      const u = rng.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    let sum = 0;
    let sumSq = 0;
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(0.03);
  });

  it('shuffles to a permutation, the same one for the same seed', () => {
    const shuffled = createRng(5).shuffle(Array.from({ length: 20 }, (_, i) => i));
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(shuffled).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(createRng(5).shuffle(Array.from({ length: 20 }, (_, i) => i))).toEqual(shuffled);
    expect(Array.from(createRng(5).shuffle(Int32Array.from({ length: 20 }, (_, i) => i)))).toEqual(shuffled);
  });

  it('chooses every element of a list over many draws and rejects an empty one', () => {
    const rng = createRng(9);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) seen.add(rng.choice(['a', 'b', 'c']));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => rng.choice([])).toThrow(/empty list/);
    expect(() => rng.int(0)).toThrow(/positive integer/);
  });
});

describe('logDeterministic', () => {
  it('agrees with Math.log to within 2 ulp over (0, 1]', () => {
    const rng = createRng(1);
    for (let i = 0; i < 5_000; i++) {
      const x = i < 10 ? 2 ** -(i * 100) : rng.uniform() || 1;
      const expected = Math.log(x);
      expect(Math.abs(logDeterministic(x) - expected)).toBeLessThanOrEqual(Math.abs(expected) * 4.5e-16 + 1e-300);
    }
    expect(logDeterministic(1)).toBe(0);
  });
});

describe('deriveSeed', () => {
  it('gives independent, stable seeds per label', () => {
    expect(deriveSeed(1, 'sampler')).toBe(deriveSeed(1, 'sampler'));
    expect(deriveSeed(1, 'sampler')).not.toBe(deriveSeed(1, 'init'));
    expect(deriveSeed(1, 'sampler')).not.toBe(deriveSeed(2, 'sampler'));
  });
});
