/**
 * The scoring backend of an app worker (evaluation, ranking): onnxruntime-web on WebGPU when the
 * device policy trusts the adapter (a real GPU, not SwiftShader), else on WASM with a thread per
 * core, behind the parity probe that falls back to the TypeScript kernel and says why
 * (core/scoring/probed-backend.ts). One per worker: onnxruntime-web starts once per worker.
 */
import jsepMjs from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import jsepWasm from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import plainMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { createProbedBackend, type ProbedBackend } from '../../../core/scoring/probed-backend';
import { chooseThreads } from '../../../encoder/device-policy';
import { webScoreCandidates, type ScoreBuilds } from '../../../encoder/ort-web-backend';

const here = (url: string) => new URL(url, self.location.href).href;

let backend: Promise<ProbedBackend> | null = null;
const listeners = new Set<(message: string) => void>();

/**
 * The worker's backend, made on first use. `minQueries`: blocks of fewer queries are scored by
 * the TypeScript kernel (the ranking worker's single queries), where a runtime call costs more
 * than it saves. Notices (a candidate dropped, and why) go to every `onNotice` given.
 */
export function workerScoreBackend(onNotice: (message: string) => void, minQueries = 1): Promise<ProbedBackend> {
  listeners.add(onNotice);
  backend ??= (async () => {
    const builds: ScoreBuilds = { plain: { mjs: here(plainMjs), wasm: here(plainWasm) }, jsep: { mjs: here(jsepMjs), wasm: here(jsepWasm) } };
    const threads = chooseThreads(self.crossOriginIsolated, navigator.hardwareConcurrency).threads;
    const { candidates } = await webScoreCandidates('auto', builds, threads);
    return createProbedBackend(candidates, { minQueries, onNotice: (m) => listeners.forEach((l) => l(m)) });
  })();
  return backend;
}
