import type { LangCode } from '../corpus/types';
import type { PairsIndex } from './pairs-index';
import { createRng } from '../numeric/rng';
import { BATCH_STRATEGIES, type BatchStrategy } from './strategy-names';

/** One batch of (question, answer passage) pairs; pair i's passage is the positive for question i. */
export interface Batch {
  /** What this batch is (a hybrid batch is one or the other). */
  mode: 'monolingual' | 'cross-lingual';
  /** 0-based epoch and global step this batch belongs to. */
  epoch: number;
  step: number;
  /** Qid index (into pairsIndex.qids) of each pair; never repeated within a batch. */
  qid: Int32Array;
  /** Row of each pair's question in the query matrix. */
  queryIdx: Int32Array;
  /** Row of each pair's answer passage in the passage matrix. */
  passageIdx: Int32Array;
  qLang: LangCode[];
  pLang: LangCode[];
}

export interface SamplerOptions {
  pairsIndex: PairsIndex;
  /** Languages to train on (default: all of the index's). */
  languages?: readonly LangCode[];
  batchSize: number;
  /** Hybrid only: probability that a batch is monolingual (the paper's alpha; 0.5 default). */
  alpha?: number;
  seed: number;
}

export interface Sampler {
  readonly strategy: BatchStrategy;
  /** ceil(#qids that can form a pair under the strategy / batchSize). */
  readonly batchesPerEpoch: number;
  /** How many qids each epoch walks through. */
  readonly qidCount: number;
  /** The next batch; epochs follow each other without end, qids reshuffled at each epoch start. */
  next(): Batch;
}

/**
 * An epoch walks through the trainable qids in a fresh shuffled order, batchSize qids per batch,
 * so no qid appears twice in a batch (two translations of one question would be false negatives
 * for each other under InfoNCE). Per batch:
 *  - monolingual: one language L drawn uniformly from the training languages; every pair is
 *    (question in L, passage in L). Qids of the batch's slice that lack L are left out of it.
 *  - cross-lingual: per pair, X drawn uniformly from the languages the question exists in (and
 *    that leave a different passage language), Y != X uniformly from the passage's languages.
 *  - hybrid: monolingual with probability alpha, otherwise cross-lingual.
 * A batch can hold fewer than batchSize pairs (the epoch's last slice, or missing languages).
 */
export function createSampler(strategy: BatchStrategy, options: SamplerOptions): Sampler {
  const { pairsIndex, batchSize, seed } = options;
  const alpha = options.alpha ?? 0.5;
  if (!BATCH_STRATEGIES.includes(strategy)) {
    throw new RangeError(`createSampler: strategy "${strategy}" is unknown; expected one of ${BATCH_STRATEGIES.join(', ')}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 2) {
    throw new RangeError(`createSampler: batchSize must be an integer >= 2 (InfoNCE needs in-batch negatives), got ${batchSize}`);
  }
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`createSampler: alpha must be in [0, 1], got ${alpha}`);

  const allLangs = pairsIndex.languages;
  const L = allLangs.length;
  const langs = (options.languages ?? allLangs).map((lang) => {
    const l = allLangs.indexOf(lang);
    if (l < 0) throw new RangeError(`createSampler: training language "${lang}" is not in the pairs index (${allLangs.join(', ')})`);
    return l;
  });
  if (langs.length === 0) throw new RangeError('createSampler: no training languages');
  if (strategy === 'cross-lingual' && langs.length < 2) {
    throw new RangeError('createSampler: cross-lingual batches need at least two training languages');
  }
  const { queryRow, passageRow } = pairsIndex;
  const hasPair = (k: number, x: number, y: number): boolean => queryRow[k * L + x] >= 0 && passageRow[k * L + y] >= 0;
  const canMono = (k: number): boolean => langs.some((l) => hasPair(k, l, l));
  const canCross = (k: number): boolean => langs.some((x) => langs.some((y) => x !== y && hasPair(k, x, y)));

  const pool: number[] = [];
  for (let k = 0; k < pairsIndex.qids.length; k++) {
    const usable = strategy === 'monolingual' ? canMono(k) : strategy === 'cross-lingual' ? canCross(k) : canMono(k) || canCross(k);
    if (usable) pool.push(k);
  }
  if (pool.length < 2) {
    throw new RangeError(`createSampler: only ${pool.length} qid(s) can form a ${strategy} pair; at least 2 are needed`);
  }
  const batchesPerEpoch = Math.ceil(pool.length / batchSize);
  const rng = createRng(seed);
  const order = Int32Array.from(pool);
  let epoch = -1;
  let step = 0;
  let batchInEpoch = batchesPerEpoch;

  const questionLangs = new Int32Array(langs.length);
  const passageLangs = new Int32Array(langs.length);

  const next = (): Batch => {
    if (batchInEpoch === batchesPerEpoch) {
      rng.shuffle(order);
      epoch++;
      batchInEpoch = 0;
    }
    const start = batchInEpoch * batchSize;
    const end = Math.min(start + batchSize, order.length);
    const mono = strategy === 'monolingual' || (strategy === 'hybrid' && rng.uniform() < alpha);
    const qid: number[] = [];
    const queryIdx: number[] = [];
    const passageIdx: number[] = [];
    const qLang: LangCode[] = [];
    const pLang: LangCode[] = [];
    const push = (k: number, x: number, y: number): void => {
      qid.push(k);
      queryIdx.push(queryRow[k * L + x]);
      passageIdx.push(passageRow[k * L + y]);
      qLang.push(allLangs[x]);
      pLang.push(allLangs[y]);
    };
    if (mono) {
      const l = langs[rng.int(langs.length)];
      for (let i = start; i < end; i++) if (hasPair(order[i], l, l)) push(order[i], l, l);
    } else {
      for (let i = start; i < end; i++) {
        const k = order[i];
        // X: a question language that leaves at least one other passage language.
        let nq = 0;
        for (const x of langs) {
          if (queryRow[k * L + x] < 0) continue;
          if (langs.some((y) => y !== x && passageRow[k * L + y] >= 0)) questionLangs[nq++] = x;
        }
        if (nq === 0) continue;
        const x = questionLangs[rng.int(nq)];
        let np = 0;
        for (const y of langs) if (y !== x && passageRow[k * L + y] >= 0) passageLangs[np++] = y;
        push(k, x, passageLangs[rng.int(np)]);
      }
    }
    batchInEpoch++;
    return {
      mode: mono ? 'monolingual' : 'cross-lingual',
      epoch,
      step: step++,
      qid: Int32Array.from(qid),
      queryIdx: Int32Array.from(queryIdx),
      passageIdx: Int32Array.from(passageIdx),
      qLang,
      pLang,
    };
  };
  return { strategy, batchesPerEpoch, qidCount: pool.length, next };
}
