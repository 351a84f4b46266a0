/// <reference lib="webworker" />
/**
 * Reads and scores imported runs off the page (core's importResults, the code `npm run analyze`
 * runs), streaming each picked file so a 100 MB run never sits whole in memory and the page never
 * waits on it. Cancel aborts between chunks.
 */
import { importResults, type TextSource } from '../../../core/runs/import-results';
import { runListBuffers } from '../../../core/runs/run-lists';
import type { ResultsIn, ResultsJob, ResultsOut } from './results-messages';

declare const self: DedicatedWorkerGlobalScope;

const PROGRESS_EVERY_MS = 100;
let controller: AbortController | null = null;

function post(message: ResultsOut, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

/** A picked file as text chunks, each with the bytes it came from (for "n MB of m"). */
function fileSource(file: File): TextSource {
  return {
    name: file.name,
    size: file.size,
    async *chunks() {
      const reader = file.stream().getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        yield { text: decoder.decode(value, { stream: true }), bytes: value.byteLength };
      }
      const tail = decoder.decode();
      if (tail) yield { text: tail, bytes: 0 };
    },
  };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

async function open(job: ResultsJob): Promise<void> {
  controller = new AbortController();
  const signal = controller.signal;
  let lastPost = 0;
  let lastFile = '';
  try {
    const results = await importResults(
      {
        runs: job.runs.map(fileSource),
        qrels: job.qrels && fileSource(job.qrels),
        docLangs: job.docLangs && fileSource(job.docLangs),
        queryLangs: job.queryLangs && fileSource(job.queryLangs),
        corpus: job.corpus,
      },
      {
        signal,
        onProgress: ({ file, done, total }) => {
          const now = performance.now();
          // A new file is always shown; byte counts at most every 100 ms.
          if (file === lastFile && now - lastPost < PROGRESS_EVERY_MS && done < total) return;
          lastPost = now;
          lastFile = file;
          post({ type: 'progress', info: { stage: `Reading ${file}… ${mb(done)} MB of ${mb(total)} MB`, done, total } });
        },
      },
    );
    post(
      { type: 'done', results },
      results.runs.flatMap((r) => runListBuffers(r.lists)),
    );
  } catch (e) {
    const cancelled = signal.aborted;
    post({ type: 'error', name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e), cancelled });
  }
}

self.onmessage = (event: MessageEvent<ResultsIn>) => {
  const message = event.data;
  if (message.type === 'open') void open(message.job);
  else controller?.abort(new DOMException('cancelled', 'AbortError'));
};
