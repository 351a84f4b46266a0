import { parsePairKey } from './pair-key';
import { METRIC_NAMES } from './registry';
import type { MeanMetrics, QueryMetrics } from './types';

/** Mean of each metric over the queries of one cell (a language or a language pair). */
export function meanMetrics(list: readonly QueryMetrics[]): MeanMetrics {
  if (list.length === 0) throw new RangeError('meanMetrics: no queries to average; leave the empty cell out');
  return averageOf(list, list.length);
}

/**
 * The paper's macro average: the mean over cells, each cell weighing the same however many
 * queries it holds; `queries` is their total. Monolingual = over the X->X cells, cross-lingual
 * = over the X->Y cells with X != Y, multilingual = over the per-query-language cells (which also
 * gives the mean maximum rank distance: per query language first, then across languages).
 */
export function macroAverage(cells: readonly MeanMetrics[]): MeanMetrics {
  if (cells.length === 0) throw new RangeError('macroAverage: no cells to average');
  let queries = 0;
  for (const cell of cells) queries += cell.queries;
  return averageOf(cells, queries);
}

/** Monolingual and cross-lingual macro averages from language-pair cells keyed "X->Y". */
export function summarisePairCells(cells: ReadonlyMap<string, MeanMetrics>): { mono: MeanMetrics; cross: MeanMetrics } {
  const mono: MeanMetrics[] = [];
  const cross: MeanMetrics[] = [];
  for (const [key, cell] of cells) {
    const { queryLang, passageLang } = parsePairKey(key);
    (queryLang === passageLang ? mono : cross).push(cell);
  }
  if (mono.length === 0) throw new RangeError('summarisePairCells: no X->X cell for the monolingual average');
  if (cross.length === 0) throw new RangeError('summarisePairCells: no X->Y cell (X != Y) for the cross-lingual average');
  return { mono: macroAverage(mono), cross: macroAverage(cross) };
}

function averageOf(items: readonly QueryMetrics[], queries: number): MeanMetrics {
  const result = { queries } as MeanMetrics;
  for (const name of METRIC_NAMES) {
    let sum = 0;
    for (const item of items) sum += item[name];
    result[name] = sum / items.length;
  }
  return result;
}
