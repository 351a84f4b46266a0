import type { LangCode } from '../corpus/types';
import { pairKey } from './pair-key';
import type { MeanMetrics, MetricName } from './types';

/** A query-language x passage-language grid of one metric; null where a pair was not evaluated. */
export interface PairMatrix {
  langs: LangCode[];
  /** values[i][j]: questions in langs[i] against candidates in langs[j]; the diagonal is monolingual. */
  values: (number | null)[][];
}

/** The X->Y grid of `metric` (e.g. the paper's mAP matrix) from cells keyed "X->Y" (see pairKey). */
export function buildPairMatrix(cells: ReadonlyMap<string, MeanMetrics>, langs: readonly LangCode[], metric: MetricName): PairMatrix {
  const values = langs.map((queryLang) => langs.map((passageLang) => cells.get(pairKey(queryLang, passageLang))?.[metric] ?? null));
  return { langs: [...langs], values };
}
