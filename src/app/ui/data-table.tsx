/**
 * The one table every view uses for its figures: a caption, column heads, a row-header column,
 * numbers right-aligned in tabular figures, text left-aligned, and optional sorting by a column.
 * Cells are React nodes built from text (React escapes them): corpus text is never HTML here.
 */
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import './ui.css';

/** Attributes a cell or row may carry besides its content (classes, test ids, data-* values). */
export type CellAttributes = HTMLAttributes<HTMLTableCellElement> & Record<`data-${string}`, string | number | undefined>;
export type RowAttributes = HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string | number | undefined>;

export interface Column<Row> {
  key: string;
  /** The column head. */
  label: ReactNode;
  /** The head's tooltip (e.g. a language's name over its code). */
  title?: string;
  /** Figures: right-aligned, tabular digits. Default: text, left-aligned. */
  numeric?: boolean;
  /** The row's name: a row header (th scope="row"). */
  rowHeader?: boolean;
  /** The cell's content. */
  cell(row: Row, index: number): ReactNode;
  /** What the column sorts by; a column without it does not sort. null sorts last. */
  sortValue?(row: Row): number | string | null;
  /** Extra attributes for the cell (a highlight class, data-value for tests and exports). */
  cellProps?(row: Row, index: number): CellAttributes;
}

export interface DataTableProps<Row> {
  caption: ReactNode;
  captionClassName?: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey(row: Row, index: number): string;
  /** The view's table style, e.g. "an-table" (analysis), "summary-table", "tr-table" (training). */
  className?: string;
  rowProps?(row: Row, index: number): RowAttributes;
  /** Let column heads with a sortValue sort the rows (ascending, then descending, then as given). */
  sortable?: boolean;
  testId?: string;
}

interface SortState {
  key: string;
  descending: boolean;
}

function compare(a: number | string | null, b: number | string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

/** The rows in the order `sort` asks for (stable: ties keep their given order). */
export function sortRows<Row>(rows: readonly Row[], columns: readonly Column<Row>[], sort: SortState | null): readonly Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column?.sortValue) return rows;
  const value = column.sortValue;
  return rows
    .map((row, i) => ({ row, i, v: value(row) }))
    .sort((x, y) => {
      // Missing values last in either direction.
      if (x.v === null || y.v === null) return compare(x.v, y.v) || x.i - y.i;
      return (sort.descending ? -compare(x.v, y.v) : compare(x.v, y.v)) || x.i - y.i;
    })
    .map((x) => x.row);
}

export function DataTable<Row>({ caption, captionClassName, columns, rows, rowKey, className, rowProps, sortable, testId }: DataTableProps<Row>) {
  const [sort, setSort] = useState<SortState | null>(null);
  const shown = sortable ? sortRows(rows, columns, sort) : rows;
  const next = (key: string) => setSort((s) => (s?.key !== key ? { key, descending: false } : s.descending ? null : { key, descending: true }));
  const align = (c: Column<Row>) => (c.rowHeader ? undefined : c.numeric ? 'dt-numeric' : 'dt-text');

  return (
    <table className={className ? `data-table ${className}` : 'data-table'} data-testid={testId}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => {
            const sorts = sortable && c.sortValue;
            const ariaSort = sorts && sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined;
            return (
              <th key={c.key} scope="col" title={c.title} aria-sort={ariaSort} className={align(c)}>
                {sorts ? (
                  <button type="button" className="dt-sort" onClick={() => next(c.key)}>
                    {c.label}
                  </button>
                ) : (
                  c.label
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {shown.map((row, i) => (
          <tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
            {columns.map((c) => {
              const props = c.cellProps?.(row, i) ?? {};
              const classes = [align(c), props.className].filter(Boolean).join(' ') || undefined;
              return c.rowHeader ? (
                <th key={c.key} scope="row" {...props} className={classes}>
                  {c.cell(row, i)}
                </th>
              ) : (
                <td key={c.key} {...props} className={classes}>
                  {c.cell(row, i)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
