/**
 * Page side of the training worker: one worker per run (so a finished or cancelled run frees its
 * memory), progress callbacks, and cancel by message, with the worker terminated if it does not
 * stop in time (the supervisor in src/encoder/supervised-worker.ts does the watching).
 */
import type { Corpus } from '../../../core/corpus/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { ExperimentResult } from '../../../core/training/run-experiment';
import { superviseWorker, type JobReply, type WorkerLike } from '../../../encoder/supervised-worker';
import type { LossPoint, TrainingJob, TrainingProductsInfo, TrainingWorkerIn, TrainingWorkerOut } from './training-messages';

/** The parts of a Worker the client uses (a real Worker, or an in-process stand-in in tests). */
export type TrainingWorkerLike = WorkerLike<TrainingWorkerIn, TrainingWorkerOut>;

export interface TrainingRunCallbacks {
  signal?: AbortSignal;
  onStage?: (info: ProgressInfo) => void;
  onLoss?: (points: LossPoint[], totalSteps: number) => void;
}

export interface TrainingRunOutcome {
  result: ExperimentResult;
  /** The test split the reports were scored on. */
  testCorpus: Corpus;
  /** From the worker's start of the job to its result, measured in the worker. */
  workerMs: number;
  /** Generating the synthetic benchmark (0 for embeddings from the page). */
  generateMs: number;
  /** Which kernel multiplied the training and adapter products, and why. */
  products: TrainingProductsInfo;
}

export interface TrainingClient {
  /** Runs one experiment; rejects with an AbortError when the signal aborts. */
  run(job: TrainingJob, callbacks?: TrainingRunCallbacks): Promise<TrainingRunOutcome>;
}

export interface TrainingClientOptions {
  createWorker?: () => TrainingWorkerLike;
  /** How long a cancelled worker may take to stop before it is terminated. Default 2000 ms. */
  cancelGraceMs?: number;
}

function createDefaultWorker(): TrainingWorkerLike {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training' }) as unknown as TrainingWorkerLike;
}

function abortError(): DOMException {
  return new DOMException('training cancelled', 'AbortError');
}

/** The worker runs one job and ends with it. */
const RUN = 1;

/** What a message from the training worker means for its one job. */
function readReply(m: TrainingWorkerOut): JobReply {
  if (m.type === 'done') return { job: RUN, kind: 'done' };
  if (m.type === 'error') return { job: RUN, kind: 'failed', error: m.cancelled ? abortError() : new Error(m.message) };
  return { job: RUN, kind: 'progress' };
}

export function createTrainingClient(options: TrainingClientOptions = {}): TrainingClient {
  const createWorker = options.createWorker ?? createDefaultWorker;
  const grace = options.cancelGraceMs ?? 2000;
  return {
    async run(job, callbacks = {}) {
      const { signal } = callbacks;
      if (signal?.aborted) throw abortError();
      const worker = superviseWorker<TrainingWorkerIn, TrainingWorkerOut>({
        name: 'training',
        createWorker,
        readReply,
        cancelMessage: () => ({ type: 'cancel' }),
        cancelGraceMs: grace,
      });
      worker.start();
      const transfer = job.source.kind === 'embeddings' ? [job.source.queryRows.buffer, job.source.passageRows.buffer] : [];
      const onProgress = (m: TrainingWorkerOut) => {
        if (m.type === 'stage') callbacks.onStage?.(m.info);
        else if (m.type === 'loss') callbacks.onLoss?.(m.points, m.totalSteps);
      };
      try {
        const m = await worker.run(RUN, { type: 'run', job }, { signal, onProgress, transfer: transfer as Transferable[] });
        if (m.type !== 'done') throw new Error(`the training worker answered ${m.type}`);
        return { result: m.result, testCorpus: m.testCorpus, workerMs: m.workerMs, generateMs: m.generateMs, products: m.products };
      } catch (e) {
        throw signal?.aborted ? abortError() : e;
      } finally {
        worker.dispose('the training run ended');
      }
    },
  };
}
