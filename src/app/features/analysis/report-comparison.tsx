import { formatDelta, formatMetric, SETTING_LABELS } from '../../../core/analysis/metric-labels';
import type { MetricDelta } from '../../../core/analysis/summary-data';

export interface MetricDeltaTableProps {
  rows: readonly MetricDelta[];
  baseLabel: string;
  otherLabel: string;
}

/** Every macro metric of two reports with the change, marked better or worse in words as well as colour. */
export function MetricDeltaTable({ rows, baseLabel, otherLabel }: MetricDeltaTableProps) {
  return (
    <table className="an-table an-delta-table">
      <caption>
        Whole-corpus figures of the two reports. Change = second minus first; ▲ marks where the second does better (higher, or lower
        for rank distance).
      </caption>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Metric</th>
          <th scope="col">First: {baseLabel}</th>
          <th scope="col">Second: {otherLabel}</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const tone = r.otherBetter === null ? 'same' : r.otherBetter ? 'better' : 'worse';
          return (
            <tr key={`${r.setting}-${r.metric}`}>
              <th scope="row">{SETTING_LABELS[r.setting]}</th>
              <td>{r.label}</td>
              <td>{formatMetric(r.metric, r.base)}</td>
              <td>{formatMetric(r.metric, r.other)}</td>
              <td className={`an-delta an-delta-${tone}`}>
                <span aria-hidden="true">{r.otherBetter === null ? '' : r.otherBetter ? '▲ ' : '▼ '}</span>
                {formatDelta(r.metric, r.delta)}
                <span className="an-visually-hidden">{r.otherBetter === null ? '' : r.otherBetter ? ' (better)' : ' (worse)'}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
