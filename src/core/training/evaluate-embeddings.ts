import type { LangCode } from '../corpus/types';
import { macroAverage, meanMetrics } from '../metrics/aggregate';
import { computeQueryMetrics } from '../metrics/query-metrics';
import { rankRelevant, tieKeysDescendingById } from '../metrics/rank-relevant';
import type { MeanMetrics, QueryMetrics } from '../metrics/types';
import { multiplyABt } from './dense-kernels';

/**
 * Mono (X->X), cross (X->Y, X != Y) and multilingual (X->all) figures for unit-length embedding
 * matrices, with full rankings, macro-averaged over cells as the paper does (multi.maxRankDistance
 * is the mean maximum rank distance: per query language, then across languages). Used to judge
 * trained adapters on synthetic or cached embeddings without building a Corpus.
 */
export interface EmbeddingEvalInput {
  dim: number;
  languages: readonly LangCode[];
  queryEmb: Float32Array;
  /** Language index (into languages) of each query row. */
  queryLang: Int32Array;
  /** Pool rows relevant to each query (any language). Queries with none are skipped. */
  queryRelevant: readonly Int32Array[];
  passageEmb: Float32Array;
  passageLang: Int32Array;
  /** Candidate ids, for trec_eval's tie order. */
  passageIds: readonly string[];
}

export interface EmbeddingEvalResult {
  mono: MeanMetrics;
  cross: MeanMetrics;
  multi: MeanMetrics;
}

const QUERY_BLOCK = 64;

export function evaluateEmbeddings(input: EmbeddingEvalInput): EmbeddingEvalResult {
  const { dim, languages, queryEmb, queryLang, queryRelevant, passageEmb, passageLang, passageIds } = input;
  const L = languages.length;
  const nq = queryLang.length;
  const np = passageLang.length;
  if (queryEmb.length !== nq * dim) throw new RangeError(`evaluateEmbeddings: queryEmb has ${queryEmb.length} values, expected ${nq} x ${dim}`);
  if (passageEmb.length !== np * dim) throw new RangeError(`evaluateEmbeddings: passageEmb has ${passageEmb.length} values, expected ${np} x ${dim}`);
  if (queryRelevant.length !== nq) throw new RangeError(`evaluateEmbeddings: queryRelevant has ${queryRelevant.length} entries, expected one per query (${nq})`);
  if (passageIds.length !== np) throw new RangeError(`evaluateEmbeddings: passageIds has ${passageIds.length} entries, expected ${np}`);

  // Pool reordered language by language, so each language's candidates are one slice of a score row.
  const order: number[] = [];
  const start = new Int32Array(L + 1);
  for (let l = 0; l < L; l++) {
    start[l] = order.length;
    for (let j = 0; j < np; j++) if (passageLang[j] === l) order.push(j);
  }
  start[L] = order.length;
  if (order.length !== np) throw new RangeError('evaluateEmbeddings: a passage has a language index outside languages');
  const position = new Int32Array(np);
  order.forEach((j, p) => (position[j] = p));
  const pool = new Float64Array(np * dim);
  order.forEach((j, p) => {
    for (let c = 0; c < dim; c++) pool[p * dim + c] = passageEmb[j * dim + c];
  });
  const orderedIds = order.map((j) => passageIds[j]);
  const tieAll = tieKeysDescendingById(orderedIds);
  const tieLang = Array.from({ length: L }, (_, l) => tieKeysDescendingById(orderedIds.slice(start[l], start[l + 1])));

  const pairCells: QueryMetrics[][] = Array.from({ length: L * L }, () => []);
  const multiCells: QueryMetrics[][] = Array.from({ length: L }, () => []);
  const block = new Float64Array(QUERY_BLOCK * dim);
  const scores64 = new Float64Array(QUERY_BLOCK * np);
  const scores = new Float32Array(QUERY_BLOCK * np);
  for (let q0 = 0; q0 < nq; q0 += QUERY_BLOCK) {
    const count = Math.min(QUERY_BLOCK, nq - q0);
    for (let i = 0; i < count * dim; i++) block[i] = queryEmb[q0 * dim + i];
    multiplyABt(block, pool, scores64, count, np, dim);
    for (let i = 0; i < count * np; i++) scores[i] = scores64[i];
    for (let b = 0; b < count; b++) {
      const q = q0 + b;
      const x = queryLang[q];
      const relevant = Array.from(queryRelevant[q], (j) => position[j]);
      if (relevant.length === 0) continue;
      const row = b * np;
      multiCells[x].push(computeQueryMetrics(rankRelevant(scores, row, np, Int32Array.from(relevant), tieAll)));
      for (let y = 0; y < L; y++) {
        const local = relevant.filter((p) => p >= start[y] && p < start[y + 1]).map((p) => p - start[y]);
        if (local.length === 0) continue;
        const ranks = rankRelevant(scores, row + start[y], start[y + 1] - start[y], Int32Array.from(local), tieLang[y]);
        pairCells[x * L + y].push(computeQueryMetrics(ranks));
      }
    }
  }
  const mono: MeanMetrics[] = [];
  const cross: MeanMetrics[] = [];
  for (let x = 0; x < L; x++) {
    for (let y = 0; y < L; y++) {
      const cell = pairCells[x * L + y];
      if (cell.length > 0) (x === y ? mono : cross).push(meanMetrics(cell));
    }
  }
  const multi = multiCells.filter((cell) => cell.length > 0).map((cell) => meanMetrics(cell));
  if (mono.length === 0 || cross.length === 0 || multi.length === 0) {
    throw new RangeError('evaluateEmbeddings: need queries with relevant candidates in their own and in other languages');
  }
  return { mono: macroAverage(mono), cross: macroAverage(cross), multi: macroAverage(multi) };
}
