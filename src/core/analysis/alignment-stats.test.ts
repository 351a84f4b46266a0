import { describe, expect, it } from 'vitest';
import { measureAlignment } from './alignment-stats';

describe('measureAlignment', () => {
  // Two facts in two languages, 3-D. Fact 1's translations point the same way; fact 2's are orthogonal.
  const vectors = Float32Array.from([
    1,
    0,
    0, // f1 en
    2,
    0,
    0, // f1 de (same direction, different length: cosine 1)
    0,
    1,
    0, // f2 en
    0,
    0,
    1, // f2 de
  ]);
  const items = [
    { lang: 'en', group: 'f1' },
    { lang: 'de', group: 'f1' },
    { lang: 'en', group: 'f2' },
    { lang: 'de', group: 'f2' },
  ];

  it('averages cosine similarity over translation pairs and over unrelated pairs', () => {
    const s = measureAlignment(vectors, 3, items, { unrelatedPairs: 200 });
    expect(s.translationPairs).toBe(2);
    expect(s.translationSimilarity).toBeCloseTo(0.5, 12); // (1 + 0) / 2
    // Unrelated cross-language pairs: f1en-f2de (0), f1de-f2en (0): always 0.
    expect(s.unrelatedPairs).toBe(200);
    expect(s.unrelatedSimilarity).toBe(0);
    expect(s.byLang).toEqual([
      { lang: 'en', items: 2, translationSimilarity: 0.5 },
      { lang: 'de', items: 2, translationSimilarity: 0.5 },
    ]);
  });

  it('has nothing to say about translations when items carry no groups', () => {
    const s = measureAlignment(
      vectors,
      3,
      items.map(({ lang }) => ({ lang })),
    );
    expect(s.translationSimilarity).toBeNull();
    expect(s.byLang[0].translationSimilarity).toBeNull();
    expect(() => measureAlignment(vectors, 2, items)).toThrow(/12 numbers for 4 items of 2 dimensions/);
  });
});
