import { describe, expect, it } from 'vitest';
import { pairKey, parsePairKey } from './pair-key';

describe('pair keys', () => {
  it('name the query language, then the passage language', () => {
    expect(pairKey('de', 'en')).toBe('de->en');
  });

  it('round-trip and reject keys without exactly one arrow', () => {
    expect(parsePairKey(pairKey('zh', 'el'))).toEqual({ queryLang: 'zh', passageLang: 'el' });
    expect(() => parsePairKey('zh-el')).toThrow(/"zh-el" is not a pair key; expected "X->Y"/);
    expect(() => parsePairKey('->el')).toThrow(/expected "X->Y"/);
  });
});
