/**
 * Typed messages between the page and the training worker. The worker runs one whole experiment
 * (src/core/training/run-experiment.ts) per "run": on embeddings the page computed with the app's
 * encoder, or on the synthetic benchmark it generates itself.
 */
import type { Corpus } from '../../../core/corpus/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { ExperimentResult, ExperimentSettings } from '../../../core/training/run-experiment';
import type { BatchStrategy } from '../../../core/training/strategy-names';

export type TrainingSource =
  | {
      kind: 'embeddings';
      corpus: Corpus;
      /** The encoder that made the rows (model + dtype + pooling). */
      encoderId: string;
      dim: number;
      /** corpus.questions.length x dim and corpus.passages.length x dim, unit rows, in corpus order. */
      queryRows: Float32Array;
      passageRows: Float32Array;
    }
  | {
      kind: 'synthetic';
      /** The benchmark's own seed (the experiment's seed is in the settings). */
      seed: number;
      /** Default: XQuAD-R scale (1,190 questions, 11 languages, d = 384). */
      questions?: number;
      dim?: number;
    };

export interface TrainingJob {
  source: TrainingSource;
  settings: ExperimentSettings;
  /** Keep per-question records in the reports (for drill-down). Default false. */
  keepQueries?: boolean;
  /**
   * Where the training steps and adapter application multiply: 'auto' (default) on the worker's
   * faster backend once it agrees with the TypeScript kernel, 'typescript' on the reference
   * kernel alone (bit-identical with the CLI's --scoring typescript).
   */
  products?: 'auto' | 'typescript';
}

/** Which kernel multiplied the training and adapter products, and why (shown under the results). */
export interface TrainingProductsInfo {
  backend: string;
  detail: string;
}

/** One training step's loss. */
export interface LossPoint {
  strategy: BatchStrategy;
  epoch: number;
  step: number;
  loss: number;
}

export type TrainingWorkerIn = { type: 'run'; job: TrainingJob } | { type: 'cancel' };

export type TrainingWorkerOut =
  /** Generating, embedding or evaluating: what and how far. */
  | { type: 'stage'; info: ProgressInfo }
  /** Loss points since the last message (batched so the page redraws a few times a second). */
  | { type: 'loss'; points: LossPoint[]; totalSteps: number }
  /** `testCorpus`: what the reports were scored on (the test split), for views that read its questions and passages. */
  | { type: 'done'; result: ExperimentResult; testCorpus: Corpus; workerMs: number; generateMs: number; products: TrainingProductsInfo }
  | { type: 'error'; message: string; cancelled: boolean };
