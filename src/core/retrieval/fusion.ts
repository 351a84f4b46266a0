import type { Passage } from '../corpus/types';
import { compareCandidates } from '../metrics/candidate-order';
import { tieKeysDescendingById } from '../metrics/rank-relevant';
import type { PoolScorer, Retriever, RunOptions } from './types';

export type FusionMethod = 'rrf' | 'combsum';

export interface FusionOptions {
  /** RRF's constant: score = sum over retrievers of 1 / (k + rank). Default 60 (Cormack et al. 2009). */
  k?: number;
}

/**
 * Fusion of several retrievers as one Retriever, so it ranks, evaluates and runs in the CLI like
 * any other:
 *   rrf:     sum over members of 1 / (k + rank), ranks over the member's full ranking of the pool
 *            (score descending, ties: larger passage id first, the evaluation's rule);
 *   combsum: sum over members of the min-max normalised score (s - min) / (max - min) per query
 *            row (0 for every candidate when a row is flat; NaN counts as the minimum).
 * Fused scores are float32 like every other scorer's.
 */
export function createFusionRetriever(method: FusionMethod, members: readonly Retriever[], opts: FusionOptions = {}): Retriever {
  if (members.length < 2) throw new RangeError(`fusion: ${method} needs at least two retrievers, got ${members.length}`);
  const k = opts.k ?? 60;
  return {
    name: `${method}:${members.map((m) => m.name).join('+')}`,
    async pool(passages: readonly Passage[], runOpts?: RunOptions): Promise<PoolScorer> {
      const scorers: PoolScorer[] = [];
      for (const m of members) scorers.push(await m.pool(passages, runOpts));
      const size = passages.length;
      const tieKey = method === 'rrf' ? tieKeysDescendingById(passages.map((p) => p.id)) : new Int32Array(0);
      const ranks = new Int32Array(size);
      return {
        size,
        async score(queries: readonly string[], scoreOpts?: RunOptions): Promise<Float32Array> {
          const fused = new Float64Array(queries.length * size);
          for (const scorer of scorers) {
            const rows = await scorer.score(queries, scoreOpts);
            for (let q = 0; q < queries.length; q++) {
              const offset = q * size;
              if (method === 'rrf') {
                rankRow(rows, offset, size, tieKey, ranks);
                for (let j = 0; j < size; j++) fused[offset + j] += 1 / (k + ranks[j]);
              } else addMinMax(rows, offset, size, fused);
            }
          }
          return Float32Array.from(fused);
        },
      };
    },
  };
}

function addMinMax(rows: Float32Array, offset: number, size: number, into: Float64Array): void {
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < size; j++) {
    const s = rows[offset + j];
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return; // flat (or unbounded) row: adds 0 everywhere
  for (let j = 0; j < size; j++) {
    const s = rows[offset + j];
    if (s === s) into[offset + j] += (s - lo) / span;
  }
}

const bits = new Float32Array(1);
const bitsU = new Uint32Array(bits.buffer);
const TIE_BITS = 2 ** 21;

/**
 * ranks[j] = 1-based rank of candidate j in row scores[offset, offset + size), by the project's
 * order. Pools under 2^21 sort one Float64Array of packed keys (the float32 score's bits made
 * order-preserving, then the tie key: 32 + 21 bits, exact in a double), several times faster than
 * a comparator sort; larger pools use the comparator.
 */
export function rankRow(scores: Float32Array, offset: number, size: number, tieKey: Int32Array, ranks: Int32Array): void {
  if (size >= TIE_BITS) {
    const order = Array.from({ length: size }, (_, j) => j);
    order.sort((a, b) => compareCandidates(scores[offset + a], tieKey[a], scores[offset + b], tieKey[b]));
    order.forEach((j, p) => (ranks[j] = p + 1));
    return;
  }
  const keys = new Float64Array(size);
  const byTie = new Int32Array(size);
  for (let j = 0; j < size; j++) {
    const s = scores[offset + j];
    let worse: number;
    if (s !== s)
      worse = 0xffffffff; // NaN after every number
    else {
      bits[0] = s === 0 ? 0 : s; // -0 ranks as 0
      const u = bitsU[0];
      const ordered = u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0; // ascending with the score
      worse = 0xfffffffe - ordered; // higher score, smaller key
    }
    keys[j] = worse * TIE_BITS + tieKey[j];
    byTie[tieKey[j]] = j;
  }
  keys.sort();
  for (let p = 0; p < size; p++) ranks[byTie[keys[p] % TIE_BITS]] = p + 1;
}
