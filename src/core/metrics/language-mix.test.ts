import { describe, expect, it } from 'vitest';
import { languageMix, languageMixByQueryLang, languageMixFromJson, languageMixToJson } from './language-mix';

describe('languageMix', () => {
  const topLangs = [
    ['en', 'en', 'de'],
    ['de', 'fr'],
  ];

  it('averages per-query shares of the top k', () => {
    // k = 2: query 0 is all en; query 1 is half de, half fr.
    expect(languageMix(topLangs, 2)).toEqual(
      new Map([
        ['en', 0.5],
        ['de', 0.25],
        ['fr', 0.25],
      ]),
    );
  });

  it('uses what a query has when k exceeds it, so each query still sums to 1', () => {
    // k = 3: query 0 is 2/3 en, 1/3 de; query 1 keeps its two.
    const mix = languageMix(topLangs, 3);
    expect(mix.get('en')).toBeCloseTo(1 / 3, 12);
    expect(mix.get('de')).toBeCloseTo(5 / 12, 12);
    expect(mix.get('fr')).toBeCloseTo(1 / 4, 12);
    expect([...mix.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('is empty for no queries and rejects a query with no passages or a bad k', () => {
    expect(languageMix([], 10)).toEqual(new Map());
    expect(() => languageMix([['en'], []], 10)).toThrow(/query 1 has no top passages/);
    expect(() => languageMix(topLangs, 0)).toThrow(/k must be a positive integer, got 0/);
  });
});

describe('languageMixByQueryLang', () => {
  it('averages separately for each query language', () => {
    const mix = languageMixByQueryLang(
      ['en', 'de', 'en'],
      [
        ['en', 'en'],
        ['de', 'en'],
        ['en', 'de'],
      ],
      2,
    );
    expect(languageMixToJson(mix)).toEqual({ en: { en: 0.75, de: 0.25 }, de: { de: 0.5, en: 0.5 } });
  });

  it('keeps a language named like an Object.prototype member as a key of its own (issue 12: "__proto__" vanished)', () => {
    const mix = languageMixByQueryLang(['__proto__', 'constructor'], [['__proto__'], ['constructor']], 1);
    expect([...mix.keys()]).toEqual(['__proto__', 'constructor']);
    expect(mix.get('__proto__')).toEqual(new Map([['__proto__', 1]]));
    const json = JSON.stringify(languageMixToJson(mix));
    expect(json).toBe('{"__proto__":{"__proto__":1},"constructor":{"constructor":1}}');
    expect(languageMixFromJson(JSON.parse(json))).toEqual(mix);
  });

  it('needs one query language per query', () => {
    expect(() => languageMixByQueryLang(['en'], [['en'], ['de']], 1)).toThrow(/1 query languages for 2 queries/);
  });
});

describe('languageMixFromJson', () => {
  it('names the field that is not a mix', () => {
    expect(() => languageMixFromJson([], 'run/metrics.json: languageMix')).toThrow(
      'run/metrics.json: languageMix: expected an object keyed by language, got an array',
    );
    expect(() => languageMixFromJson({ en: { de: '0.5' } })).toThrow('languageMix.en.de: expected a number, got "0.5"');
    expect(() => languageMixFromJson({ en: null })).toThrow('languageMix.en: expected an object keyed by language, got null');
  });
});
