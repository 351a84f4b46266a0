import { formatResultCell, RESULT_COLUMNS, type ResultRow } from '../../../core/training/results-table';

export interface TrainingResultsTableProps {
  rows: readonly ResultRow[];
  caption: string;
}

/**
 * The best value of a column among the trained strategies (the baseline is the reference, not a
 * contender); null when there is nothing to single out (one strategy, or all equal).
 */
function bestOf(rows: readonly ResultRow[], column: (typeof RESULT_COLUMNS)[number]): number | null {
  const values = rows.filter((r) => r.key !== 'baseline').map((r) => r[column.key]).filter((v): v is number => v !== null);
  if (values.length < 2 || values.every((v) => v === values[0])) return null;
  return column.lowerIsBetter ? Math.min(...values) : Math.max(...values);
}

/** The results per strategy and for the untrained encoder; the best trained figure of each column in bold. */
export function TrainingResultsTable({ rows, caption }: TrainingResultsTableProps) {
  const best = RESULT_COLUMNS.map((c) => bestOf(rows, c));
  return (
    <table className="tr-table" data-testid="training-results">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Strategy</th>
          {RESULT_COLUMNS.map((c) => (
            <th key={c.key} scope="col" title={c.lowerIsBetter ? 'lower is better' : 'higher is better'}>
              {c.label}
              {c.lowerIsBetter ? ' ↓' : ''}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key} className={row.key === 'baseline' ? 'tr-baseline' : undefined}>
            <th scope="row">{row.label}</th>
            {RESULT_COLUMNS.map((c, i) => {
              const value = row[c.key];
              const isBest = row.key !== 'baseline' && value !== null && value === best[i];
              return (
                <td key={c.key} data-column={c.key} data-value={value ?? ''} className={isBest ? 'tr-best' : undefined}>
                  {formatResultCell(value, c.digits)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
