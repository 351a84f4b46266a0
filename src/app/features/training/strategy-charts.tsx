/**
 * The strategy view's charts, drawn as plain SVG with colours and fonts as attributes, so the
 * same element is what the page shows, the SVG file and the PNG. Every series has a colour and a
 * marker shape and is named in the legend: colour is never the only cue.
 */
import type { ReactNode } from 'react';
import type { MarkerShape } from '../../../core/teaching/series-palette';

export interface ChartSeries {
  label: string;
  colour: string;
  shape: MarkerShape;
  values: (number | null)[];
}

export const FONT = 'system-ui, sans-serif';

/** The SVG each strategy chart is drawn in: an image with its label, marked for export, on white (the PNG has no page behind it). */
export function ChartSvg({ label, width, height, testId, children }: { label: string; width: number; height: number; testId?: string; children: ReactNode }) {
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      data-chart=""
      data-testid={testId}
      style={{ maxWidth: '100%', height: 'auto' }}
    >
      <rect width={width} height={height} fill="#ffffff" />
      {children}
    </svg>
  );
}

export function Marker({ shape, x, y, colour, size = 5 }: { shape: MarkerShape; x: number; y: number; colour: string; size?: number }) {
  const common = { fill: colour, stroke: '#ffffff', strokeWidth: 1 };
  if (shape === 'square') return <rect x={x - size} y={y - size} width={2 * size} height={2 * size} {...common} />;
  if (shape === 'triangle') return <polygon points={`${x},${y - size - 1} ${x - size - 1},${y + size} ${x + size + 1},${y + size}`} {...common} />;
  if (shape === 'diamond') return <polygon points={`${x},${y - size - 1} ${x + size + 1},${y} ${x},${y + size + 1} ${x - size - 1},${y}`} {...common} />;
  return <circle cx={x} cy={y} r={size} {...common} />;
}

