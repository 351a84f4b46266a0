import { describe, expect, it } from 'vitest';
import { buildLanguageMix } from './language-mix-data';
import { tinyReport } from './tiny-report.fixture';

describe('buildLanguageMix', () => {
  it('stacks every passage language per question language, each stack summing to exactly 1', () => {
    const mix = buildLanguageMix(tinyReport())!;
    expect(mix.langs).toEqual(['en', 'de']);
    expect(mix.k).toBe(10);
    expect(mix.fairShare).toBe(0.5);
    expect(mix.rows.map((r) => r.queryLang)).toEqual(['en', 'de']);
    expect(mix.rows[0].shares).toEqual(
      new Map([
        ['en', 0.75],
        ['de', 0.25],
      ]),
    );
    expect(mix.rows[0].ownShare).toBe(0.75);
    for (const row of mix.rows) expect([...row.shares.values()].reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('fills in languages a row never retrieved with 0 and appends languages outside the report list', () => {
    const r = tinyReport();
    r.languageMix = new Map([
      ['en', new Map([['en', 1]])],
      [
        'de',
        new Map([
          ['de', 0.5],
          ['fr', 0.5],
        ]),
      ],
    ]);
    const mix = buildLanguageMix(r)!;
    expect(mix.langs).toEqual(['en', 'de', 'fr']);
    expect(mix.rows[0].shares).toEqual(
      new Map([
        ['en', 1],
        ['de', 0],
        ['fr', 0],
      ]),
    );
    expect(mix.rows[1].ownShare).toBe(0.5);
  });

  it('draws a language named like an Object.prototype member as a language of its own', () => {
    const r = tinyReport();
    r.languages = ['__proto__', 'constructor'];
    r.languageMix = new Map([
      [
        '__proto__',
        new Map([
          ['__proto__', 0.5],
          ['constructor', 0.5],
        ]),
      ],
      ['constructor', new Map([['constructor', 1]])],
    ]);
    const mix = buildLanguageMix(r)!;
    expect(mix.langs).toEqual(['__proto__', 'constructor']);
    expect(mix.rows.map((row) => [row.queryLang, row.ownShare])).toEqual([
      ['__proto__', 0.5],
      ['constructor', 1],
    ]);
  });

  it('is null for a report without a multilingual setting', () => {
    const r = tinyReport();
    delete r.languageMix;
    expect(buildLanguageMix(r)).toBeNull();
  });
});
