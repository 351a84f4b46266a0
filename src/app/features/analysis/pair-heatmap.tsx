import { useState, type KeyboardEvent } from 'react';
import { divergingColour, sequentialColour, textColourOn } from '../../../core/analysis/colour-scale';
import type { HeatmapCell, HeatmapData } from '../../../core/analysis/heatmap-data';
import { languageLabel } from '../../../core/analysis/language-labels';
import { METRICS } from '../../../core/metrics/registry';
import { DataTable, type Column } from '../../ui/data-table';

export interface PairHeatmapProps {
  data: HeatmapData;
  /** "value": a metric on viridis; "difference": a signed change on red-white-blue. */
  kind: 'value' | 'difference';
  /** Short name of the whole grid for screen readers ("mAP of bm25 on XQuAD-R"). */
  label: string;
  scale: number;
}

const EMPTY = '#e6e6e6';

/**
 * The X->Y grid as SVG: rows are question languages, columns passage languages, the diagonal
 * (outlined) is the monolingual setting. Cells are focusable one at a time (arrow keys move),
 * and the focused or hovered cell is described in words under the grid.
 */
export function PairHeatmap({ data, kind, label, scale }: PairHeatmapProps) {
  const n = data.langs.length;
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(0);

  const font = 12 * scale;
  const cell = Math.round((n <= 6 ? 52 : n <= 11 ? 44 : 36) * scale);
  const labels = data.langs.map((l) => languageLabel(l));
  const longest = Math.max(...labels.map((l) => l.length), 4);
  const charW = font * 0.6;
  const rowLabelW = Math.ceil(longest * charW + 12);
  const colLabelH = Math.ceil(longest * charW * 0.72 + 16);
  const axisH = font * 2;
  const gridX = rowLabelW;
  const gridY = colLabelH + axisH;
  const legendX = gridX + n * cell + 24 * scale;
  const legendW = 14 * scale;
  const width = legendX + legendW + 8 * scale + charW * 6;
  const height = gridY + n * cell + font * 3;
  const [lo, hi] = data.domain;
  const gradientId = `an-grad-${kind}-${n}`;

  const colourOf = (v: number | null) => (v === null ? EMPTY : kind === 'value' ? sequentialColour((v - lo) / (hi - lo || 1)) : divergingColour(v / (hi || 1)));
  const textOf = (v: number | null) => (v === null ? '–' : formatCellText(v, kind === 'difference'));
  const describe = (c: HeatmapCell) =>
    `Questions in ${labels[c.row]}, passages in ${labels[c.col]}: ${METRICS[data.metric].shortLabel} ${
      c.value === null ? 'not evaluated' : kind === 'value' ? METRICS[data.metric].format(c.value) : METRICS[data.metric].formatDelta(c.value)
    }${c.diagonal ? ' (monolingual)' : ''}`;

  function onKeyDown(e: KeyboardEvent<SVGGElement>, index: number) {
    const row = Math.floor(index / n);
    const col = index % n;
    const moves: Record<string, [number, number]> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    const move = moves[e.key];
    if (!move) {
      if (e.key === 'Escape') setActive(null);
      return;
    }
    e.preventDefault();
    const next = Math.min(n - 1, Math.max(0, row + move[0])) * n + Math.min(n - 1, Math.max(0, col + move[1]));
    setFocusIndex(next);
    const el = (e.currentTarget.parentNode as SVGGElement | null)?.children[next] as SVGGElement | undefined;
    el?.focus();
  }

  const ticks = kind === 'value' ? [lo, lo + (hi - lo) / 4, lo + (hi - lo) / 2, lo + (3 * (hi - lo)) / 4, hi] : [lo, lo / 2, 0, hi / 2, hi];
  const activeCell = active === null ? null : data.cells[active];

  return (
    <div className="an-heatmap">
      <svg
        data-chart="heatmap"
        className="an-svg"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="group"
        aria-label={`${label}. Rows: question language; columns: passage language. Use the arrow keys to move between cells.`}
        style={{ fontSize: font }}
      >
        <defs>
          <linearGradient id={gradientId} x1="0" y1="1" x2="0" y2="0">
            {Array.from({ length: 11 }, (_, i) => (
              <stop key={i} offset={`${i * 10}%`} stopColor={colourOf(lo + ((hi - lo) * i) / 10)} />
            ))}
          </linearGradient>
        </defs>
        <text x={gridX + (n * cell) / 2} y={font * 1.1} textAnchor="middle" className="an-axis-title">
          Passages in →
        </text>
        <text x={4} y={gridY - 6} className="an-axis-title">
          Questions in ↓
        </text>
        {labels.map((l, j) => (
          <text key={`c${j}`} transform={`translate(${gridX + j * cell + cell / 2}, ${gridY - 6}) rotate(-45)`} className="an-tick">
            {l}
          </text>
        ))}
        {labels.map((l, i) => (
          <text key={`r${i}`} x={gridX - 6} y={gridY + i * cell + cell / 2} textAnchor="end" dominantBaseline="central" className="an-tick">
            {l}
          </text>
        ))}
        <g>
          {data.cells.map((c, index) => {
            const fill = colourOf(c.value);
            const ink = textColourOn(fill);
            const x = gridX + c.col * cell;
            const y = gridY + c.row * cell;
            return (
              <g
                key={index}
                className="an-cell"
                tabIndex={index === focusIndex ? 0 : -1}
                role="img"
                aria-label={describe(c)}
                onFocus={() => {
                  setActive(index);
                  setFocusIndex(index);
                }}
                onBlur={() => setActive(null)}
                onMouseEnter={() => setActive(index)}
                onMouseLeave={() => setActive(null)}
                onKeyDown={(e) => onKeyDown(e, index)}
              >
                <rect x={x} y={y} width={cell} height={cell} fill={fill} stroke="#ffffff" strokeWidth={1} />
                {c.diagonal && (
                  <rect
                    x={x + 3}
                    y={y + 3}
                    width={cell - 6}
                    height={cell - 6}
                    fill="none"
                    stroke={ink}
                    strokeWidth={1.5 * scale}
                    strokeDasharray={`${4 * scale} ${2 * scale}`}
                  />
                )}
                {cell >= 30 && (
                  <text
                    x={x + cell / 2}
                    y={y + cell / 2}
                    textAnchor="middle"
                    dominantBaseline="central"
                    fill={ink}
                    style={{ fontSize: Math.min(font, cell * 0.3) }}
                  >
                    {textOf(c.value)}
                  </text>
                )}
                {active === index && <rect x={x + 1} y={y + 1} width={cell - 2} height={cell - 2} fill="none" className="an-cell-ring" />}
              </g>
            );
          })}
        </g>
        <rect x={legendX} y={gridY} width={legendW} height={n * cell} fill={`url(#${gradientId})`} />
        {ticks.map((t, i) => {
          const y = gridY + n * cell - ((t - lo) / (hi - lo || 1)) * n * cell;
          return (
            <g key={i}>
              <line x1={legendX + legendW} x2={legendX + legendW + 4} y1={y} y2={y} stroke="currentColor" />
              <text x={legendX + legendW + 6} y={y} dominantBaseline="central" className="an-tick">
                {kind === 'value' ? METRICS[data.metric].format(t) : METRICS[data.metric].formatDelta(t)}
              </text>
            </g>
          );
        })}
        <text x={gridX} y={gridY + n * cell + font * 1.6} className="an-note">
          Dashed outline on the diagonal: monolingual (X→X). {kind === 'difference' ? 'Blue: higher in the second report; red: lower.' : 'Brighter is higher.'}
        </text>
      </svg>
      <p className="an-cell-info" aria-live="polite">
        {activeCell ? describe(activeCell) : 'Point at or focus a cell to read it.'}
      </p>
    </div>
  );
}

