/// <reference lib="webworker" />
/**
 * Runs one whole-corpus evaluation (evaluateCorpus, the same code the CLI runs) off the page, with
 * progress and cancel, then hands back the EvalReport.
 */
import { evaluateCorpus } from '../../../core/evaluation/evaluate-corpus';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { EmbedReply, WorkerCorpus } from '../../shared/workers/worker-messages';
import { receiveCorpusParts } from '../../shared/workers/corpus-to-worker';
import type { EvaluationJob, EvaluationWorkerIn, EvaluationWorkerOut } from './evaluation-messages';
import { createPageEncoder, type PageEncoder } from '../../shared/workers/page-encoder';
import { createWorkerRetriever } from '../../shared/workers/worker-retriever';
import { workerScoreBackend } from '../../shared/workers/worker-scoring';

declare const self: DedicatedWorkerGlobalScope;

const PROGRESS_EVERY_MS = 100;
let controller: AbortController | null = null;
let pageEncoder: PageEncoder | null = null;
const parts = receiveCorpusParts();
let corpus: WorkerCorpus | null = null;

function post(message: EvaluationWorkerOut): void {
  self.postMessage(message);
}

async function run(job: EvaluationJob): Promise<void> {
  controller = new AbortController();
  const signal = controller.signal;
  let lastPost = 0;
  const onProgress = (info: ProgressInfo) => {
    const now = performance.now();
    if (now - lastPost < PROGRESS_EVERY_MS && info.done < info.total) return;
    lastPost = now;
    post({ type: 'eval-progress', info });
  };
  try {
    // Dense rows are scored on onnxruntime-web when it agrees with the TypeScript kernel.
    const backend = job.retriever.kind === 'dense' ? await workerScoreBackend((m) => console.warn(`scoring: ${m}`)) : undefined;
    const retriever = createWorkerRetriever(job.retriever, (spec) => (pageEncoder = createPageEncoder(spec, post)).encoder, undefined, backend);
    if (!corpus) throw new Error('the corpus did not arrive before the run');
    const report = await evaluateCorpus(corpus, retriever, {
      settings: job.settings,
      languages: job.languages,
      keepTop: job.keepTop,
      signal,
      onProgress,
    });
    post({ type: 'eval-done', report: backend ? { ...report, scoring: { backend: backend.name, detail: backend.status } } : report });
  } catch (e) {
    post({ type: 'eval-error', message: signal.aborted ? 'cancelled' : e instanceof Error ? e.message : String(e), cancelled: signal.aborted });
  }
}

self.onmessage = (event: MessageEvent<EvaluationWorkerIn>) => {
  const message = event.data;
  if (message.type === 'corpus-part') corpus = parts.add(message) ?? corpus;
  else if (message.type === 'run') void run(message.job);
  else if (message.type === 'cancel') controller?.abort(new DOMException('cancelled', 'AbortError'));
  else pageEncoder?.handleReply(message as EmbedReply);
};
