import { describe, expect, it } from 'vitest';
import { beats, compareCandidates } from './candidate-order';

describe('beats', () => {
  it('puts the higher score first and lets the smaller tie key win a tie', () => {
    expect(beats(0.9, 5, 0.1, 0)).toBe(true);
    expect(beats(0.1, 0, 0.9, 5)).toBe(false);
    expect(beats(0.5, 1, 0.5, 2)).toBe(true);
    expect(beats(0.5, 2, 0.5, 1)).toBe(false);
    expect(beats(0.5, 1, 0.5, 1)).toBe(false); // nothing beats itself
  });

  it('treats -0 and 0 as a tie and ranks NaN after -Infinity', () => {
    expect(beats(-0, 1, 0, 2)).toBe(true);
    expect(beats(-Infinity, 9, NaN, 0)).toBe(true);
    expect(beats(NaN, 0, -Infinity, 9)).toBe(false);
    expect(beats(NaN, 0, NaN, 1)).toBe(true);
  });
});

describe('compareCandidates', () => {
  it('sorts best first', () => {
    const items = [
      { s: NaN, k: 0 },
      { s: 0.2, k: 3 },
      { s: 0.7, k: 1 },
      { s: 0.2, k: 2 },
    ];
    items.sort((a, b) => compareCandidates(a.s, a.k, b.s, b.k));
    expect(items.map((x) => x.k)).toEqual([1, 2, 3, 0]);
  });
});
