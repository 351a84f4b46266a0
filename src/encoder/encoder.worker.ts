/// <reference lib="webworker" />
/**
 * The encoder's Web Worker entry: the worker owns the model (worker-host.ts). onnxruntime-web's
 * runtime files are bundled as assets of this origin, so no request goes to a CDN: the asyncify
 * build (which transformers.js picks, needed for WebGPU) and the plain threaded build (WASM only).
 */
import asyncifyMjs from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import asyncifyWasm from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import plainMjs from 'onnxruntime-web/ort-wasm-simd-threaded.mjs?url';
import plainWasm from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import { startWorkerHost, type WorkerScope } from './worker-host';

const here = (url: string) => new URL(url, self.location.href).href;

startWorkerHost(self as unknown as WorkerScope, {
  asyncify: { mjs: here(asyncifyMjs), wasm: here(asyncifyWasm) },
  plain: { mjs: here(plainMjs), wasm: here(plainWasm) },
});
