import { BATCH_STRATEGIES, type BatchStrategy } from '../../../core/training/strategy-names';
import type { LossPoint } from './training-messages';

export type LossCurves = Partial<Record<BatchStrategy, LossPoint[]>>;

/** Points drawn per line at most; longer runs are thinned evenly (the last step always kept). */
const MAX_POINTS = 400;

export type ChartRow = { step: number } & Partial<Record<BatchStrategy, number>>;

/** One row per (thinned) step, one column per strategy: recharts' shape for a multi-line chart. */
export function buildLossRows(curves: LossCurves): ChartRow[] {
  const longest = Math.max(0, ...BATCH_STRATEGIES.map((s) => curves[s]?.length ?? 0));
  const stride = Math.max(1, Math.ceil(longest / MAX_POINTS));
  const rows: ChartRow[] = [];
  for (let i = 0; i < longest; i += stride) rows.push(rowAt(curves, i));
  if (longest > 0 && (longest - 1) % stride !== 0) rows.push(rowAt(curves, longest - 1));
  return rows;
}

function rowAt(curves: LossCurves, i: number): ChartRow {
  const row: ChartRow = { step: i + 1 };
  for (const s of BATCH_STRATEGIES) {
    const p = curves[s]?.[i];
    if (p) row[s] = p.loss;
  }
  return row;
}
