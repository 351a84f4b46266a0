import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import { METRICS, SETTINGS } from '../../../core/metrics/registry';
import type { MapReferenceData, RankDistanceReferenceRow, ReferenceSeries } from '../../../core/analysis/paper-reference';
import { DataTable, type Column } from '../../ui/data-table';

/** Paper bars in three blues (light to dark: mono, cross, hybrid); measured bars in orange and vermillion. */
export const PAPER_COLOURS = ['#9ecae1', '#4292c6', '#08306b'];
export const MEASURED_COLOURS = ['#E69F00', '#D55E00'];

export function referenceColours(series: readonly { source: 'paper' | 'measured' }[]): string[] {
  let p = 0;
  let m = 0;
  return series.map((s) => (s.source === 'paper' ? PAPER_COLOURS[p++ % 3] : MEASURED_COLOURS[m++ % 2]));
}

/** The legend, grouped by where the numbers come from, each group headed by its full attribution. */
export function ReferenceLegend({ series }: { series: readonly ReferenceSeries[] }) {
  const colours = referenceColours(series);
  const groups = new Map<string, { label: string; colour: string }[]>();
  series.forEach((s, i) => {
    const head = s.source === 'paper' ? s.attribution : 'Measured here';
    const label = s.source === 'paper' ? s.label.replace(/^Paper \S+ /, '') : s.attribution.replace(/^Measured here: /, '');
    groups.set(head, [...(groups.get(head) ?? []), { label, colour: colours[i] }]);
  });
  return (
    <div className="an-ref-legend">
      {[...groups].map(([head, items]) => (
        <p key={head}>
          <span className="an-ref-legend-head">{head}:</span>{' '}
          {items.map((it) => (
            <span key={it.label} className="an-ref-legend-item">
              <span className="an-swatch" style={{ background: it.colour }} aria-hidden="true" />
              {it.label}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}

export function MapReferenceChart({ data, scale }: { data: MapReferenceData; scale: number }) {
  const font = 12 * scale;
  const colours = referenceColours(data.series);
  const rows = data.rows.map((r) => ({ ...r, label: SETTINGS[r.setting].label }));
  return (
    <BarChart data={rows} responsive style={{ width: '100%', height: 300 * scale }} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
      <CartesianGrid vertical={false} strokeDasharray="3 3" />
      <XAxis dataKey="label" tick={{ fontSize: font }} />
      <YAxis
        domain={[0, 1]}
        ticks={[0, 0.2, 0.4, 0.6, 0.8, 1]}
        tick={{ fontSize: font }}
        label={{ value: METRICS.ap.shortLabel, angle: -90, position: 'insideLeft', fontSize: font }}
      />
      <Tooltip formatter={(v) => METRICS['ap'].format(v === null || v === undefined ? null : Number(v))} />
      {data.series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} name={s.label} fill={colours[i]} isAnimationActive={false}>
          <LabelList
            dataKey={s.key}
            position="top"
            fontSize={font * 0.75}
            formatter={(v) => METRICS['ap'].format(v === null || v === undefined ? null : Number(v))}
          />
        </Bar>
      ))}
    </BarChart>
  );
}

export function MapReferenceTable({ data }: { data: MapReferenceData }) {
  type Series = MapReferenceData['series'][number];
  const columns: Column<Series>[] = [
    { key: 'source', label: 'Source', rowHeader: true, cell: (s) => <SourceLabel label={s.label} attribution={s.attribution} /> },
    ...data.rows.map((r): Column<Series> => ({
      key: r.setting,
      label: SETTINGS[r.setting].label,
      numeric: true,
      cell: (s) => METRICS['ap'].format(r[s.key] as number | null),
    })),
  ];
  return (
    <DataTable
      className="an-table"
      caption="mAP per setting: the paper's three batch strategies and what was measured here."
      columns={columns}
      rows={data.series}
      rowKey={(s) => s.key}
    />
  );
}

/** Max rank distance as a share of the multilingual pool, paper versus measured (lower is less biased). */
export function RankDistanceReferenceChart({ rows, scale }: { rows: readonly RankDistanceReferenceRow[]; scale: number }) {
  const font = 12 * scale;
  const colours = referenceColours(rows);
  const data = rows.map((r) => ({ label: r.label, value: r.percentOfPool }));
  const longest = Math.max(...rows.map((r) => r.label.length), 4);
  const barSize = Math.round(20 * scale);
  return (
    <BarChart
      layout="vertical"
      data={data}
      responsive
      style={{ width: '100%', height: rows.length * (barSize + 14 * scale) + 56 * scale }}
      margin={{ top: 8, right: 48 * scale, bottom: 24 * scale, left: 8 }}
    >
      <CartesianGrid horizontal={false} strokeDasharray="3 3" />
      <XAxis
        type="number"
        tick={{ fontSize: font }}
        tickFormatter={(v) => `${v}%`}
        label={{ value: '% of the pool', position: 'insideBottom', offset: -16 * scale, fontSize: font }}
      />
      <YAxis type="category" dataKey="label" width={Math.min(240 * scale, longest * font * 0.55 + 10)} tick={{ fontSize: font * 0.9 }} />
      <Tooltip formatter={(v) => (v === null || v === undefined ? 'pool size unknown' : `${Number(v).toFixed(2)}% of the pool`)} />
      <Bar dataKey="value" isAnimationActive={false} barSize={barSize}>
        {data.map((_, i) => (
          <Cell key={i} fill={colours[i]} />
        ))}
        <LabelList
          dataKey="value"
          position="right"
          fontSize={font * 0.85}
          formatter={(v) => (v === null || v === undefined ? 'n/a' : `${Number(v).toFixed(1)}%`)}
        />
      </Bar>
    </BarChart>
  );
}

const RANK_REFERENCE_COLUMNS: readonly Column<RankDistanceReferenceRow>[] = [
  { key: 'source', label: 'Source', rowHeader: true, cell: (r) => <SourceLabel label={r.label} attribution={r.attribution} /> },
  { key: 'distance', label: 'Mean max rank distance', numeric: true, cell: (r) => METRICS['maxRankDistance'].format(r.value) },
  { key: 'pool', label: 'Candidates in the pool', numeric: true, cell: (r) => r.poolSize?.toLocaleString('en') ?? 'not known' },
  { key: 'share', label: '% of the pool', numeric: true, cell: (r) => (r.percentOfPool === null ? '–' : `${r.percentOfPool.toFixed(2)}%`) },
];

export function RankDistanceReferenceTable({ rows }: { rows: readonly RankDistanceReferenceRow[] }) {
  return (
    <DataTable
      className="an-table"
      caption="Mean maximum rank distance in the multilingual setting; the pool is every candidate of every language."
      columns={RANK_REFERENCE_COLUMNS}
      rows={rows}
      rowKey={(r) => r.key}
    />
  );
}

/** A reference row's name and, muted, where its figure comes from. */
function SourceLabel({ label, attribution }: { label: string; attribution: string }) {
  return (
    <>
      {label} <span className="an-muted">({attribution})</span>
    </>
  );
}
