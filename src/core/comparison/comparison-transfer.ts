import type { EvalReport, QueryRecord } from '../evaluation/eval-report';
import { METRIC_NAMES } from '../metrics/registry';
import type { QueryMetrics, SettingName } from '../metrics/types';

/** One cell's per-question records as columns: ids, and every metric in one array (row i = question i). */
export interface PackedCell {
  ids: string[];
  /** ids.length x METRIC_NAMES.length, row-major. */
  metrics: Float64Array;
}

/**
 * A report as the significance worker needs it, in few objects: posting two XQuAD-R reports as
 * records clones about 3.4 million objects (seconds in the browser); as columns, a few hundred
 * arrays, their metric buffers moved rather than copied.
 */
export interface PackedReport {
  /** The report without per-question records (cell keys, means and the rest stay). */
  report: EvalReport;
  /** Per setting, per cell in the report's order: the records as columns, or null when the cell has none. */
  columns: Partial<Record<SettingName, (PackedCell | null)[]>>;
}

export function packForComparison(report: EvalReport): PackedReport {
  const settings: EvalReport['settings'] = {};
  const columns: PackedReport['columns'] = {};
  for (const [name, s] of Object.entries(report.settings) as [SettingName, NonNullable<EvalReport['settings'][SettingName]>][]) {
    settings[name] = { ...s, cells: s.cells.map(({ queries: _, ...cell }) => cell) };
    columns[name] = s.cells.map((c) => {
      if (!c.queries) return null;
      const metrics = new Float64Array(c.queries.length * METRIC_NAMES.length);
      c.queries.forEach((q, i) => METRIC_NAMES.forEach((m, j) => (metrics[i * METRIC_NAMES.length + j] = q.metrics[m])));
      return { ids: c.queries.map((q) => q.queryId), metrics };
    });
  }
  return {
    report: {
      corpus: report.corpus,
      retriever: report.retriever,
      languages: report.languages,
      settings,
      mixK: report.mixK,
      tieBreak: report.tieBreak,
      elapsedMs: 0,
    },
    columns,
  };
}

/**
 * The report back with the records compareReports reads: each question's id and metrics, and the
 * cell's query language; qid, relevant ranks and top lists stay empty.
 */
export function unpackForComparison(packed: PackedReport): EvalReport {
  const settings: EvalReport['settings'] = {};
  for (const [name, s] of Object.entries(packed.report.settings) as [SettingName, NonNullable<EvalReport['settings'][SettingName]>][]) {
    settings[name] = {
      ...s,
      cells: s.cells.map((cell, k) => {
        const col = packed.columns[name]?.[k];
        if (!col) return cell;
        const queries: QueryRecord[] = col.ids.map((queryId, i) => {
          const metrics = {} as QueryMetrics;
          METRIC_NAMES.forEach((m, j) => (metrics[m] = col.metrics[i * METRIC_NAMES.length + j]));
          return { queryId, qid: '', lang: cell.queryLang, metrics, relevantRanks: [], top: [] };
        });
        return { ...cell, queries };
      }),
    };
  }
  return { ...packed.report, settings };
}

/** The metric buffers of packed reports, to move with postMessage instead of copying. */
export function transferablesOf(packed: readonly PackedReport[]): ArrayBuffer[] {
  return packed.flatMap((p) => Object.values(p.columns).flatMap((cells) => cells.flatMap((c) => (c ? [c.metrics.buffer as ArrayBuffer] : []))));
}
