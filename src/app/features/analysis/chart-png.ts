/** Turns a chart on screen (an SVG or a canvas) into a PNG with its title and legend, for slides and reports. */

export interface PngLegendEntry {
  label: string;
  colour: string;
}

export interface ChartPngOptions {
  title?: string;
  /** A line under the title: where the numbers come from. */
  subtitle?: string;
  legend?: readonly PngLegendEntry[];
  /** Device pixels per CSS pixel; default 2 (sharp on slides). */
  scale?: number;
  /** Defaults to the nearest opaque background behind the chart, else white. */
  background?: string;
}

/** Presentation properties worth copying: the SVG loses the page's CSS once it is serialised. */
const STYLE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
];

export async function renderChartPng(target: SVGSVGElement | HTMLCanvasElement, opts: ChartPngOptions = {}): Promise<Blob> {
  const scale = opts.scale ?? 2;
  const rect = target.getBoundingClientRect();
  const width = Math.max(1, Math.round(rect.width));
  const height = Math.max(1, Math.round(rect.height));
  const style = getComputedStyle(target);
  const textColour = style.color || '#000000';
  const fontFamily = style.fontFamily || 'sans-serif';
  const background = opts.background ?? backgroundBehind(target);

  const source = target instanceof HTMLCanvasElement ? target : await svgToImage(target, width, height);

  const pad = 16;
  const titleSize = 18;
  const subtitleSize = 12;
  const legendSize = 12;
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `${legendSize}px ${fontFamily}`;
  const legendRows = layoutLegend(opts.legend ?? [], width, (t) => measure.measureText(t).width);
  const top = pad + (opts.title ? titleSize + 8 : 0) + (opts.subtitle ? subtitleSize + 8 : 0);
  const legendHeight = legendRows.length ? legendRows.length * (legendSize + 8) + 8 : 0;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round((width + 2 * pad) * scale);
  canvas.height = Math.round((top + height + legendHeight + pad) * scale);
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, width + 2 * pad, top + height + legendHeight + pad);
  ctx.fillStyle = textColour;
  ctx.textBaseline = 'top';
  let y = pad;
  if (opts.title) {
    ctx.font = `600 ${titleSize}px ${fontFamily}`;
    ctx.fillText(opts.title, pad, y, width);
    y += titleSize + 8;
  }
  if (opts.subtitle) {
    ctx.font = `${subtitleSize}px ${fontFamily}`;
    ctx.globalAlpha = 0.75;
    ctx.fillText(opts.subtitle, pad, y, width);
    ctx.globalAlpha = 1;
  }
  ctx.drawImage(source, pad, top, width, height);
  ctx.font = `${legendSize}px ${fontFamily}`;
  legendRows.forEach((row, r) => {
    const ly = top + height + 8 + r * (legendSize + 8);
    for (const item of row) {
      ctx.fillStyle = item.colour;
      ctx.fillRect(pad + item.x, ly + 1, legendSize - 2, legendSize - 2);
      ctx.fillStyle = textColour;
      ctx.fillText(item.label, pad + item.x + legendSize + 4, ly);
    }
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the chart as PNG'))), 'image/png'),
  );
}

/** Wraps legend entries into rows that fit `width`. */
function layoutLegend(legend: readonly PngLegendEntry[], width: number, measure: (text: string) => number): { x: number; label: string; colour: string }[][] {
  const rows: { x: number; label: string; colour: string }[][] = [];
  let row: { x: number; label: string; colour: string }[] = [];
  let x = 0;
  for (const entry of legend) {
    const w = 12 + 4 + measure(entry.label) + 16;
    if (x > 0 && x + w > width) {
      rows.push(row);
      row = [];
      x = 0;
    }
    row.push({ x, ...entry });
    x += w;
  }
  if (row.length) rows.push(row);
  return rows;
}

async function svgToImage(svg: SVGSVGElement, width: number, height: number): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart SVG could not be drawn as an image'));
      img.src = url;
    });
    return img;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Copies computed presentation styles from each original element onto its clone (same tree shape). */
function inlineStyles(original: Element, clone: Element): void {
  const computed = getComputedStyle(original);
  // Through the CSSOM, which the Content-Security-Policy allows (setAttribute('style') is an inline
  // style it refuses); a property the element sets itself keeps its own value.
  const style = (clone as HTMLElement | SVGElement).style;
  for (const p of STYLE_PROPERTIES) {
    const v = computed.getPropertyValue(p);
    if (v && !style.getPropertyValue(p)) style.setProperty(p, v);
  }
  // Focus rings and hover outlines are for the screen, not the picture.
  clone.removeAttribute('tabindex');
  const a = original.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

function backgroundBehind(el: Element): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}
