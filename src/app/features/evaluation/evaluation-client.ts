/** Runs one whole-corpus evaluation in a fresh worker; the worker ends with the run. */
import type { LoadedWithParts } from '../../../core/corpus/corpus-parts';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { postCorpusInParts } from '../../shared/workers/corpus-to-worker';
import type { Encoder, ProgressInfo } from '../../../core/retrieval/types';
import type { EvaluationJob, EvaluationWorkerIn, EvaluationWorkerOut } from './evaluation-messages';
import { serveEmbeddings } from '../../shared/workers/serve-embeddings';
import { superviseWorker, type JobReply } from '../../../encoder/supervised-worker';

/** How long a cancelled worker may take to stop by itself before it is terminated. */
const CANCEL_GRACE_MS = 1500;

export class EvaluationCancelled extends Error {
  constructor() {
    super('evaluation cancelled');
    this.name = 'EvaluationCancelled';
  }
}

/** What a message from the evaluation worker means for its one job (embed calls are about none). */
function readReply(m: EvaluationWorkerOut): JobReply | null {
  if (m.type === 'eval-progress') return { job: RUN, kind: 'progress' };
  if (m.type === 'eval-done') return { job: RUN, kind: 'done' };
  if (m.type === 'eval-error') return { job: RUN, kind: 'failed', error: m.cancelled ? new EvaluationCancelled() : new Error(m.message) };
  return null;
}

/** The worker runs one job and ends with it. */
const RUN = 1;

/** Sends the corpus in parts (corpus-to-worker.ts), then the run. */
export async function runEvaluationInWorker(
  { corpus, ...job }: EvaluationJob & { corpus: LoadedWithParts },
  opts: { signal?: AbortSignal; onProgress?: (p: ProgressInfo) => void; currentEncoder: () => Encoder | null },
): Promise<EvalReport> {
  const worker = superviseWorker<EvaluationWorkerIn, EvaluationWorkerOut>({
    name: 'evaluation',
    createWorker: () => new Worker(new URL('./evaluation.worker.ts', import.meta.url), { type: 'module', name: 'evaluation' }),
    readReply,
    onOther: (m) => embeddings.handle(m),
    cancelMessage: () => ({ type: 'cancel' }),
    cancelGraceMs: CANCEL_GRACE_MS,
  });
  const embeddings = serveEmbeddings((reply, transfer) => worker.post(reply, transfer), opts.currentEncoder);
  worker.start();
  try {
    await postCorpusInParts(corpus, RUN, (m) => worker.post(m), { signal: opts.signal });
    const m = await worker.run(RUN, { type: 'run', job }, { signal: opts.signal, onProgress: (p) => p.type === 'eval-progress' && opts.onProgress?.(p.info) });
    if (m.type !== 'eval-done') throw new Error(`the evaluation worker answered ${m.type}`);
    return m.report;
  } catch (e) {
    throw opts.signal?.aborted ? new EvaluationCancelled() : e;
  } finally {
    embeddings.abortAll();
    worker.dispose('the evaluation finished');
  }
}
