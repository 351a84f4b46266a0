/**
 * Page side of the training worker: one worker per run (so a finished or cancelled run frees its
 * memory), progress callbacks, and cancel by message, with the worker terminated if it does not
 * stop in time.
 */
import type { Corpus } from '../../../core/corpus/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { ExperimentResult } from '../../../core/training/run-experiment';
import type { LossPoint, TrainingJob, TrainingWorkerIn, TrainingWorkerOut } from './training-messages';

/** The parts of a Worker the client uses (a real Worker, or an in-process stand-in in tests). */
export interface TrainingWorkerLike {
  postMessage(message: TrainingWorkerIn, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<TrainingWorkerOut>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

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

export function createTrainingClient(options: TrainingClientOptions = {}): TrainingClient {
  const createWorker = options.createWorker ?? createDefaultWorker;
  const grace = options.cancelGraceMs ?? 2000;
  return {
    run(job, callbacks = {}) {
      const { signal } = callbacks;
      if (signal?.aborted) return Promise.reject(abortError());
      return new Promise<TrainingRunOutcome>((resolve, reject) => {
        const worker = createWorker();
        let settled = false;
        let killTimer: ReturnType<typeof setTimeout> | undefined;
        const finish = (outcome: { ok: true; value: TrainingRunOutcome } | { ok: false; error: unknown }) => {
          if (settled) return;
          settled = true;
          clearTimeout(killTimer);
          signal?.removeEventListener('abort', onAbort);
          worker.onmessage = null;
          worker.terminate();
          if (outcome.ok) resolve(outcome.value);
          else reject(outcome.error);
        };
        const onAbort = () => {
          worker.postMessage({ type: 'cancel' });
          killTimer = setTimeout(() => finish({ ok: false, error: abortError() }), grace);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.onmessage = (event) => {
          const message = event.data;
          if (message.type === 'stage') callbacks.onStage?.(message.info);
          else if (message.type === 'loss') callbacks.onLoss?.(message.points, message.totalSteps);
          else if (message.type === 'done') finish({ ok: true, value: { result: message.result, testCorpus: message.testCorpus, workerMs: message.workerMs, generateMs: message.generateMs } });
          else finish({ ok: false, error: message.cancelled ? abortError() : new Error(message.message) });
        };
        worker.onerror = (event) => finish({ ok: false, error: new Error(`the training worker failed: ${event.message || 'it could not start'}`) });
        const transfer = job.source.kind === 'embeddings' ? [job.source.queryRows.buffer, job.source.passageRows.buffer] : [];
        worker.postMessage({ type: 'run', job }, transfer as Transferable[]);
      });
    },
  };
}
