import { describe, expect, it } from 'vitest';
import { hashTexts } from './content-hash';

/** 64-bit FNV-1a with BigInt, byte by byte as hashTexts feeds it. */
function reference(texts: string[]): string {
  let h = 0xcbf29ce484222325n;
  const mix = (c: number) => {
    h = ((h ^ BigInt(c)) * 0x100000001b3n) & 0xffffffffffffffffn;
  };
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      mix(t.charCodeAt(i) & 0xff);
      mix(t.charCodeAt(i) >>> 8);
    }
    mix(0x1f);
    mix(0);
  }
  mix(texts.length & 0xff);
  return h.toString(16).padStart(16, '0');
}

describe('hashTexts', () => {
  it('is 64-bit FNV-1a', () => {
    for (const texts of [[], ['a'], ['big red river.', '大红河山城市。', 'แม่น้ำ'], ['x'.repeat(5000)]]) expect(hashTexts(texts)).toBe(reference(texts));
  });

  it('tells apart texts that concatenate alike, order, and count', () => {
    expect(hashTexts(['ab', 'c'])).not.toBe(hashTexts(['a', 'bc']));
    expect(hashTexts(['a', 'b'])).not.toBe(hashTexts(['b', 'a']));
    expect(hashTexts([''])).not.toBe(hashTexts([]));
  });
});
