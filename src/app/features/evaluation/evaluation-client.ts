/** Runs one whole-corpus evaluation in a fresh worker; the worker ends with the run. */
import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { Encoder, ProgressInfo } from '../../../core/retrieval/types';
import type { EvaluationJob, EvaluationWorkerIn, EvaluationWorkerOut } from './evaluation-messages';
import { serveEmbeddings } from '../../shared/workers/serve-embeddings';

/** How long a cancelled worker may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 1500;

export class EvaluationCancelled extends Error {
  constructor() {
    super('evaluation cancelled');
    this.name = 'EvaluationCancelled';
  }
}

export function runEvaluationInWorker(
  job: EvaluationJob,
  opts: { signal?: AbortSignal; onProgress?: (p: ProgressInfo) => void; currentEncoder: () => Encoder | null },
): Promise<EvalReport> {
  const worker = new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module', name: 'evaluation' });
  const send = (m: EvaluationWorkerIn, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  const embeddings = serveEmbeddings((reply, transfer) => send(reply, transfer), opts.currentEncoder);
  return new Promise<EvalReport>((resolve, reject) => {
    let settled = false;
    const finish = (result: () => void) => {
      if (settled) return;
      settled = true;
      embeddings.abortAll();
      worker.terminate();
      result();
    };
    worker.onmessage = (event: MessageEvent<EvaluationWorkerOut>) => {
      const m = event.data;
      if (embeddings.handle(m)) return;
      if (m.type === 'eval-progress') opts.onProgress?.(m.info);
      else if (m.type === 'eval-done') finish(() => resolve(m.report));
      else if (m.type === 'eval-error') finish(() => reject(m.cancelled ? new EvaluationCancelled() : new Error(m.message)));
    };
    worker.onerror = (event) => finish(() => reject(new Error(`the evaluation worker failed: ${event.message || 'unknown error'}`)));
    opts.signal?.addEventListener(
      'abort',
      () => {
        send({ type: 'cancel' });
        setTimeout(() => finish(() => reject(new EvaluationCancelled())), CANCEL_GRACE_MS);
      },
      { once: true },
    );
    send({ type: 'run', job });
  });
}
