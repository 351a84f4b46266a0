import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Corpus, LangCode } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { roundUpBound } from '../../../core/analysis/colour-scale';
import { languageLabel } from '../../../core/analysis/language-labels';
import { METRICS } from '../../../core/metrics/registry';
import type { RankDistanceData } from '../../../core/analysis/rank-distance-data';
import { DataTable, type Column } from '../../ui/data-table';

export interface RankDistanceChartProps {
  data: RankDistanceData;
  /** One name and colour per report, in the order the data was built. */
  series: readonly { label: string; colour: string }[];
  scale: number;
}

/** Histogram of per-question maximum rank distances; per-language means when no report kept per-query records. */
export function RankDistanceChart({ data, series, scale }: RankDistanceChartProps) {
  const font = 12 * scale;
  const height = 280 * scale;
  const haveQueries = data.totals.some((t) => t > 0);
  const rows = haveQueries
    ? data.bins.map((b) => ({ label: b.label, ...Object.fromEntries(b.counts.map((c, i) => [`s${i}`, c])) }))
    : data.byLanguage.map((r) => ({ label: r.queryLang, ...Object.fromEntries(r.means.map((m, i) => [`s${i}`, m])) }));
  // Round ticks (0, 100, 200, ...) instead of the axis's default quarters (0, 85, 170, ...).
  const largest = Math.max(1, ...rows.flatMap((r) => series.map((_, i) => Number((r as Record<string, unknown>)[`s${i}`]) || 0)));
  const step = roundUpBound(largest / 4);
  const ticks = Array.from({ length: Math.ceil(largest / step) + 1 }, (_, i) => i * step);
  return (
    <>
      {series.length > 1 && (
        <ul className="an-legend" aria-label="Reports">
          {series.map((s) => (
            <li key={s.label}>
              <span className="an-swatch" style={{ background: s.colour }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      )}
      <BarChart
        data={rows}
        responsive
        style={{ width: '100%', height }}
        margin={{ top: 8, right: 16 * scale, bottom: 36 * scale, left: 8 * scale }}
        barCategoryGap={haveQueries ? 1 : '20%'}
      >
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          tick={{ fontSize: font * 0.9 }}
          interval={haveQueries ? 'preserveStartEnd' : 0}
          angle={haveQueries ? -30 : 0}
          textAnchor={haveQueries ? 'end' : 'middle'}
          label={{
            value: haveQueries ? 'Maximum rank distance (highest minus lowest rank of a question’s answers)' : 'Question language',
            position: 'insideBottom',
            offset: -30 * scale,
            fontSize: font,
          }}
        />
        <YAxis
          ticks={ticks}
          domain={[0, ticks[ticks.length - 1]]}
          tick={{ fontSize: font }}
          allowDecimals={!haveQueries}
          label={{ value: haveQueries ? 'Questions' : 'Mean distance', angle: -90, position: 'insideLeft', fontSize: font }}
        />
        <Tooltip formatter={(v) => (haveQueries ? String(v) : METRICS['maxRankDistance'].format(Number(v)))} />
        {series.map((s, i) => (
          <Bar key={i} dataKey={`s${i}`} name={s.label} fill={s.colour} isAnimationActive={false} />
        ))}
      </BarChart>
    </>
  );
}

type LanguageRow = RankDistanceData['byLanguage'][number];
type BinRow = RankDistanceData['bins'][number];

export function RankDistanceTable({ data, series }: { data: RankDistanceData; series: readonly { label: string }[] }) {
  const haveQueries = data.totals.some((t) => t > 0);
  const meanColumns: Column<LanguageRow>[] = [
    { key: 'lang', label: 'Question language', rowHeader: true, cell: (r) => languageLabel(r.queryLang) },
    ...series.map((s, i): Column<LanguageRow> => ({ key: `s${i}`, label: s.label, numeric: true, cell: (r) => METRICS['maxRankDistance'].format(r.means[i]) })),
  ];
  const binColumns: Column<BinRow>[] = [
    { key: 'bin', label: 'Distance', rowHeader: true, cell: (b) => b.label },
    ...series.map((s, i): Column<BinRow> => ({ key: `s${i}`, label: `${s.label} (${data.totals[i]} questions)`, numeric: true, cell: (b) => b.counts[i] })),
  ];
  return (
    <>
      <DataTable
        className="an-table"
        caption="Mean maximum rank distance per question language (multilingual pool); lower is less language-biased."
        columns={meanColumns}
        rows={data.byLanguage}
        rowKey={(r) => r.queryLang}
      />
      {haveQueries && (
        <DataTable className="an-table" caption="Questions per bin of maximum rank distance." columns={binColumns} rows={data.bins} rowKey={(b) => b.label} />
      )}
    </>
  );
}

/** The questions whose answers are spread furthest apart in rank: where the bias shows most. */
export function MostBiasedQuestions({ report, corpus, queryLang, count = 5 }: { report: EvalReport; corpus: Corpus; queryLang?: LangCode; count?: number }) {
  const records = (report.settings.multi?.cells ?? []).filter((c) => queryLang === undefined || c.queryLang === queryLang).flatMap((c) => c.queries ?? []);
  if (records.length === 0) return null;
  const top = [...records].sort((a, b) => b.metrics.maxRankDistance - a.metrics.maxRankDistance).slice(0, count);
  const textOf = new Map(corpus.questions.map((q) => [q.id, q]));
  return (
    <details className="an-table-alt">
      <summary>Which questions are the most language-biased?</summary>
      <ol className="an-biased-list">
        {top.map((r) => {
          const q = textOf.get(r.queryId);
          const ranks = r.relevantRanks;
          return (
            <li key={r.queryId} lang={r.lang}>
              <q>{q?.text ?? r.queryId}</q>{' '}
              <span className="an-muted" lang="en">
                · {languageLabel(r.lang)} · answers at ranks {ranks[0]} to {ranks[ranks.length - 1]}, distance {r.metrics.maxRankDistance}
              </span>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
