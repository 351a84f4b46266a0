import type { Corpus, LangCode } from '../corpus/types';
import { evaluateCorpus } from '../evaluation/evaluate-corpus';
import type { EvalReport } from '../evaluation/eval-report';
import type { SettingName } from '../metrics/types';
import { createDenseRetriever } from '../retrieval/dense-retriever';
import { selectRows } from '../numeric/row-matrix';
import type { Encoder, ProgressInfo } from '../retrieval/types';
import type { ScoreBackend } from '../scoring/score-backend';
import { DEFAULT_ADAMW } from './adamw';
import type { MatrixProducts } from '../numeric/matrix-products';
import { applyAdapterWith, type Adapter } from './adapter';
import { serializeAdapter } from './adapter-file';
import { DEFAULT_INFO_NCE } from './loss';
import { buildPairsIndexFromCorpus } from './pairs-index';
import { createPrecomputedEncoder } from './precomputed-encoder';
import { buildResultRow, type ResultRow } from './results-table';
import { splitByQid } from './split';
import { BATCH_STRATEGIES, STRATEGY_LABELS, STRATEGY_SHORT_NAMES, type BatchStrategy } from './strategy-names';
import { selectTestCorpus } from './test-corpus';
import { trainAdapter, type LossPoint } from './train';

/** Training settings; every one has a default except the seed. */
export interface ExperimentSettings {
  /** Default: all three, in the order monolingual, cross-lingual, hybrid. */
  strategies?: readonly BatchStrategy[];
  /** Hybrid: probability of a monolingual batch. Default 0.5, the paper's best. */
  alpha?: number;
  /** Default 10. */
  epochs?: number;
  /** Default 100, as in the paper. */
  batchSize?: number;
  /** InfoNCE temperature. Default 0.05. */
  tau?: number;
  /** AdamW learning rate. Default 5e-4 (see adamw.ts for why not the paper's 3e-5). */
  lr?: number;
  /** Default 0.01, as in the paper. */
  weightDecay?: number;
  /** 0 (default) = full d x d adapter; r > 0 = identity plus rank r. */
  rank?: number;
  /** Share of question ids held out for the test split. Default 0.2. */
  testFraction?: number;
  /** Languages never trained on (zero-shot), like the paper's el and vi. Default none. */
  heldOutLanguages?: readonly LangCode[];
  seed: number;
}

export interface ExperimentOptions extends ExperimentSettings {
  corpus: Corpus;
  /** The frozen encoder: every passage and question is embedded with it once. */
  encoder: Encoder;
  /** Keep per-question records in the reports (the app's drill-down wants them). Default false. */
  keepQueries?: boolean;
  /** Evaluation settings. Default all three: mono, cross, multi. */
  settings?: readonly SettingName[];
  /** What evaluation scores with (default the TypeScript kernel); the metrics are the same on any. */
  scoreBackend?: ScoreBackend;
  /**
   * Where training steps and adapter application multiply (default the TypeScript kernel). A
   * float32 backend moves losses, weights and adapted rows by float32 rounding, so metrics may
   * differ from the TypeScript path's in the last digits (the test states how far).
   */
  products?: MatrixProducts;
  /** Checked throughout; an abort rejects with an error named "AbortError". */
  signal?: AbortSignal;
  onProgress?: (p: ExperimentProgress) => void;
}

export type ExperimentProgress =
  | ({ phase: 'embed' } & ProgressInfo)
  | { phase: 'train'; strategy: BatchStrategy; epoch: number; step: number; loss: number; totalSteps: number }
  | ({ phase: 'evaluate'; name: 'baseline' | BatchStrategy } & ProgressInfo);

/** The settings as run, with every default filled in. */
export type ExperimentConfig = Required<Omit<ExperimentSettings, 'strategies' | 'heldOutLanguages'>> & {
  strategies: BatchStrategy[];
  heldOutLanguages: LangCode[];
};

export interface ExperimentSplit {
  trainLanguages: LangCode[];
  heldOutLanguages: LangCode[];
  trainQids: number;
  testQids: string[];
  /** What the test corpus holds: every translation of the test questions, and the pool. */
  testQuestions: number;
  testPassages: number;
}

export interface StrategyResult {
  name: BatchStrategy;
  /** "mono", "cross" or "hybrid": command lines and file names. */
  shortName: string;
  label: string;
  lossCurve: LossPoint[];
  report: EvalReport;
  adapter: Adapter;
  /** The adapter file (adapter-file.ts), with the settings in its header. */
  adapterBytes: Uint8Array;
  trainMs: number;
  evalMs: number;
}

