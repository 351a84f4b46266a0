/**
 * Test page for the scoring backends (scoring-harness.html): `npm run bench:score` and the
 * end-to-end test call window.scoringHarness.run(request), which runs it in a fresh worker.
 */
import type { ScoringBenchRequest } from './scoring-bench.worker';

function run(request: ScoringBenchRequest): Promise<unknown> {
  const worker = new Worker(new URL('./scoring-bench.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ ok: boolean; result?: unknown; error?: string }>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else reject(new Error(e.data.error));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(`the scoring worker failed: ${e.message}`));
    };
    worker.postMessage(request);
  });
}

declare global {
  interface Window {
    scoringHarness: { run: typeof run };
  }
}

window.scoringHarness = { run };
const status = document.getElementById('status')!;
status.textContent = `Ready. Cross-origin isolated: ${self.crossOriginIsolated}; WebNN (navigator.ml): ${'ml' in navigator}; WebGPU API: ${'gpu' in navigator}.`;
document.body.dataset.ready = 'true';
