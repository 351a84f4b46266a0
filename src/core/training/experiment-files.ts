/**
 * What an experiment leaves behind as files, the same from the command line and the app:
 * experiment.json, results.md and one adapter file per strategy.
 */
import type { EvalReport } from '../evaluation/eval-report';
import { reportToJson, type EvalReportJson } from '../evaluation/report-json';
import { withoutQueries } from '../evaluation/summarise-report';
import { formatResultsMarkdown } from './results-table';
import type { ExperimentResult } from './run-experiment';

/** The file a strategy's adapter is written to. */
export function adapterFileName(shortName: string): string {
  return `adapter-${shortName}.xlad`;
}

/** A report without what differs between two runs of the same experiment (its running time). */
function stripTiming(report: EvalReport): Omit<EvalReportJson, 'elapsedMs'> {
  const { elapsedMs: _e, ...rest } = reportToJson(withoutQueries(report));
  return rest;
}

/** Where the corpus and model came from, as the user named them. */
export interface ExperimentSource {
  data?: string;
  retriever?: string;
  format?: string;
  warnings?: string[];
}

/** experiment.json: everything but the timings is a function of the data, model and settings. */
export function buildExperimentJson(result: ExperimentResult, source: ExperimentSource = {}) {
  return {
    kind: 'adapter training over a frozen encoder (not full fine-tuning)',
    data: source.data ?? null,
    format: source.format ?? null,
    warnings: source.warnings ?? [],
    retriever: source.retriever ?? result.encoder.id,
    encoder: result.encoder,
    corpus: result.corpus,
    config: result.config,
    split: result.split,
    rows: result.rows,
    baseline: { label: result.baseline.label, report: stripTiming(result.baseline.report) },
    strategies: result.strategies.map((s) => ({
      name: s.name,
      shortName: s.shortName,
      label: s.label,
      adapterFile: adapterFileName(s.shortName),
      adapterBytes: s.adapterBytes.length,
      lossCurve: s.lossCurve,
      report: stripTiming(s.report),
    })),
    timings: {
      totalMs: Math.round(result.totalMs),
      embedMs: Math.round(result.embedMs),
      baselineEvalMs: Math.round(result.baseline.evalMs),
      strategies: Object.fromEntries(result.strategies.map((s) => [s.shortName, { trainMs: Math.round(s.trainMs), evalMs: Math.round(s.evalMs) }])),
    },
  };
}

/** results.md: the table, what was trained and on what, and what it is not. */
export function formatResultsFile(result: ExperimentResult): string {
  const { config, split, encoder, corpus } = result;
  const shape = config.rank === 0 ? `a full ${encoder.dim} x ${encoder.dim} linear map` : `identity plus a rank-${config.rank} linear map`;
  const heldOut = split.heldOutLanguages.length ? `; held out of training (zero-shot): ${split.heldOutLanguages.join(', ')}` : '';
  return [
    `# Training experiment: ${corpus.name}, ${encoder.id}`,
    '',
    `This is adapter training over a frozen encoder, not the paper's full fine-tuning (arXiv 2408.10536): each strategy trains ${shape} on the encoder's embeddings, so compare the direction of the differences, not the values.`,
    '',
    `Test split: ${split.testQids.length} question ids (${split.testQuestions} questions in ${corpus.languages.length} languages) against a pool of ${split.testPassages} passages; training answers are left out of the pool.`,
    `Trained on ${split.trainQids} question ids in ${split.trainLanguages.join(', ')}${heldOut}.`,
    `Settings: epochs ${config.epochs}, batch size ${config.batchSize}, temperature ${config.tau}, learning rate ${config.lr}, weight decay ${config.weightDecay}, alpha ${config.alpha} (hybrid), rank ${config.rank}, test fraction ${config.testFraction}, seed ${config.seed}.`,
    '',
    formatResultsMarkdown(result.rows),
    '',
    "mAP is macro-averaged over the language pairs (mono X->X, cross X->Y) or query languages (multi X->all), as in the paper; R@1 for mono and cross, R@10 for multilingual. The mean maximum rank distance is the spread of the ranks of one question's answers across languages in the multilingual pool: lower is less language-biased.",
    '',
    `Adapters: ${result.strategies.map((s) => adapterFileName(s.shortName)).join(', ')}.`,
    '',
  ].join('\n');
}
