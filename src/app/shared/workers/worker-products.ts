/**
 * The training worker's matrix products (training steps, adapter application): onnxruntime-web on
 * WASM (threads when the page is cross-origin isolated, by the device policy's chooseThreads),
 * behind the parity probe that drops it for the TypeScript kernel and says why
 * (core/numeric/probed-products.ts). WASM, not WebGPU: each step's products are small and many,
 * and a GPU round trip per product costs more than it saves.
 */
import jsepMjs from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.mjs?url';
import jsepWasm from 'onnxruntime-web/ort-wasm-simd-threaded.jsep.wasm?url';
import plainMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { createProbedProducts, type ProbedProducts } from '../../../core/numeric/probed-products';
import { chooseThreads } from '../../../encoder/device-policy';
import { createOrtWebBackend, type ScoreBuilds } from '../../../encoder/ort-web-backend';

const here = (url: string) => new URL(url, self.location.href).href;

export function workerWasmProducts(): ProbedProducts {
  const builds: ScoreBuilds = { plain: { mjs: here(plainMjs), wasm: here(plainWasm) }, jsep: { mjs: here(jsepMjs), wasm: here(jsepWasm) } };
  const threads = chooseThreads(self.crossOriginIsolated, navigator.hardwareConcurrency).threads;
  return createProbedProducts(createOrtWebBackend('wasm', builds, threads));
}
