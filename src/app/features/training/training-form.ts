/** The training form: what the person sets before a run, its defaults, and the experiment settings it makes. */
import type { LangCode } from '../../../core/corpus/types';
import { DEFAULT_ADAMW } from '../../../core/training/adamw';
import { DEFAULT_INFO_NCE } from '../../../core/training/loss';
import type { ExperimentSettings } from '../../../core/training/run-experiment';
import { BATCH_STRATEGIES, type BatchStrategy } from '../../../core/training/strategy-names';

/** Where the embeddings come from: the app's corpus and loaded model, or the synthetic benchmark. */
export type TrainingSourceKind = 'corpus' | 'synthetic';

export interface TrainingForm {
  source: TrainingSourceKind;
  strategies: BatchStrategy[];
  alpha: number;
  epochs: number;
  batchSize: number;
  tau: number;
  lr: number;
  rank: number;
  testFraction: number;
  heldOutLanguages: LangCode[];
  seed: number;
  /** Where the training and adapter products run (TrainingJob.products): 'auto' or 'typescript'. */
  products: 'auto' | 'typescript';
}

export const DEFAULT_TRAINING_FORM: TrainingForm = {
  source: 'corpus',
  strategies: [...BATCH_STRATEGIES],
  alpha: 0.5,
  epochs: 10,
  batchSize: 100,
  tau: DEFAULT_INFO_NCE.tau,
  lr: DEFAULT_ADAMW.lr,
  rank: 0,
  testFraction: 0.2,
  heldOutLanguages: [],
  seed: 1,
  products: 'auto',
};

/** The list with `item` added, or removed when it was there. */
export function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The experiment's settings from the form; held-out languages only among the corpus's `languages`. */
export function settingsOf(form: TrainingForm, languages: readonly LangCode[]): ExperimentSettings {
  return {
    strategies: BATCH_STRATEGIES.filter((s) => form.strategies.includes(s)),
    alpha: form.alpha,
    epochs: form.epochs,
    batchSize: form.batchSize,
    tau: form.tau,
    lr: form.lr,
    rank: form.rank,
    testFraction: form.testFraction,
    heldOutLanguages: form.heldOutLanguages.filter((l) => languages.includes(l)),
    seed: form.seed,
  };
}
