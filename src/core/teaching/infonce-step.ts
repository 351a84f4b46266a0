/**
 * One InfoNCE step on a tiny batch, computed by the training code itself (loss.ts, adamw.ts,
 * adapter.ts): the similarity matrix, the softmax of each row, the loss, which pairs the
 * gradient pulls together and pushes apart, and the same matrix after the optimiser's step.
 */
import type { LangCode } from '../corpus/types';
import { createAdamW } from '../training/adamw';
import { createIdentityAdapter } from '../training/adapter';
import { createInfoNceLoss, createLossRecord, DEFAULT_INFO_NCE, type LossRecord } from '../training/loss';
import type { PairsIndex } from '../training/pairs-index';
import type { Batch } from '../training/samplers';

export interface StepForce {
  question: number;
  passage: number;
  /** The diagonal is pulled together; every other pair pushed apart. */
  kind: 'pull' | 'push';
  /** |dL/dlogit|: how hard this pair is pulled or pushed. */
  strength: number;
}

export interface StepMatrices {
  /** [question][passage], rounded nowhere. */
  cosines: number[][];
  probabilities: number[][];
  rowLoss: number[];
  loss: number;
}

export interface InfoNceStep {
  pairs: { qid: string; qLang: LangCode; pLang: LangCode }[];
  tau: number;
  lr: number;
  before: StepMatrices;
  /** Strongest first. */
  forces: StepForce[];
  after: StepMatrices;
  /** One line per question: where its softmax mass went and what the gradient does. */
  lines: string[];
}

export interface StepOptions {
  /** Frozen embeddings, rows as in `pairs` (e.g. a run's query and passage matrices). */
  queryEmb: Float32Array;
  passageEmb: Float32Array;
  dim: number;
  pairs: PairsIndex;
  batch: Batch;
  tau?: number;
  /**
   * Learning rate of the one AdamW step shown. Training's 5e-4 moves a fresh adapter too little
   * to see in a 3-decimal matrix after one step; the default 0.02 makes the direction visible.
   */
  lr?: number;
}

export function stepThroughInfoNce(options: StepOptions): InfoNceStep {
  const { queryEmb, passageEmb, dim, pairs, batch } = options;
  const tau = options.tau ?? DEFAULT_INFO_NCE.tau;
  const lr = options.lr ?? 0.02;
  const b = batch.qid.length;
  if (b < 2) throw new RangeError(`stepThroughInfoNce: a batch of ${b} pair(s) has no negatives; draw at least 2`);
  // Laid out as trainAdapter lays out a batch: B questions, then their B answer passages.
  const x = new Float64Array(2 * b * dim);
  const groups = new Int32Array(b);
  for (let i = 0; i < b; i++) {
    x.set(queryEmb.subarray(batch.queryIdx[i] * dim, (batch.queryIdx[i] + 1) * dim), i * dim);
    x.set(passageEmb.subarray(batch.passageIdx[i] * dim, (batch.passageIdx[i] + 1) * dim), (b + i) * dim);
    groups[i] = pairs.answerGroup[batch.qid[i]];
  }
  const lossBatch = { x, size: b, groups };
  const params = Float64Array.from(createIdentityAdapter(dim).params);
  const grad = new Float64Array(params.length);
  const loss = createInfoNceLoss({ dim, rank: 0 }, { tau, symmetric: false });

  const record = createLossRecord(b);
  const before = loss.evaluate(params, lossBatch, grad, record);
  const beforeM = matrices(record, before);
  const forces: StepForce[] = [];
  for (let i = 0; i < b; i++) {
    for (let j = 0; j < b; j++) {
      const g = record.dLogits[i * b + j];
      if (g === 0) continue; // masked: no force
      forces.push({ question: i, passage: j, kind: g < 0 ? 'pull' : 'push', strength: Math.abs(g) });
    }
  }
  forces.sort((a, c) => c.strength - a.strength);

  createAdamW(params.length, { lr, weightDecay: 0 }).step(params, grad);
  const afterRecord = createLossRecord(b);
  const after = loss.evaluate(params, lossBatch, null, afterRecord);

  const pairsOut = Array.from(batch.qid, (k, i) => ({ qid: pairs.qids[k], qLang: batch.qLang[i], pLang: batch.pLang[i] }));
  return { pairs: pairsOut, tau, lr, before: beforeM, forces, after: matrices(afterRecord, after), lines: describeRows(pairsOut, beforeM, forces) };
}

function matrices(record: LossRecord, loss: number): StepMatrices {
  const b = record.size;
  const rows = (m: Float64Array) => Array.from({ length: b }, (_, i) => Array.from(m.subarray(i * b, (i + 1) * b)));
  return { cosines: rows(record.cosines), probabilities: rows(record.probabilities), rowLoss: Array.from(record.rowLoss), loss };
}

function describeRows(pairs: InfoNceStep['pairs'], m: StepMatrices, forces: readonly StepForce[]): string[] {
  const pct = (p: number) => `${Math.round(100 * p)}%`;
  return pairs.map((pair, i) => {
    const own = m.probabilities[i][i];
    const push = forces.find((f) => f.question === i && f.kind === 'push');
    const rival = push ? pairs[push.passage] : null;
    const rivalText = push && rival ? `; it pushes hardest away from ${rival.qid}'s answer in ${rival.pLang} (${pct(m.probabilities[i][push.passage])})` : '';
    return (
      `Question ${pair.qid} (${pair.qLang}) gives its own answer (${pair.pLang}) ${pct(own)} of the softmax, loss ${m.rowLoss[i].toFixed(2)}: ` +
      `the gradient pulls them together${rivalText}.`
    );
  });
}
