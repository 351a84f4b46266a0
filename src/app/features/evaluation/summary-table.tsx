import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { MeanMetrics, SettingName } from '../../../core/metrics/types';
import { DataTable, type Column } from '../../ui/data-table';

const ROWS: { setting: SettingName; label: string }[] = [
  { setting: 'mono', label: 'Monolingual (X → X)' },
  { setting: 'cross', label: 'Cross-lingual (X → Y)' },
  { setting: 'multi', label: 'Multilingual (X → all)' },
];

const COLUMNS: { metric: keyof MeanMetrics; label: string; digits: number; lowerIsBetter?: boolean }[] = [
  { metric: 'ap', label: 'mAP', digits: 3 },
  { metric: 'recallAt1', label: 'R@1', digits: 3 },
  { metric: 'recallAt10', label: 'R@10', digits: 3 },
  { metric: 'rr', label: 'MRR', digits: 3 },
  { metric: 'ndcgAt10', label: 'nDCG@10', digits: 3 },
  { metric: 'maxRankDistance', label: 'max rank dist.', digits: 1, lowerIsBetter: true },
];

type SettingRow = { setting: SettingName; label: string };

/** The macro figures of a report, one row per setting; with a second report, the change beside each. */
export function SummaryTable({ report, compare }: { report: EvalReport; compare?: EvalReport }) {
  const macro = (setting: SettingName) => report.settings[setting]!;
  const columns: Column<SettingRow>[] = [
    { key: 'setting', label: 'Setting', rowHeader: true, cell: (r) => r.label },
    { key: 'cells', label: 'cells', numeric: true, cell: (r) => macro(r.setting).cells.length },
    { key: 'queries', label: 'queries', numeric: true, cell: (r) => macro(r.setting).macro.queries.toLocaleString('en') },
    ...COLUMNS.map((c): Column<SettingRow> => {
      // Distance is only meaningful with several relevant passages per query (the multilingual pool).
      const applies = (setting: SettingName) => c.metric !== 'maxRankDistance' || setting === 'multi';
      return {
        key: c.metric,
        label: c.label,
        numeric: true,
        cellProps: ({ setting }) =>
          applies(setting) ? { 'data-testid': `macro-${setting}-${c.metric}`, 'data-value': String(macro(setting).macro[c.metric]) } : { className: 'muted' },
        cell: ({ setting }) => {
          if (!applies(setting)) return '–';
          const value = macro(setting).macro[c.metric];
          const other = compare?.settings[setting]?.macro;
          const delta = other ? value - other[c.metric] : null;
          const better = delta !== null && (c.lowerIsBetter ? delta < 0 : delta > 0);
          return (
            <>
              {value.toFixed(c.digits)}
              {delta !== null && Math.abs(delta) > 0 && <span className={`delta ${better ? 'up' : 'down'}`}>{`${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(c.digits)}`}</span>}
            </>
          );
        },
      };
    }),
  ];
  return (
    <div className="table-wrap">
      <DataTable
        className="summary-table"
        testId="summary-table"
        captionClassName="muted small"
        caption={
          <>
            {report.retriever} on {report.corpus}, languages {report.languages.join(' ')} · macro average over cells · {(report.elapsedMs / 1000).toFixed(1)} s
            {compare ? ` · Δ against ${compare.retriever} on ${compare.corpus}` : ''}
          </>
        }
        columns={columns}
        rows={ROWS.filter((r) => report.settings[r.setting])}
        rowKey={(r) => r.setting}
      />
    </div>
  );
}
