/// <reference lib="webworker" />
/**
 * The browser half of `npm run bench:score`: times the scoring product and the whole dense
 * evaluation (scripts/bench-score-tasks.ts) on onnxruntime-web in a worker, as the app's workers
 * score. One worker per request, because onnxruntime-web starts one runtime build per worker.
 */
import jsepMjs from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import jsepWasm from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import plainMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { typescriptBackend } from '../../src/core/scoring/score-backend';
import { createOrtWebBackend, hasWebNn, type ScoreBuilds, type ScoreDevice } from '../../src/encoder/ort-web-backend';
import { benchmark, timeEvaluation, timeProduct } from '../../scripts/bench-score-tasks';

declare const self: DedicatedWorkerGlobalScope;

const here = (url: string) => new URL(url, self.location.href).href;
const builds: ScoreBuilds = {
  plain: { mjs: here(plainMjs), wasm: here(plainWasm) },
  jsep: { mjs: here(jsepMjs), wasm: here(jsepWasm) },
};

export type ScoringBenchRequest =
  | { op: 'product'; device: ScoreDevice | 'typescript'; threads: number; queries: number; passages: number; repeats: number; parity: boolean }
  | { op: 'evaluate'; device: ScoreDevice; threads: number; questions?: number };

async function handle(request: ScoringBenchRequest) {
  const environment = {
    crossOriginIsolated: self.crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency,
    webnn: hasWebNn(),
    webgpu: 'gpu' in navigator,
  };
  const generateStart = performance.now();
  benchmark(request.op === 'evaluate' ? request.questions : undefined);
  const generateMs = performance.now() - generateStart;
  if (request.op === 'evaluate') {
    return { environment, generateMs, evaluation: await timeEvaluation([createOrtWebBackend(request.device, builds, request.threads)], request.questions) };
  }
  const { queries, passages, repeats } = request;
  const reference = request.parity ? (await timeProduct(typescriptBackend, queries, passages, 1)).scores : undefined;
  const backend = request.device === 'typescript' ? typescriptBackend : createOrtWebBackend(request.device, builds, request.threads);
  const { scores: _scores, ...timing } = await timeProduct(backend, queries, passages, repeats, reference);
  return { environment, generateMs, product: timing };
}

self.onmessage = async (event: MessageEvent<ScoringBenchRequest>) => {
  try {
    self.postMessage({ ok: true, result: await handle(event.data) });
  } catch (e) {
    self.postMessage({ ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
};
