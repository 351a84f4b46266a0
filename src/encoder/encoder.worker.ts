/// <reference lib="webworker" />
/**
 * The encoder's Web Worker entry: the worker owns the model (worker-host.ts). onnxruntime-web's
 * runtime files are bundled as assets of this origin (the variant transformers.js picks), so no
 * request goes to a CDN.
 */
import ortMjsUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.mjs?url';
import ortWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { startWorkerHost, type WorkerScope } from './worker-host';

startWorkerHost(self as unknown as WorkerScope, {
  mjs: new URL(ortMjsUrl, self.location.href).href,
  wasm: new URL(ortWasmUrl, self.location.href).href,
});
