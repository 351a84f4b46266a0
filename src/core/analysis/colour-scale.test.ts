import { describe, expect, it } from 'vitest';
import { divergingColour, roundUpBound, sequentialColour, textColourOn } from './colour-scale';
import { assignLanguageColours, LANGUAGE_PALETTE } from './language-palette';

describe('colour scales', () => {
  it('runs viridis from dark purple to yellow, clamping outside 0..1', () => {
    expect(sequentialColour(0)).toBe('#440154');
    expect(sequentialColour(1)).toBe('#fde725');
    expect(sequentialColour(0.5)).toBe('#21918c');
    expect(sequentialColour(-3)).toBe('#440154');
    expect(sequentialColour(0.0625)).toBe('#461768'); // halfway between the first two stops
  });

  it('is white-ish at zero difference, red below and blue above', () => {
    expect(divergingColour(0)).toBe('#f7f7f7');
    expect(divergingColour(-1)).toBe('#b2182b');
    expect(divergingColour(1)).toBe('#2166ac');
  });

  it('picks readable text: white on dark cells, black on light ones', () => {
    expect(textColourOn('#440154')).toBe('#ffffff');
    expect(textColourOn('#fde725')).toBe('#000000');
    expect(textColourOn('#f7f7f7')).toBe('#000000');
    expect(() => textColourOn('red')).toThrow(/"red" is not a #rrggbb/);
  });

  it('rounds a difference up to a round bound for a symmetric legend', () => {
    expect(roundUpBound(0.13)).toBe(0.2);
    expect(roundUpBound(-0.3)).toBe(0.5);
    expect(roundUpBound(0.05)).toBe(0.05);
    expect(roundUpBound(0)).toBe(1);
  });
});

describe('assignLanguageColours', () => {
  it('gives each language its own colour in order and reuses colours only past the palette', () => {
    const langs = Array.from({ length: 22 }, (_, i) => `l${i}`);
    const colours = assignLanguageColours(['en', 'de', 'en', 'zh']);
    expect(colours).toEqual(
      new Map([
        ['en', LANGUAGE_PALETTE[0]],
        ['de', LANGUAGE_PALETTE[1]],
        ['zh', LANGUAGE_PALETTE[2]],
      ]),
    );
    const many = assignLanguageColours(langs);
    expect(new Set(langs.slice(0, 20).map((l) => many.get(l))).size).toBe(20);
    expect(many.get('l20')).toBe(LANGUAGE_PALETTE[0]);
  });

  it('gives names of Object.prototype members a palette colour like any other key (issue 12: "constructor" got a function)', () => {
    const colours = assignLanguageColours(['en', 'constructor', '__proto__', 'toString']);
    expect([...colours.values()]).toEqual(LANGUAGE_PALETTE.slice(0, 4));
    expect(colours.get('constructor')).toBe(LANGUAGE_PALETTE[1]);
  });
});
