/// <reference lib="webworker" />
/**
 * Fetches and parses one corpus off the page (openCorpus, the code the page ran before), posting
 * progress, then hands the corpus over in parts (corpus-parts.ts) so reading it never freezes
 * the page. Cancel aborts the fetch; a parse in progress cannot be interrupted, so the page
 * terminates the worker when it does not answer in time.
 */
import { CorpusError } from '../../../core/corpus/corpus-error';
import { splitCorpus } from '../../../core/corpus/corpus-parts';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { CorpusLoadIn, CorpusLoadJob, CorpusLoadOut, FetchReply, SentError } from './corpus-load-messages';
import { openCorpus } from './open-corpus';

declare const self: DedicatedWorkerGlobalScope;

/** Reading one part on the page must stay a short task: a few MB of strings at most. */
const PART_SIZE = 1000;
const PROGRESS_EVERY_MS = 100;
let controller: AbortController | null = null;
const fetches = new Map<number, { resolve(r: Response): void; reject(e: Error): void }>();
let fetchIds = 0;

/** fetch through the page (see FetchReply): a failure comes back as the page's fetch reported it. */
const pageFetch: typeof fetch = (input) =>
  new Promise<Response>((resolve, reject) => {
    const id = ++fetchIds;
    fetches.set(id, { resolve, reject });
    post({ type: 'fetch', id, url: input instanceof Request ? input.url : String(input) });
  });

function answerFetch(m: FetchReply): void {
  const waiting = fetches.get(m.id);
  fetches.delete(m.id);
  if (!waiting) return;
  if (m.type === 'fetched') waiting.resolve(new Response(m.body, { status: m.status, statusText: m.statusText, headers: m.headers }));
  else waiting.reject(m.name === 'AbortError' ? new DOMException(m.message, 'AbortError') : new TypeError(m.message));
}

function post(message: CorpusLoadOut): void {
  self.postMessage(message);
}

function sendError(e: unknown): SentError {
  if (e instanceof CorpusError) return { name: e.name, message: e.message, file: e.file, where: e.where, expected: e.expected };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

async function open(job: CorpusLoadJob): Promise<void> {
  controller = new AbortController();
  const signal = controller.signal;
  let lastPost = 0;
  let lastStage = '';
  const onProgress = (info: ProgressInfo) => {
    const now = performance.now();
    // A new stage is always shown; byte counts at most every 100 ms.
    if (info.stage === lastStage && now - lastPost < PROGRESS_EVERY_MS) return;
    lastPost = now;
    lastStage = info.stage;
    post({ type: 'load-progress', info });
  };
  try {
    const loaded = await openCorpus(job.ref, { files: job.files, signal, dim: job.dim, onProgress, fetch: pageFetch });
    const passages = loaded.corpus.passages.length;
    let sent = 0;
    for (const part of splitCorpus(loaded, PART_SIZE)) {
      signal.throwIfAborted();
      post({ type: 'load-part', part });
      if (part.kind === 'passages') onProgress({ stage: 'Handing over passages…', done: (sent += part.ids.ends.length), total: passages });
    }
    post({ type: 'load-done' });
  } catch (e) {
    post({ type: 'load-error', error: sendError(signal.aborted ? new Error('cancelled') : e), cancelled: signal.aborted });
  }
}

self.onmessage = (event: MessageEvent<CorpusLoadIn>) => {
  const message = event.data;
  if (message.type === 'open') void open(message.job);
  else if (message.type === 'cancel') controller?.abort(new DOMException('cancelled', 'AbortError'));
  else answerFetch(message);
};
