import type { LangCode } from '../corpus/types';

/**
 * 20 categorical colours for languages: the Okabe-Ito set first (safe for the common colour-vision
 * deficiencies), then twelve picked greedily from a 6-level RGB grid so that every pair stays at
 * least 13 CIE76 units apart with normal vision and under simulated protanopia, deuteranopia and
 * tritanopia (colour-vision.test.ts checks it), none too close to white or black. Colour is never
 * the only cue: every chart also prints language codes beside the colours.
 */
export const LANGUAGE_PALETTE: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#332288',
  '#9900FF',
  '#663300',
  '#990066',
  '#99FF99',
  '#9966FF',
  '#FF0066',
  '#6633CC',
  '#336633',
  '#9999FF',
  '#993399',
  '#66CC66',
  '#660066',
];

/**
 * A colour per language, by position in `langs` (so a language keeps its colour across charts of
 * one corpus). A Map, not an object: on an object `"constructor" in colours` is already true and
 * colours.constructor is a function.
 */
export function assignLanguageColours(langs: readonly LangCode[]): ReadonlyMap<LangCode, string> {
  const colours = new Map<LangCode, string>();
  for (const lang of langs) {
    if (!colours.has(lang)) colours.set(lang, LANGUAGE_PALETTE[colours.size % LANGUAGE_PALETTE.length]);
  }
  return colours;
}
