import type { Comparison } from '../../../core/comparison/compare-reports';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { METRIC_NAMES, METRICS, SETTING_NAMES, SETTINGS } from '../../../core/metrics/registry';
import type { SettingName } from '../../../core/metrics/types';
import { readRecallAt1 } from '../../../core/teaching/recall-reading';
import { DataTable, type Column } from '../../ui/data-table';

/** One row per setting, named as the registry names it: "Monolingual (X → X)". */
const ROWS = SETTING_NAMES.map((setting) => ({ setting, label: SETTINGS[setting].label, direction: `(${SETTINGS[setting].direction})` }));

type SettingRow = { setting: SettingName; label: string; direction: string };

/**
 * The macro figures of a report, one row per setting; compared (this report as B), the change
 * B minus A beside each, from the comparison: over the cells both runs hold.
 */
export function SummaryTable({ report, comparison }: { report: EvalReport; comparison?: Comparison }) {
  const macro = (setting: SettingName) => report.settings[setting]!;
  const columns: Column<SettingRow>[] = [
    {
      key: 'setting',
      label: 'Setting',
      rowHeader: true,
      // The direction never breaks inside, so a narrow table wraps "Monolingual / (X → X)".
      cell: (r) => (
        <>
          {r.label} <span className="nowrap">{r.direction}</span>
        </>
      ),
    },
    { key: 'cells', label: 'cells', numeric: true, cell: (r) => macro(r.setting).cells.length },
    { key: 'queries', label: 'queries', numeric: true, cell: (r) => macro(r.setting).macro.queries.toLocaleString('en') },
    ...METRIC_NAMES.map((metric): Column<SettingRow> => {
      const spec = METRICS[metric];
      // A metric shows only where it means something (rank distance needs the multilingual pool).
      const applies = (setting: SettingName) => spec.settings.includes(setting);
      return {
        key: metric,
        label: spec.shortLabel,
        title: spec.label,
        numeric: true,
        cellProps: ({ setting }) =>
          applies(setting) ? { 'data-testid': `macro-${setting}-${metric}`, 'data-value': String(macro(setting).macro[metric]) } : { className: 'muted' },
        cell: ({ setting }) => {
          if (!applies(setting)) return '–';
          const value = macro(setting).macro[metric];
          const compared = comparison?.settings.find((s) => s.setting === setting);
          const f = compared?.notCompared ? undefined : compared?.figures.find((x) => x.metric === metric);
          return (
            <>
              {value.toFixed(spec.digits)}
              {f && f.delta !== null && f.verdict !== 'same' && (
                <span
                  className={`delta ${f.verdict === 'better' ? 'up' : 'down'}`}
                  title={`${comparison!.a} ${spec.format(f.a)} → ${comparison!.b} ${spec.format(f.b)} over the ${compared!.common.length} cells both hold`}
                  data-testid={`delta-${setting}-${metric}`}
                  data-value={f.delta}
                >
                  {f.arrow} {spec.formatDelta(f.delta)}
                </span>
              )}
            </>
          );
        },
      };
    }),
  ];
  const recallReading = readRecallAt1(report);
  return (
    <div className="table-wrap">
      <DataTable
        className="summary-table"
        testId="summary-table"
        captionClassName="muted small"
        caption={
          <>
            {report.retriever} on {report.corpus}, languages {report.languages.join(' ')} · macro average over cells · {(report.elapsedMs / 1000).toFixed(1)} s
            {report.scoring ? <span title={report.scoring.detail}> · scored with {report.scoring.backend}</span> : null}
            {comparison ? ` · Δ = this report minus ${comparison.a}, over the cells both hold` : ''}
          </>
        }
        columns={columns}
        rows={ROWS.filter((r) => report.settings[r.setting])}
        rowKey={(r) => r.setting}
      />
      {recallReading && (
        <p className="hint" data-testid="recall-reading">
          {recallReading}
        </p>
      )}
    </div>
  );
}
