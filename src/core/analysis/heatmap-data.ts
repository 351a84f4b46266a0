import type { LangCode } from '../corpus/types';
import type { EvalReport } from '../evaluation/eval-report';
import { pairMatrixOf } from '../evaluation/summarise-report';
import type { MetricName } from '../metrics/types';
import { roundUpBound } from './colour-scale';

/** One square of the X->Y grid. */
export interface HeatmapCell {
  row: number;
  col: number;
  queryLang: LangCode;
  passageLang: LangCode;
  /** null where the pair was not evaluated (or, for a difference, missing from either report). */
  value: number | null;
  /** X->X: the monolingual setting. */
  diagonal: boolean;
}

export interface HeatmapData {
  metric: MetricName;
  /** Row and column languages, in the same order. */
  langs: LangCode[];
  /** Row-major: cells[row * langs.length + col]. */
  cells: HeatmapCell[];
  /** Range of the colour scale: [0, 1] for ratio metrics, [-bound, bound] for a difference. */
  domain: [number, number];
  /** Mean of each row's off-diagonal (cross-lingual) cells, null when a row has none. */
  rowCrossMeans: (number | null)[];
}

/** The X->Y grid of one metric (questions in the row language, passages in the column language). */
export function buildHeatmap(report: EvalReport, metric: MetricName = 'ap'): HeatmapData {
  const matrix = pairMatrixOf(report, metric);
  return toHeatmap(matrix.langs, (i, j) => matrix.values[i][j], metric, [0, 1]);
}

/**
 * other minus base, cell by cell, over the languages both reports hold (in base's order).
 * Positive means `other` is higher. The colour domain is symmetric and round, so zero is white.
 */
export function buildDifferenceHeatmap(base: EvalReport, other: EvalReport, metric: MetricName = 'ap'): HeatmapData {
  const a = pairMatrixOf(base, metric);
  const b = pairMatrixOf(other, metric);
  const langs = a.langs.filter((l) => b.langs.includes(l));
  const ia = langs.map((l) => a.langs.indexOf(l));
  const ib = langs.map((l) => b.langs.indexOf(l));
  let largest = 0;
  const value = (i: number, j: number): number | null => {
    const x = a.values[ia[i]][ia[j]];
    const y = b.values[ib[i]][ib[j]];
    return x === null || y === null ? null : y - x;
  };
  langs.forEach((_, i) => langs.forEach((__, j) => (largest = Math.max(largest, Math.abs(value(i, j) ?? 0)))));
  const bound = roundUpBound(largest);
  return toHeatmap(langs, value, metric, [-bound, bound]);
}

function toHeatmap(langs: LangCode[], value: (i: number, j: number) => number | null, metric: MetricName, domain: [number, number]): HeatmapData {
  const cells: HeatmapCell[] = [];
  const rowCrossMeans: (number | null)[] = [];
  langs.forEach((queryLang, row) => {
    let sum = 0;
    let n = 0;
    langs.forEach((passageLang, col) => {
      const v = value(row, col);
      cells.push({ row, col, queryLang, passageLang, value: v, diagonal: row === col });
      if (row !== col && v !== null) {
        sum += v;
        n++;
      }
    });
    rowCrossMeans.push(n ? sum / n : null);
  });
  return { metric, langs: [...langs], cells, domain, rowCrossMeans };
}