export interface ExperimentResult {
  config: ExperimentConfig;
  encoder: { id: string; dim: number };
  corpus: { name: string; languages: LangCode[]; passages: number; questions: number };
  split: ExperimentSplit;
  baseline: { label: string; report: EvalReport; evalMs: number };
  strategies: StrategyResult[];
  /** The results table: the untrained baseline, then each strategy. */
  rows: ResultRow[];
  embedMs: number;
  totalMs: number;
}

export const BASELINE_LABEL = 'Untrained (frozen encoder)';

/** Fills in the defaults and checks the settings, naming the one that is wrong. */
export function resolveExperimentConfig(settings: ExperimentSettings): ExperimentConfig {
  const config: ExperimentConfig = {
    strategies: [...(settings.strategies ?? BATCH_STRATEGIES)],
    alpha: settings.alpha ?? 0.5,
    epochs: settings.epochs ?? 10,
    batchSize: settings.batchSize ?? 100,
    tau: settings.tau ?? DEFAULT_INFO_NCE.tau,
    lr: settings.lr ?? DEFAULT_ADAMW.lr,
    weightDecay: settings.weightDecay ?? DEFAULT_ADAMW.weightDecay,
    rank: settings.rank ?? 0,
    testFraction: settings.testFraction ?? 0.2,
    heldOutLanguages: [...(settings.heldOutLanguages ?? [])],
    seed: settings.seed,
  };
  const fail = (what: string) => {
    throw new RangeError(`runExperiment: ${what}`);
  };
  if (config.strategies.length === 0) fail('strategies is empty; give at least one of monolingual, cross-lingual, hybrid');
  for (const s of config.strategies) if (!BATCH_STRATEGIES.includes(s)) fail(`unknown strategy "${s}"; expected monolingual, cross-lingual or hybrid`);
  if (new Set(config.strategies).size !== config.strategies.length) fail(`strategies lists one twice (${config.strategies.join(', ')})`);
  if (!(config.alpha >= 0 && config.alpha <= 1)) fail(`alpha must be in [0, 1], got ${config.alpha}`);
  if (!Number.isInteger(config.epochs) || config.epochs < 1) fail(`epochs must be a positive integer, got ${config.epochs}`);
  if (!Number.isInteger(config.batchSize) || config.batchSize < 2) fail(`batchSize must be an integer >= 2 (in-batch negatives), got ${config.batchSize}`);
  if (!(config.tau > 0)) fail(`tau must be positive, got ${config.tau}`);
  if (!(config.lr > 0)) fail(`lr must be positive, got ${config.lr}`);
  if (!(config.weightDecay >= 0)) fail(`weightDecay must be >= 0, got ${config.weightDecay}`);
  if (!Number.isInteger(config.rank) || config.rank < 0) fail(`rank must be a non-negative integer (0 = full), got ${config.rank}`);
  if (!(config.testFraction > 0 && config.testFraction < 1)) fail(`testFraction must be in (0, 1), got ${config.testFraction}`);
  if (!Number.isFinite(config.seed)) fail(`seed must be a number, got ${config.seed}`);
  return config;
}

/**
 * The paper's comparison, as adapter training over a frozen encoder: embed every passage and
 * question once, split by question id, train one adapter per batch strategy on the training
 * split, and evaluate the untrained encoder and each adapter on the test split in the three
 * settings (mono, cross, multilingual) with the same evaluation loop as `npm run eval`.
 * Deterministic: the same corpus, embeddings and settings give the same numbers.
 */
