import { runExperiment, type ExperimentResult } from '../training/run-experiment';
import { generateSyntheticBenchmark } from '../training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../training/synthetic-corpus';

/** A small synthetic experiment (4 languages, 80 questions, d = 32) that runs in about a second. */
export const tinySynthetic = buildSyntheticCorpus(
  generateSyntheticBenchmark({ seed: 11, questions: 80, dim: 32, languages: ['en', 'de', 'zh', 'ar'], noise: 0.8 }),
  'tiny synthetic',
);

let cached: Promise<ExperimentResult> | null = null;

/** The three strategies and the untrained encoder on the tiny benchmark, with per-question records. */
export function tinyExperiment(): Promise<ExperimentResult> {
  cached ??= runExperiment({ ...tinySynthetic, epochs: 6, batchSize: 16, testFraction: 0.25, seed: 1, keepQueries: true });
  return cached;
}
