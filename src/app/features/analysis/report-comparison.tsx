import { METRICS, SETTINGS } from '../../../core/metrics/registry';
import type { MetricDelta } from '../../../core/analysis/summary-data';
import { DataTable, type Column } from '../../ui/data-table';

export interface MetricDeltaTableProps {
  rows: readonly MetricDelta[];
  baseLabel: string;
  otherLabel: string;
}

const toneOf = (r: MetricDelta) => (r.otherBetter === null ? 'same' : r.otherBetter ? 'better' : 'worse');

/** Every macro metric of two reports with the change, marked better or worse in words as well as colour. */
export function MetricDeltaTable({ rows, baseLabel, otherLabel }: MetricDeltaTableProps) {
  const columns: Column<MetricDelta>[] = [
    { key: 'setting', label: 'Setting', rowHeader: true, cell: (r) => SETTINGS[r.setting].label },
    { key: 'metric', label: 'Metric', cell: (r) => r.label },
    { key: 'first', label: `First: ${baseLabel}`, numeric: true, cell: (r) => METRICS[r.metric].format(r.base) },
    { key: 'second', label: `Second: ${otherLabel}`, numeric: true, cell: (r) => METRICS[r.metric].format(r.other) },
    {
      key: 'change',
      label: 'Change',
      numeric: true,
      cellProps: (r) => ({ className: `an-delta an-delta-${toneOf(r)}` }),
      cell: (r) => (
        <>
          <span aria-hidden="true">{r.otherBetter === null ? '' : r.otherBetter ? '▲ ' : '▼ '}</span>
          {METRICS[r.metric].formatDelta(r.delta)}
          <span className="an-visually-hidden">{r.otherBetter === null ? '' : r.otherBetter ? ' (better)' : ' (worse)'}</span>
        </>
      ),
    },
  ];
  return (
    <DataTable
      className="an-table an-delta-table"
      caption="Whole-corpus figures of the two reports. Change = second minus first; ▲ marks where the second does better (higher, or lower for rank distance)."
      columns={columns}
      rows={rows}
      rowKey={(r) => `${r.setting}-${r.metric}`}
    />
  );
}
