import { describe, expect, it } from 'vitest';
import { applyAdapter, createIdentityAdapter } from './adapter';

describe('applyAdapter', () => {
  const rows = Float32Array.from([3, 4, 0, 0, 0, 2, 1, 1, 1]);

  it('at the identity start only normalises rows, full or low-rank', () => {
    const expected = [0.6, 0.8, 0, 0, 0, 1, 1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)];
    for (const adapter of [createIdentityAdapter(3), createIdentityAdapter(3, 2, 7)]) {
      const out = applyAdapter(adapter, rows, 3, 3);
      expected.forEach((value, i) => expect(out[i]).toBeCloseTo(value, 6));
    }
  });

  it('applies W = I + Delta (full) to each row, then normalises', () => {
    // Delta swaps nothing but doubles the first coordinate: W = diag(3, 1, 1).
    const adapter = createIdentityAdapter(3);
    adapter.params[0] = 2;
    const out = applyAdapter(adapter, Float32Array.from([1, 0, 1]), 1, 3);
    const norm = Math.sqrt(10);
    expect(Array.from(out)).toEqual([3 / norm, 0, 1 / norm].map(Math.fround));
  });

  it('applies W = I + U V^T (low rank) to each row', () => {
    // U = e0 (3 x 1), V = e2: W maps e2 to e0 + e2 and leaves e0, e1 alone.
    const adapter = createIdentityAdapter(3, 1);
    adapter.params.set([1, 0, 0, 0, 0, 1]);
    const out = applyAdapter(adapter, Float32Array.from([0, 0, 1, 0, 1, 0]), 2, 3);
    expect(out[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(out[2]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(Array.from(out.subarray(3))).toEqual([0, 1, 0]);
  });

  it('maps question and passage rows with the same W (a shared encoder)', () => {
    const adapter = createIdentityAdapter(4, 2, 3);
    adapter.params.forEach((_, i) => (adapter.params[i] = Math.sin(i)));
    const q = Float32Array.from([0.1, 0.2, 0.3, 0.4]);
    const both = applyAdapter(adapter, Float32Array.from([...q, ...q]), 2, 4);
    expect(Array.from(both.subarray(0, 4))).toEqual(Array.from(both.subarray(4)));
    expect(Array.from(applyAdapter(adapter, q, 1, 4))).toEqual(Array.from(both.subarray(0, 4)));
  });

  it('handles more rows than one internal chunk', () => {
    const many = new Float32Array(600 * 2);
    for (let r = 0; r < 600; r++) many.set([r + 1, 0], r * 2);
    const out = applyAdapter(createIdentityAdapter(2), many, 600, 2);
    for (let r = 0; r < 600; r++) expect(out[r * 2]).toBe(1);
  });

  it('says which dimension does not match', () => {
    expect(() => applyAdapter(createIdentityAdapter(4), new Float32Array(6), 2, 3)).toThrow('embeddings have dim 3 but the adapter was trained for dim 4');
    expect(() => applyAdapter(createIdentityAdapter(3), new Float32Array(7), 2, 3)).toThrow('matrix has 7 values, expected rows x dim = 2 x 3');
    expect(() => createIdentityAdapter(3, 4)).toThrow('rank must be an integer in [0, dim=3]');
  });
});
