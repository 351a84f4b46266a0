import type { LangCode } from '../corpus/types';
import { createAdamW, DEFAULT_ADAMW } from './adamw';
import { assertAdapterShape, createIdentityAdapter, type Adapter } from './adapter';
import { createInfoNceLoss, DEFAULT_INFO_NCE } from './loss';
import type { PairsIndex } from './pairs-index';
import type { MatrixProducts } from '../numeric/matrix-products';
import { deriveSeed } from '../numeric/rng';
import { createSampler, type Batch } from './samplers';
import type { BatchStrategy } from './strategy-names';

export interface TrainOptions {
  /** Frozen encoder's question embeddings, rows x dim, row-major (rows as in pairs.queryRow). */
  queryEmb: Float32Array;
  /** Frozen encoder's passage embeddings, rows x dim (rows as in pairs.passageRow). */
  passageEmb: Float32Array;
  dim: number;
  /** Training pairs (e.g. splitByQid(...).train). */
  pairs: PairsIndex;
  /** Languages batches are drawn from (default: all of pairs.languages). */
  languages?: readonly LangCode[];
  strategy: BatchStrategy;
  /** Hybrid: probability of a monolingual batch (default 0.5, the paper's best). */
  alpha?: number;
  epochs: number;
  /** Default 100, as in the paper. */
  batchSize?: number;
  /** InfoNCE temperature (default 0.05). */
  tau?: number;
  /** Add the passage-to-question direction to the loss (default off). */
  symmetric?: boolean;
  /** AdamW learning rate (default 5e-4; see adamw.ts for why not the paper's 3e-5). */
  lr?: number;
  /** Decoupled weight decay toward the identity map (default 0.01). */
  weightDecay?: number;
  /** 0 (default) = full d x d map; r > 0 = W = I + U V^T of rank r. */
  rank?: number;
  seed: number;
  /**
   * Where the step's matrix products run (default the TypeScript kernel, the reference). A
   * float32 backend (onnxruntime) moves losses and weights by float32 rounding, about 1e-6 relative.
   */
  products?: MatrixProducts;
  /** Checked between steps; on abort the promise rejects with a TrainingCancelledError. */
  signal?: AbortSignal;
  /** After every step: 0-based epoch, 0-based global step, that step's loss, total steps. */
  onProgress?: (epoch: number, step: number, loss: number, totalSteps: number) => void;
}

export interface LossPoint {
  step: number;
  epoch: number;
  loss: number;
  mode: Batch['mode'];
}

export interface TrainResult {
  adapter: Adapter;
  lossCurve: LossPoint[];
}

/** Thrown when the signal aborts training; `name` is "AbortError" like fetch's. */
export class TrainingCancelledError extends Error {
  constructor() {
    super('training cancelled');
    this.name = 'AbortError';
  }
}

/** The seed training gives its sampler, so a view can draw the very batches a run trained on. */
export function samplerSeedOf(seed: number): number {
  return deriveSeed(seed, 'sampler');
}

/** Hand control back to the event loop this often, so an abort message can arrive in a worker. */
const YIELD_EVERY_MS = 25;

/**
 * Trains a linear adapter over frozen embeddings with InfoNCE on batches built by `strategy`,
 * AdamW, epochs x sampler.batchesPerEpoch steps. Deterministic for a given seed and inputs.
 * Batches with fewer than 2 pairs (no negatives) are skipped without a step.
 */
export async function trainAdapter(options: TrainOptions): Promise<TrainResult> {
  const { queryEmb, passageEmb, dim, pairs, strategy, epochs, seed, signal, onProgress } = options;
  const batchSize = options.batchSize ?? 100;
  const rank = options.rank ?? 0;
  validateInputs(options);

  const sampler = createSampler(strategy, {
    pairsIndex: pairs,
    languages: options.languages,
    batchSize,
    alpha: options.alpha ?? 0.5,
    seed: samplerSeedOf(seed),
  });
  const initial = createIdentityAdapter(dim, rank, deriveSeed(seed, 'init'));
  const params = Float64Array.from(initial.params);
  const grad = new Float64Array(params.length);
  const loss = createInfoNceLoss({ dim, rank }, { tau: options.tau ?? DEFAULT_INFO_NCE.tau, symmetric: options.symmetric ?? DEFAULT_INFO_NCE.symmetric });
  const optimizer = createAdamW(params.length, {
    lr: options.lr ?? DEFAULT_ADAMW.lr,
    weightDecay: options.weightDecay ?? DEFAULT_ADAMW.weightDecay,
  });

  const x = new Float64Array(2 * batchSize * dim);
  const groups = new Int32Array(batchSize);
  const totalSteps = epochs * sampler.batchesPerEpoch;
  const lossCurve: LossPoint[] = [];
  let lastYield = Date.now();
  for (let s = 0; s < totalSteps; s++) {
    if (signal?.aborted) throw new TrainingCancelledError();
    const batch = sampler.next();
    const b = batch.qid.length;
    if (b < 2) continue;
    for (let i = 0; i < b; i++) {
      copyRow(queryEmb, batch.queryIdx[i], x, i, dim);
      copyRow(passageEmb, batch.passageIdx[i], x, b + i, dim);
      groups[i] = pairs.answerGroup[batch.qid[i]];
    }
    const lossBatch = { x, size: b, groups: groups.subarray(0, b) };
    const value = options.products ? await loss.evaluateWith(options.products, params, lossBatch, grad) : loss.evaluate(params, lossBatch, grad);
    optimizer.step(params, grad);
    lossCurve.push({ step: batch.step, epoch: batch.epoch, loss: value, mode: batch.mode });
    onProgress?.(batch.epoch, batch.step, value, totalSteps);
    if (Date.now() - lastYield >= YIELD_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      lastYield = Date.now();
    }
  }
  if (signal?.aborted) throw new TrainingCancelledError();
  return { adapter: { dim, rank, params: Float32Array.from(params) }, lossCurve };
}

function copyRow(src: Float32Array, row: number, dst: Float64Array, dstRow: number, dim: number): void {
  const from = row * dim;
  const to = dstRow * dim;
  for (let c = 0; c < dim; c++) dst[to + c] = src[from + c];
}

function validateInputs(options: TrainOptions): void {
  const { queryEmb, passageEmb, dim, pairs, epochs } = options;
  assertAdapterShape({ dim, rank: options.rank ?? 0 }, 'trainAdapter');
  if (queryEmb.length % dim !== 0) {
    throw new RangeError(`trainAdapter: queryEmb has ${queryEmb.length} values, not a multiple of dim ${dim}`);
  }
  if (passageEmb.length % dim !== 0) {
    throw new RangeError(`trainAdapter: passageEmb has ${passageEmb.length} values, not a multiple of dim ${dim}`);
  }
  if (!Number.isInteger(epochs) || epochs < 0) throw new RangeError(`trainAdapter: epochs must be a non-negative integer, got ${epochs}`);
  const checkRows = (rows: Int32Array, limit: number, what: string): void => {
    for (let i = 0; i < rows.length; i++) {
      if (rows[i] >= limit) {
        const k = Math.floor(i / pairs.languages.length);
        const lang = pairs.languages[i % pairs.languages.length];
        throw new RangeError(
          `trainAdapter: pairs give qid "${pairs.qids[k]}" in "${lang}" ${what} row ${rows[i]}, but the ${what} embeddings have ${limit} rows`,
        );
      }
    }
  };
  checkRows(pairs.queryRow, queryEmb.length / dim, 'query');
  checkRows(pairs.passageRow, passageEmb.length / dim, 'passage');
}
