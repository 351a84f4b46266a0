import type { SeriesKey } from './strategy-comparison';

/**
 * One colour and one marker shape per series (the untrained encoder and each batch strategy), so
 * the series stay apart without colour too. Okabe-Ito colours plus a dark grey; the four stay at
 * least 15 CIE76 units apart under simulated protanopia, deuteranopia and tritanopia
 * (colour-vision.test.ts).
 */
export const SERIES_COLOURS: Record<SeriesKey, string> = {
  baseline: '#555555',
  monolingual: '#0072B2',
  'cross-lingual': '#D55E00',
  hybrid: '#009E73',
};

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export const SERIES_MARKERS: Record<SeriesKey, MarkerShape> = {
  baseline: 'circle',
  monolingual: 'square',
  'cross-lingual': 'triangle',
  hybrid: 'diamond',
};
