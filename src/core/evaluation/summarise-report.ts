import { buildPairMatrix, type PairMatrix } from '../metrics/map-matrix';
import type { MeanMetrics } from '../metrics/types';
import type { EvalReport } from './eval-report';

/** The X->Y mAP grid from a report's mono (diagonal) and cross cells. */
export function pairMatrixOf(report: EvalReport, metric: keyof MeanMetrics = 'ap'): PairMatrix {
  const cells = new Map<string, MeanMetrics>();
  for (const s of [report.settings.mono, report.settings.cross]) for (const c of s?.cells ?? []) cells.set(c.key, c.metrics);
  return buildPairMatrix(cells, report.languages, metric === 'queries' ? 'ap' : metric);
}

/** A report without per-query records: what metrics.json holds and what is cheap to keep around. */
export function withoutQueries(report: EvalReport): EvalReport {
  const settings: EvalReport['settings'] = {};
  for (const [name, s] of Object.entries(report.settings)) {
    settings[name as keyof EvalReport['settings']] = { ...s, cells: s.cells.map(({ queries: _q, ...cell }) => cell) };
  }
  return { ...report, settings };
}
