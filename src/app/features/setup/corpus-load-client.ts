/** Opens a corpus in a fresh worker (corpus-load.worker.ts) with progress and cancel; the worker ends with the load. */
import { CorpusError } from '../../../core/corpus/corpus-error';
import { joinCorpus, type CorpusPart, type LoadedWithParts } from '../../../core/corpus/corpus-parts';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { CorpusRef } from '../../../core/view-state/view-state';
import { superviseWorker, type JobReply } from '../../../encoder/supervised-worker';
import type { CorpusLoadIn, CorpusLoadOut, FetchReply, SentError } from './corpus-load-messages';
import { CorpusTooLarge, openCorpus } from './open-corpus';

/** A parse cannot stop halfway; after this long the worker is terminated instead. */
const CANCEL_GRACE_MS = 300;
const RUN = 1;

export class CorpusLoadCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CorpusLoadCancelled';
  }
}

/** The worker's error as the page's own error types, so messages still name file and place. */
export function receiveError(e: SentError): Error {
  if (e.name === 'CorpusError' && e.file !== undefined) {
    const error = new CorpusError(e.file, e.where ?? '', e.expected ?? '');
    error.message = e.message;
    return error;
  }
  const error = e.name === 'CorpusTooLarge' ? new CorpusTooLarge(e.message) : new Error(e.message);
  if (e.name !== 'CorpusTooLarge') error.name = e.name;
  return error;
}

/** Fetches for the worker under the page's policy (FetchReply); the body streams on to it. */
async function fetchFor(id: number, url: string, signal: AbortSignal | undefined, reply: (m: FetchReply, transfer?: Transferable[]) => void): Promise<void> {
  try {
    const r = await fetch(url, { signal });
    const head = { type: 'fetched' as const, id, status: r.status, statusText: r.statusText, headers: [...r.headers] };
    try {
      reply({ ...head, body: r.body }, r.body ? [r.body] : []);
    } catch {
      // Browsers that cannot transfer a stream get the whole body.
      const body = await r.arrayBuffer();
      reply({ ...head, body }, [body]);
    }
  } catch (e) {
    reply({ type: 'fetch-failed', id, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
  }
}

function readReply(m: CorpusLoadOut): JobReply | null {
  if (m.type === 'fetch') return null;
  if (m.type === 'load-progress' || m.type === 'load-part') return { job: RUN, kind: 'progress' };
  if (m.type === 'load-done') return { job: RUN, kind: 'done' };
  return { job: RUN, kind: 'failed', error: m.cancelled ? new CorpusLoadCancelled() : receiveError(m.error) };
}

export async function openCorpusInWorker(
  ref: CorpusRef,
  opts: { files?: readonly File[]; signal?: AbortSignal; dim?: number; onProgress?: (p: ProgressInfo) => void } = {},
): Promise<LoadedWithParts> {
  // Where there are no workers (unit tests in Node), the same code runs here.
  if (typeof Worker === 'undefined') return openCorpus(ref, opts);
  const worker = superviseWorker<CorpusLoadIn, CorpusLoadOut>({
    name: 'corpus',
    createWorker: () => new Worker(new URL('./corpus-load.worker.ts', import.meta.url), { type: 'module', name: 'corpus' }),
    readReply,
    onOther: (m) => m.type === 'fetch' && void fetchFor(m.id, m.url, opts.signal, (reply, transfer) => worker.post(reply, transfer)),
    cancelMessage: () => ({ type: 'cancel' }),
    cancelGraceMs: CANCEL_GRACE_MS,
  });
  const join = joinCorpus();
  const parts: CorpusPart[] = [];
  worker.start();
  try {
    const onProgress = (m: CorpusLoadOut) => {
      if (m.type === 'load-part') {
        join.add(m.part);
        parts.push(m.part);
      } else if (m.type === 'load-progress') opts.onProgress?.(m.info);
    };
    await worker.run(RUN, { type: 'open', job: { ref, files: opts.files ? [...opts.files] : undefined, dim: opts.dim } }, { signal: opts.signal, onProgress });
    return { ...join.finish(), parts };
  } catch (e) {
    throw opts.signal?.aborted ? new CorpusLoadCancelled() : e;
  } finally {
    worker.dispose('the corpus was loaded');
  }
}
