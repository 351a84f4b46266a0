import { describe, expect, it } from 'vitest';
import { LANGUAGE_PALETTE } from '../analysis/language-palette';
import { checkPalette, deltaE, simulateDeficiency, toLab } from './colour-vision';
import { SERIES_COLOURS } from './series-palette';

describe('colour-vision simulation', () => {
  it('removes the red-green axis for red-green deficiencies, but not for tritanopia', () => {
    const red = '#d62728';
    const green = '#2ca02c';
    // a* is CIELAB's green (negative) to red (positive) axis.
    const redGreenGap = (a: string, b: string) => Math.abs(toLab(a)[1] - toLab(b)[1]);
    expect(redGreenGap(red, green)).toBeGreaterThan(100);
    for (const d of ['deuteranopia', 'protanopia'] as const) {
      expect(redGreenGap(simulateDeficiency(red, d), simulateDeficiency(green, d))).toBeLessThan(15);
    }
    expect(redGreenGap(simulateDeficiency(red, 'tritanopia'), simulateDeficiency(green, 'tritanopia'))).toBeGreaterThan(80);
  });

  it('leaves greys grey', () => {
    for (const d of ['protanopia', 'deuteranopia', 'tritanopia'] as const) expect(deltaE(simulateDeficiency('#808080', d), '#808080')).toBeLessThan(1.5);
  });
});

describe('palettes under colour-vision deficiencies', () => {
  it('keeps all 20 language colours at least 13 CIE76 units apart, with normal vision and each deficiency', () => {
    for (const check of checkPalette(LANGUAGE_PALETTE)) {
      expect({ vision: check.vision, ok: check.minDeltaE >= 13, closest: check.closest }).toMatchObject({ ok: true });
    }
  });

  it('keeps the untrained encoder and the three strategies at least 15 apart', () => {
    for (const check of checkPalette(Object.values(SERIES_COLOURS))) expect(check.minDeltaE).toBeGreaterThanOrEqual(15);
  });
});