export function SvgLegend({ series, x, y }: { series: readonly Pick<ChartSeries, 'label' | 'colour' | 'shape'>[]; x: number; y: number }) {
  let at = x;
  return (
    <g>
      {series.map((s) => {
        const here = at;
        at += 28 + s.label.length * 6.4;
        return (
          <g key={s.label}>
            <Marker shape={s.shape} x={here + 6} y={y} colour={s.colour} />
            <text x={here + 16} y={y + 4} fontSize={12} fontFamily={FONT} fill="#222222">
              {s.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function niceMax(x: number): number {
  if (!(x > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= x) return step * magnitude;
  return 10 * magnitude;
}

export interface DotChartProps {
  label: string;
  categories: readonly string[];
  series: readonly ChartSeries[];
  yLabel: string;
  /** A dashed line with its label: the least possible distance, a language-blind share. */
  guide?: { value: number; label: string };
  format: (v: number) => string;
  yMax?: number;
  testId: string;
}

/** Values per category (language), one marker per series, side by side within a category. */
export function DotChart({ label, categories, series, yLabel, guide, format, yMax, testId }: DotChartProps) {
  const width = Math.max(560, 70 + categories.length * 54);
  const height = 270;
  const left = 60;
  const top = 30;
  const bottom = 50;
  const plotH = height - top - bottom;
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = yMax ?? niceMax(Math.max(guide?.value ?? 0, ...all));
  const y = (v: number) => top + plotH - (plotH * v) / max;
  const band = (width - left - 10) / Math.max(1, categories.length);
  const offset = (i: number) => (band * (i + 1)) / (series.length + 1);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * max);
  return (
    <ChartSvg label={label} width={width} height={height} testId={testId}>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={width - 10} y1={y(t)} y2={y(t)} stroke="#e3e3e3" />
          <text x={left - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fontFamily={FONT} fill="#444444">
            {format(t)}
          </text>
        </g>
      ))}
      <text x={14} y={top + plotH / 2} fontSize={11} fontFamily={FONT} fill="#444444" transform={`rotate(-90 14 ${top + plotH / 2})`} textAnchor="middle">
        {yLabel}
      </text>
      {guide && (
        <g>
          <line x1={left} x2={width - 10} y1={y(guide.value)} y2={y(guide.value)} stroke="#222222" strokeDasharray="5 4" />
          <text x={width - 12} y={y(guide.value) - 4} fontSize={11} textAnchor="end" fontFamily={FONT} fill="#222222">
            {guide.label}
          </text>
        </g>
      )}
      {categories.map((c, ci) => (
        <g key={c}>
          <text x={left + ci * band + band / 2} y={top + plotH + 16} fontSize={12} textAnchor="middle" fontFamily={FONT} fill="#222222">
            {c}
          </text>
          {series.map((s, si) => {
            const v = s.values[ci];
            if (v === null || v === undefined) return null;
            return (
              <g key={s.label}>
                <title>{`${s.label}, ${c}: ${format(v)}`}</title>
                <line
                  x1={left + ci * band + offset(si)}
                  x2={left + ci * band + offset(si)}
                  y1={y(0)}
                  y2={y(v)}
                  stroke={s.colour}
                  strokeOpacity={0.35}
                  strokeWidth={2}
                />
                <Marker shape={s.shape} x={left + ci * band + offset(si)} y={y(v)} colour={s.colour} />
              </g>
            );
          })}
        </g>
      ))}
      <SvgLegend series={series} x={left} y={height - 12} />
    </ChartSvg>
  );
}

export interface MapBarsProps {
  settings: readonly string[];
  series: readonly ChartSeries[];
  /** The paper's values per setting for its strategies, drawn hatched and labelled as the paper's. */
  paper: readonly { label: string; colour: string; values: number[] }[];
  /** Significance marks per series and setting ("*", "**" or ""). */
  marks: readonly (readonly string[])[];
  testId: string;
}

/** mAP per setting: our series as solid bars, the paper's as hatched bars beside them. */
export function MapBars({ settings, series, paper, marks, testId }: MapBarsProps) {
  const bars = series.length + paper.length;
  const width = Math.max(560, 80 + settings.length * (bars * 22 + 30));
  const height = 290;
  const left = 50;
  const top = 24;
  const bottom = 70;
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH - plotH * v;
  const group = (width - left - 10) / settings.length;
  const barW = Math.min(20, (group - 24) / bars);
  return (
    <ChartSvg label="mAP per setting, per strategy, with the paper's figures" width={width} height={height} testId={testId}>
      <defs>
        <pattern id="paper-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffffff" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#333333" strokeWidth="3" />
        </pattern>
      </defs>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={left} x2={width - 10} y1={y(t)} y2={y(t)} stroke="#e3e3e3" />
          <text x={left - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fontFamily={FONT} fill="#444444">
            {t.toFixed(2)}
          </text>
        </g>
      ))}
      {settings.map((setting, gi) => {
        const x0 = left + gi * group + 12;
        return (
          <g key={setting}>
            <text x={x0 + (bars * barW) / 2} y={top + plotH + 16} fontSize={12} textAnchor="middle" fontFamily={FONT} fill="#222222">
              {setting}
            </text>
            {series.map((s, si) => {
              const v = s.values[gi];
              if (v === null) return null;
              return (
                <g key={s.label}>
                  <title>{`${s.label}, ${setting}: ${v.toFixed(3)}${marks[si]?.[gi] ? ` (${marks[si][gi]} against untrained)` : ''}`}</title>
                  <rect x={x0 + si * barW} y={y(v)} width={barW - 2} height={y(0) - y(v)} fill={s.colour} />
                  {marks[si]?.[gi] && (
                    <text x={x0 + si * barW + barW / 2 - 1} y={y(v) - 3} fontSize={11} textAnchor="middle" fontFamily={FONT} fill="#222222">
                      {marks[si][gi]}
                    </text>
                  )}
                </g>
              );
            })}
            {paper.map((p, pi) => (
              <g key={p.label}>
                <title>{`${p.label}, ${setting}: ${p.values[gi].toFixed(3)}`}</title>
                <rect
                  x={x0 + (series.length + pi) * barW}
                  y={y(p.values[gi])}
                  width={barW - 2}
                  height={y(0) - y(p.values[gi])}
                  fill="url(#paper-hatch)"
                  stroke={p.colour}
                  strokeWidth={2}
                />
              </g>
            ))}
          </g>
        );
      })}
      <SvgLegend series={series} x={left} y={height - 36} />
      <g>
        <rect x={left} y={height - 20} width={12} height={12} fill="url(#paper-hatch)" stroke="#333333" />
        <text x={left + 18} y={height - 10} fontSize={12} fontFamily={FONT} fill="#222222">
          hatched, outlined in the strategy's colour: the paper's figures ({paper.map((p) => p.label).join(', ')})
        </text>
      </g>
    </ChartSvg>
  );
}
