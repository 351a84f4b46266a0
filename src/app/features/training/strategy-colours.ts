import type { BatchStrategy } from '../../../core/training/strategy-names';

/** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
export const STRATEGY_COLOURS: Record<BatchStrategy, string> = {
  monolingual: '#0072B2',
  'cross-lingual': '#D55E00',
  hybrid: '#009E73',
};