export async function runExperiment(options: ExperimentOptions): Promise<ExperimentResult> {
  const started = performance.now();
  const { corpus, encoder, signal, onProgress } = options;
  const config = resolveExperimentConfig(options);
  const dim = encoder.dim;
  if (corpus.passages.length === 0 || corpus.questions.length === 0) {
    throw new RangeError(
      `runExperiment: corpus "${corpus.name}" has ${corpus.passages.length} passages and ${corpus.questions.length} questions; training needs both`,
    );
  }

  const embedStart = performance.now();
  const embed = async (texts: string[], kind: 'query' | 'passage') => {
    const rows = await encoder.embed(texts, kind, { signal, onProgress: (p) => onProgress?.({ phase: 'embed', ...p }) });
    if (rows.length !== texts.length * dim) throw new Error(`encoder ${encoder.id} returned ${rows.length / dim} rows for ${texts.length} ${kind} texts`);
    return rows;
  };
  const passageEmb = await embed(
    corpus.passages.map((p) => p.text),
    'passage',
  );
  const queryEmb = await embed(
    corpus.questions.map((q) => q.text),
    'query',
  );
  const embedMs = performance.now() - embedStart;
  signal?.throwIfAborted();

  const pairs = buildPairsIndexFromCorpus(corpus);
  const split = splitByQid(pairs, { testFraction: config.testFraction, seed: config.seed, heldOutLanguages: config.heldOutLanguages });
  if (split.testQids.length === 0)
    throw new RangeError(`runExperiment: testFraction ${config.testFraction} of ${pairs.qids.length} questions leaves no test question`);
  if (split.train.qids.length < 2) throw new RangeError(`runExperiment: only ${split.train.qids.length} question(s) left to train on; lower testFraction`);

  const testCorpus = selectTestCorpus(corpus, split.testQids);
  const rowOf = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item, i) => [item.id, i]));
  const questionRow = rowOf(corpus.questions);
  const passageRow = rowOf(corpus.passages);
  const testQueryEmb = selectRows(
    queryEmb,
    dim,
    testCorpus.questions.map((q) => questionRow.get(q.id)!),
  );
  const testPassageEmb = selectRows(
    passageEmb,
    dim,
    testCorpus.passages.map((p) => passageRow.get(p.id)!),
  );

  const evaluate = async (name: 'baseline' | BatchStrategy, adapter: Adapter | null) => {
    const evalStart = performance.now();
    const transform = async (m: Float32Array) => (adapter ? applyAdapterWith(adapter, m, m.length / dim, dim, options.products) : m);
    const retrieverName = adapter ? `${encoder.id} + ${STRATEGY_SHORT_NAMES[name as BatchStrategy]} adapter` : encoder.id;
    // Rows are transformed once here rather than per pool by the dense retriever's hook.
    const adapted = createPrecomputedEncoder({
      id: retrieverName,
      dim,
      queries: { texts: testCorpus.questions.map((q) => q.text), rows: await transform(testQueryEmb) },
      passages: { texts: testCorpus.passages.map((p) => p.text), rows: await transform(testPassageEmb) },
    });
    const report = await evaluateCorpus(testCorpus, createDenseRetriever(adapted, { name: retrieverName, backend: options.scoreBackend }), {
      keepQueries: options.keepQueries ?? false,
      settings: options.settings,
      signal,
      onProgress: (p) => onProgress?.({ phase: 'evaluate', name, ...p }),
    });
    return { report, evalMs: performance.now() - evalStart };
  };

  const baseline = { label: BASELINE_LABEL, ...(await evaluate('baseline', null)) };
  // The settings each adapter is trained with, also recorded in its file's header.
  const { alpha, epochs, batchSize, tau, lr, weightDecay, seed } = config;
  const hyper = { alpha, epochs, batchSize, tau, lr, weightDecay, seed };
  const strategies: StrategyResult[] = [];
  for (const strategy of config.strategies) {
    const trainStart = performance.now();
    const { adapter, lossCurve } = await trainAdapter({
      queryEmb,
      passageEmb,
      dim,
      pairs: split.train,
      strategy,
      ...hyper,
      rank: config.rank,
      products: options.products,
      signal,
      onProgress: (epoch, step, loss, totalSteps) => onProgress?.({ phase: 'train', strategy, epoch, step, loss, totalSteps }),
    });
    const trainMs = performance.now() - trainStart;
    const { report, evalMs } = await evaluate(strategy, adapter);
    const adapterBytes = serializeAdapter(adapter, {
      strategy,
      ...hyper,
      testFraction: config.testFraction,
      trainLanguages: split.trainLanguages.join(','),
      encoder: encoder.id,
      corpus: corpus.name,
    });
    strategies.push({
      name: strategy,
      shortName: STRATEGY_SHORT_NAMES[strategy],
      label: STRATEGY_LABELS[strategy],
      lossCurve,
      report,
      adapter,
      adapterBytes,
      trainMs,
      evalMs,
    });
  }

  return {
    config,
    encoder: { id: encoder.id, dim },
    corpus: { name: corpus.name, languages: [...corpus.languages], passages: corpus.passages.length, questions: corpus.questions.length },
    split: {
      trainLanguages: split.trainLanguages,
      heldOutLanguages: split.heldOutLanguages,
      trainQids: split.trainQids.length,
      testQids: [...split.testQids].sort(),
      testQuestions: testCorpus.questions.length,
      testPassages: testCorpus.passages.length,
    },
    baseline,
    strategies,
    rows: [buildResultRow('baseline', BASELINE_LABEL, baseline.report), ...strategies.map((s) => buildResultRow(s.name, s.label, s.report))],
    embedMs,
    totalMs: performance.now() - started,
  };
}
