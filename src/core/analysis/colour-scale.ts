/** Viridis sampled at 9 even steps: perceptually uniform, readable in greyscale and with colour-vision deficiencies. */
const VIRIDIS = ['#440154', '#472d7b', '#3b528b', '#2c728e', '#21918c', '#28ae80', '#5ec962', '#addc30', '#fde725'];

/** Red-white-blue (ColorBrewer RdBu, 9 steps): a diverging scale that stays apart for red-green deficiencies. */
const RED_BLUE = ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'];

/** Colour of t in [0, 1] on viridis (dark purple for 0, yellow for 1); t outside is clamped. */
export function sequentialColour(t: number): string {
  return interpolate(VIRIDIS, clamp01(t));
}

/** Colour of t in [-1, 1]: red below 0, near-white at 0, blue above (blue = better, for a difference). */
export function divergingColour(t: number): string {
  return interpolate(RED_BLUE, clamp01((t + 1) / 2));
}

/** Black or white, whichever reads better on `background` (WCAG relative luminance). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const [r, g, b] = parseHex(background).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); they are equal at L ~ 0.179.
  return luminance > 0.179 ? '#000000' : '#ffffff';
}

/** The smallest "round" bound (1, 2, 2.5 or 5 times a power of ten) at least |x|, for a symmetric scale. */
export function roundUpBound(x: number): number {
  const a = Math.abs(x);
  if (!(a > 0) || !Number.isFinite(a)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(a));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= a * (1 - 1e-12)) return step * magnitude;
  return 10 * magnitude;
}

function interpolate(stops: readonly string[], t: number): string {
  if (Number.isNaN(t)) return '#cccccc';
  const pos = t * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = parseHex(stops[i]);
  const b = parseHex(stops[i + 1]);
  return toHex(a.map((c, k) => c + (b[k] - c) * f) as [number, number, number]);
}

function parseHex(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new RangeError(`colour "${hex}" is not a #rrggbb hex colour`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: [number, number, number]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