/** Two decimals fit a cell: ".79", "+.05", "−.12". */
function formatCellText(v: number, signed: boolean): string {
  const abs = Math.abs(v).toFixed(2).replace(/^0\./, '.');
  if (!signed) return v < 0 ? `−${abs}` : abs;
  return Number(abs) === 0 ? `±${abs}` : `${v > 0 ? '+' : '−'}${abs}`;
}

/** The grid as a table: one row per question language, one column per passage language. */
export function HeatmapTable({ data, kind, caption }: { data: HeatmapData; kind: 'value' | 'difference'; caption: string }) {
  const n = data.langs.length;
  const show = (v: number | null) => (v === null ? '–' : kind === 'value' ? METRICS[data.metric].format(v) : METRICS[data.metric].formatDelta(v));
  // One row per question language: its cells against each passage language, then its cross-lingual mean.
  const rows = data.langs.map((lang, i) => ({ lang, cells: data.cells.slice(i * n, (i + 1) * n), crossMean: data.rowCrossMeans[i] }));
  type Row = (typeof rows)[number];
  const columns: Column<Row>[] = [
    { key: 'lang', label: 'Questions in ↓ / passages in →', rowHeader: true, cell: (r) => languageLabel(r.lang) },
    ...data.langs.map((l, j): Column<Row> => ({
      key: l,
      label: l,
      title: languageLabel(l),
      numeric: true,
      cell: (r) => show(r.cells[j].value),
      cellProps: (r) => (r.cells[j].diagonal ? { className: 'an-diagonal' } : {}),
    })),
    { key: 'cross-mean', label: 'Mean X→Y (cross-lingual)', numeric: true, cell: (r) => show(r.crossMean) },
  ];
  return <DataTable className="an-table" caption={caption} columns={columns} rows={rows} rowKey={(r) => r.lang} />;
}
