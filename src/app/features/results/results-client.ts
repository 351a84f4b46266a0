/** Opens results in a fresh worker (results.worker.ts) with progress and cancel; the worker ends with the job. */
import type { ProgressInfo } from '../../../core/retrieval/types';
import { importResults, type OpenedResults } from '../../../core/runs/import-results';
import { superviseWorker, type JobReply } from '../../../encoder/supervised-worker';
import type { ResultsIn, ResultsJob, ResultsOut } from './results-messages';

/** Reading stops between chunks; a worker that does not answer within this is terminated. */
const CANCEL_GRACE_MS = 300;
const RUN = 1;

export class ResultsCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ResultsCancelled';
  }
}

function readReply(m: ResultsOut): JobReply {
  if (m.type === 'progress') return { job: RUN, kind: 'progress' };
  if (m.type === 'done') return { job: RUN, kind: 'done' };
  if (m.cancelled) return { job: RUN, kind: 'failed', error: new ResultsCancelled() };
  const error = new Error(m.message);
  error.name = m.name;
  return { job: RUN, kind: 'failed', error };
}

/** A picked file as importResults reads it, where there are no workers (unit tests in Node). */
function inline(job: ResultsJob, signal?: AbortSignal): Promise<OpenedResults> {
  const source = (f: File) => ({
    name: f.name,
    size: f.size,
    async *chunks() {
      yield { text: await f.text(), bytes: f.size };
    },
  });
  const optional = (f: File | null) => f && source(f);
  return importResults(
    { runs: job.runs.map(source), qrels: optional(job.qrels), docLangs: optional(job.docLangs), queryLangs: optional(job.queryLangs), corpus: job.corpus },
    { signal },
  );
}

export async function openResultsInWorker(
  job: ResultsJob,
  opts: { signal?: AbortSignal; onProgress?: (p: ProgressInfo) => void } = {},
): Promise<OpenedResults> {
  if (typeof Worker === 'undefined') return inline(job, opts.signal);
  const worker = superviseWorker<ResultsIn, ResultsOut>({
    name: 'results',
    createWorker: () => new Worker(new URL('./results.worker.ts', import.meta.url), { type: 'module', name: 'results' }),
    readReply,
    cancelMessage: () => ({ type: 'cancel' }),
    cancelGraceMs: CANCEL_GRACE_MS,
  });
  worker.start();
  try {
    const onProgress = (m: ResultsOut) => m.type === 'progress' && opts.onProgress?.(m.info);
    const done = await worker.run(RUN, { type: 'open', job }, { signal: opts.signal, onProgress });
    return done.type === 'done' ? done.results : { runs: [], reports: [] };
  } catch (e) {
    throw opts.signal?.aborted ? new ResultsCancelled() : e;
  } finally {
    worker.dispose('the results were read');
  }
}
