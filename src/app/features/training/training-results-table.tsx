import { formatResultCell, RESULT_COLUMNS, type ResultRow } from '../../../core/training/results-table';
import { DataTable, type Column } from '../../ui/data-table';

export interface TrainingResultsTableProps {
  rows: readonly ResultRow[];
  caption: string;
}

/**
 * The best value of a column among the trained strategies (the baseline is the reference, not a
 * contender); null when there is nothing to single out (one strategy, or all equal).
 */
function bestOf(rows: readonly ResultRow[], column: (typeof RESULT_COLUMNS)[number]): number | null {
  const values = rows
    .filter((r) => r.key !== 'baseline')
    .map((r) => r[column.key])
    .filter((v): v is number => v !== null);
  if (values.length < 2 || values.every((v) => v === values[0])) return null;
  return column.lowerIsBetter ? Math.min(...values) : Math.max(...values);
}

/** The results per strategy and for the untrained encoder; the best trained figure of each column in bold. */
export function TrainingResultsTable({ rows, caption }: TrainingResultsTableProps) {
  const columns: Column<ResultRow>[] = [
    { key: 'strategy', label: 'Strategy', rowHeader: true, cell: (row) => row.label },
    ...RESULT_COLUMNS.map((c): Column<ResultRow> => {
      const best = bestOf(rows, c);
      return {
        key: c.key,
        label: `${c.label}${c.lowerIsBetter ? ' ↓' : ''}`,
        title: c.lowerIsBetter ? 'lower is better' : 'higher is better',
        numeric: true,
        cell: (row) => formatResultCell(row[c.key], c.digits),
        cellProps: (row) => {
          const value = row[c.key];
          const isBest = row.key !== 'baseline' && value !== null && value === best;
          return { 'data-column': c.key, 'data-value': value ?? '', className: isBest ? 'tr-best' : undefined };
        },
      };
    }),
  ];
  return (
    <DataTable
      className="tr-table"
      testId="training-results"
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.key}
      rowProps={(row) => ({ 'data-key': row.key, className: row.key === 'baseline' ? 'tr-baseline' : undefined })}
    />
  );
}
