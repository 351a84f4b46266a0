import type { LangCode } from '../corpus/types';

/**
 * 20 categorical colours for languages: the Okabe-Ito set (safe for the common colour-vision
 * deficiencies) first, then Paul Tol's muted set and a few of his others. No palette keeps 15+
 * colours apart for every reader, so every chart also prints language codes beside the colours.
 */
export const LANGUAGE_PALETTE: readonly string[] = [
  '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#332288',
  '#117733', '#882255', '#999933', '#44AA99', '#AA4499', '#DDCC77', '#555555', '#88CCEE',
  '#CC6677', '#997700', '#6699CC', '#EE99AA',
];

/** A colour per language, by position in `langs` (so a language keeps its colour across charts of one corpus). */
export function assignLanguageColours(langs: readonly LangCode[]): Record<LangCode, string> {
  const colours: Record<LangCode, string> = {};
  let next = 0;
  for (const lang of langs) {
    if (!(lang in colours)) colours[lang] = LANGUAGE_PALETTE[next++ % LANGUAGE_PALETTE.length];
  }
  return colours;
}
