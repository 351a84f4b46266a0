/**
 * How a palette looks to people with the common colour-vision deficiencies, and how far apart
 * its colours stay: Machado, Oliveira and Fernandes (2009) simulation matrices at full severity,
 * applied in linear sRGB, and the CIE76 colour difference (Euclidean distance in CIELAB, D65).
 */
export type Deficiency = 'protanopia' | 'deuteranopia' | 'tritanopia';
export const DEFICIENCIES: readonly Deficiency[] = ['protanopia', 'deuteranopia', 'tritanopia'];

type Matrix3 = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

/** Machado et al. 2009, Table 1, severity 1.0. */
const MACHADO: Record<Deficiency, Matrix3> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`colour "${hex}" is not a #rrggbb hex colour`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toLinear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const toGamma = (c: number): number => {
  const s = Math.min(1, Math.max(0, c));
  return 255 * (s <= 0.0031308 ? 12.92 * s : 1.055 * s ** (1 / 2.4) - 0.055);
};

/** The colour as a person with `deficiency` would see it, as #rrggbb. */
export function simulateDeficiency(hex: string, deficiency: Deficiency): string {
  const lin = parseHex(hex).map(toLinear) as Rgb;
  const m = MACHADO[deficiency];
  const out = m.map((row) => toGamma(row[0] * lin[0] + row[1] * lin[1] + row[2] * lin[2]));
  return `#${out.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** CIELAB (D65) of an sRGB colour. */
export function toLab(hex: string): Rgb {
  const [r, g, b] = parseHex(hex).map(toLinear);
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference: about 2.3 is just noticeable; above 10 two colours read as different. */
export function deltaE(a: string, b: string): number {
  const [l1, a1, b1] = toLab(a);
  const [l2, a2, b2] = toLab(b);
  return Math.hypot(l1 - l2, a1 - a2, b1 - b2);
}

export interface PaletteCheck {
  vision: 'normal' | Deficiency;
  /** The smallest difference between two colours of the palette under this vision. */
  minDeltaE: number;
  /** The pair that comes closest. */
  closest: [string, string];
}

/** For normal vision and each deficiency, the closest pair of the palette's colours. */
export function checkPalette(colours: readonly string[]): PaletteCheck[] {
  const visions: PaletteCheck['vision'][] = ['normal', ...DEFICIENCIES];
  return visions.map((vision) => {
    const seen = colours.map((c) => (vision === 'normal' ? c : simulateDeficiency(c, vision)));
    let minDeltaE = Infinity;
    let closest: [string, string] = [colours[0], colours[0]];
    for (let i = 0; i < seen.length; i++) {
      for (let j = i + 1; j < seen.length; j++) {
        const d = deltaE(seen[i], seen[j]);
        if (d < minDeltaE) {
          minDeltaE = d;
          closest = [colours[i], colours[j]];
        }
      }
    }
    return { vision, minDeltaE, closest };
  });
}
