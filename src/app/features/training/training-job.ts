/**
 * The training worker's behaviour, apart from the Worker global so it runs (and is tested) in
 * any JavaScript context: one experiment at a time, loss points batched, cancel honoured.
 */
import { runExperiment, type ExperimentProgress } from '../../../core/training/run-experiment';
import { createPrecomputedEncoder } from '../../../core/training/precomputed-encoder';
import { selectTestCorpus } from '../../../core/training/test-corpus';
import { generateSyntheticBenchmark } from '../../../core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../../../core/training/synthetic-corpus';
import type { ProbedProducts } from '../../../core/numeric/probed-products';
import type { LossPoint, TrainingJob, TrainingProductsInfo, TrainingWorkerIn, TrainingWorkerOut } from './training-messages';

/** How often buffered loss points, and stage updates, go to the page: each one redraws the panel. */
const LOSS_FLUSH_MS = 100;
const STAGE_EVERY_MS = 100;

export type PostTrainingMessage = (message: TrainingWorkerOut, transfer?: Transferable[]) => void;

function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

export interface TrainingHostOptions {
  /** The faster products backend for jobs that allow it (the real worker's onnxruntime-web); none: TypeScript. */
  products?: () => ProbedProducts;
}

/** The job's products backend: the host's when the job allows it and it starts; else TypeScript, and why. */
function productsFor(job: TrainingJob, opts: TrainingHostOptions): { products?: ProbedProducts; info: () => TrainingProductsInfo } {
  const typescript = (detail: string) => ({ info: () => ({ backend: 'TypeScript', detail }) });
  if (job.products === 'typescript') return typescript('TypeScript (asked for)');
  if (!opts.products) return typescript('TypeScript (no other backend in this context)');
  try {
    const products = opts.products();
    return { products, info: () => ({ backend: products.name, detail: products.status }) };
  } catch (e) {
    return typescript(`TypeScript (the faster backend did not start: ${e instanceof Error ? e.message : String(e)})`);
  }
}

async function runJob(job: TrainingJob, post: PostTrainingMessage, signal: AbortSignal, opts: TrainingHostOptions): Promise<void> {
  const started = performance.now();
  const { products, info } = productsFor(job, opts);
  let generateMs = 0;
  let input;
  if (job.source.kind === 'synthetic') {
    post({ type: 'stage', info: { stage: 'generating the synthetic benchmark', done: 0, total: 1 } });
    const { seed, questions, dim } = job.source;
    // Only the sizes given: an undefined one would override the generator's default.
    const bench = generateSyntheticBenchmark({ seed, ...(questions !== undefined && { questions }), ...(dim !== undefined && { dim }) });
    input = buildSyntheticCorpus(bench, `synthetic benchmark (seed ${job.source.seed})`);
    generateMs = performance.now() - started;
  } else {
    const { corpus, encoderId, dim, queryRows, passageRows } = job.source;
    const encoder = createPrecomputedEncoder({
      id: encoderId,
      dim,
      queries: { texts: corpus.questions.map((q) => q.text), rows: queryRows },
      passages: { texts: corpus.passages.map((p) => p.text), rows: passageRows },
    });
    input = { corpus, encoder };
  }

  let pending: LossPoint[] = [];
  let totalSteps = 0;
  let lastFlush = performance.now();
  let lastStageKey = '';
  let lastStage = 0;
  const flush = () => {
    if (pending.length) post({ type: 'loss', points: pending, totalSteps });
    pending = [];
    lastFlush = performance.now();
  };
  const onProgress = (p: ExperimentProgress) => {
    if (p.phase === 'train') {
      totalSteps = p.totalSteps;
      pending.push({ strategy: p.strategy, epoch: p.epoch, step: p.step, loss: p.loss });
      if (p.step === p.totalSteps - 1 || performance.now() - lastFlush >= LOSS_FLUSH_MS) flush();
      return;
    }
    flush();
    // A new phase is shown at once; within one, a few updates a second are enough.
    const key = p.phase === 'embed' ? `embed ${p.stage}` : `evaluate ${p.name}`;
    const now = performance.now();
    if (key === lastStageKey && now - lastStage < STAGE_EVERY_MS) return;
    lastStageKey = key;
    lastStage = now;
    const what = p.phase === 'embed' ? p.stage : `evaluating ${p.name === 'baseline' ? 'the untrained encoder' : p.name}: ${p.stage}`;
    post({ type: 'stage', info: { stage: what, done: p.done, total: p.total } });
  };

  const result = await runExperiment({ ...input, ...job.settings, keepQueries: job.keepQueries, signal, onProgress, products });
  flush();
  post({
    type: 'done',
    result,
    testCorpus: selectTestCorpus(input.corpus, result.split.testQids),
    workerMs: performance.now() - started,
    generateMs,
    products: info(),
  });
}

/** Returns the handler for messages from the page; replies go through `post`. */
export function createTrainingWorkerHost(post: PostTrainingMessage, opts: TrainingHostOptions = {}): (message: TrainingWorkerIn) => void {
  let controller: AbortController | null = null;
  return (message) => {
    if (message.type === 'cancel') {
      controller?.abort(new DOMException('training cancelled', 'AbortError'));
      return;
    }
    if (controller) {
      post({ type: 'error', message: 'a training run is already in progress in this worker', cancelled: false });
      return;
    }
    const own = new AbortController();
    controller = own;
    runJob(message.job, post, own.signal, opts)
      .catch((e: unknown) => {
        const cancelled = own.signal.aborted && isAbort(e);
        post({ type: 'error', message: cancelled ? 'training cancelled' : e instanceof Error ? e.message : String(e), cancelled });
      })
      .finally(() => {
        controller = null;
      });
  };
}
