import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { MeanMetrics, SettingName } from '../../../core/metrics/types';

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

/** The macro figures of a report, one row per setting; with a second report, the change beside each. */
export function SummaryTable({ report, compare }: { report: EvalReport; compare?: EvalReport }) {
  return (
    <div className="table-wrap">
      <table className="summary-table" data-testid="summary-table">
        <caption className="muted small">
          {report.retriever} on {report.corpus}, languages {report.languages.join(' ')} · macro average over cells · {(report.elapsedMs / 1000).toFixed(1)} s
          {compare ? ` · Δ against ${compare.retriever} on ${compare.corpus}` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">cells</th>
            <th scope="col">queries</th>
            {COLUMNS.map((c) => (
              <th key={c.metric} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.filter((r) => report.settings[r.setting]).map(({ setting, label }) => {
            const s = report.settings[setting]!;
            const other = compare?.settings[setting]?.macro;
            return (
              <tr key={setting}>
                <th scope="row">{label}</th>
                <td>{s.cells.length}</td>
                <td>{s.macro.queries.toLocaleString('en')}</td>
                {COLUMNS.map((c) => {
                  // Distance is only meaningful with several relevant passages per query (the multilingual pool).
                  if (c.metric === 'maxRankDistance' && setting !== 'multi') return <td key={c.metric} className="muted">–</td>;
                  const value = s.macro[c.metric];
                  const delta = other ? value - other[c.metric] : null;
                  const better = delta !== null && (c.lowerIsBetter ? delta < 0 : delta > 0);
                  return (
                    <td key={c.metric} data-testid={`macro-${setting}-${c.metric}`} data-value={String(value)}>
                      {value.toFixed(c.digits)}
                      {delta !== null && Math.abs(delta) > 0 && <span className={`delta ${better ? 'up' : 'down'}`}>{`${delta > 0 ? '+' : '−'}${Math.abs(delta).toFixed(c.digits)}`}</span>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
