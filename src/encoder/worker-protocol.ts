/**
 * Messages between the page (encoder-client.ts) and the worker that owns the model
 * (encoder.worker.ts). Every request carries a job number; replies name the job they answer.
 */
import type { TextKind } from '../core/retrieval/types';
import type { DevicePreference, WebDevice } from './device-policy';
import type { LoadProgress } from './load-progress';
import type { Dtype, ModelEntry, Pooling } from './model-registry';
import type { LengthMeasure } from './pipeline-embedder';

/** Where a model's files come from. */
export type ModelSource =
  /**
   * huggingface.co (entry.hub), or `host` serving the hub's layout (<host>/<id>/resolve/main/<file>);
   * transformers.js keeps the files in the Cache API.
   */
  | { type: 'hub'; host?: string }
  /** The app's own server: <baseUrl ?? BASE_URL + 'models/'><entry.local>/ (a path on this origin). */
  | { type: 'served'; baseUrl?: string }
  /** A folder the user picked, read into memory (picked-folder.ts). Relative path -> bytes. */
  | { type: 'files'; name: string; files: Record<string, ArrayBuffer> };

export interface LoadRequest {
  model: ModelEntry;
  source: ModelSource;
  /** Default 'auto'. */
  device?: DevicePreference;
  /** Default 'auto' (device-policy.ts chooseDtype). */
  dtype?: Dtype | 'auto';
  /** Compare WebGPU with WASM on probe sentences before trusting it. Default true. */
  probe?: boolean;
  /** WASM threads; default navigator.hardwareConcurrency when cross-origin isolated, else 1. */
  threads?: number;
  /** How texts are measured for length buckets. Default 'tokens'. */
  lengths?: LengthMeasure;
  /**
   * onnxruntime-web build: 'plain' (smaller, faster, WASM only), 'asyncify' (needed for WebGPU).
   * Default 'auto': plain when the model runs on WASM alone. For diagnostics and benchmarks.
   */
  wasmBuild?: 'auto' | WasmBuild;
}

export type WasmBuild = 'plain' | 'asyncify';

export interface LoadedModelInfo {
  modelId: string;
  label: string;
  /** Encoder id: model, dtype, pooling. */
  encoderId: string;
  device: WebDevice;
  dtype: Dtype;
  pooling: Pooling;
  dim: number;
  threads: number;
  crossOriginIsolated: boolean;
  /** For a person: why this device (and dtype). */
  deviceReason: string;
  /** Lowest WebGPU-vs-WASM cosine over the probe sentences, when probed. */
  probeCosine?: number;
  loadMs: number;
}

export type NoticeKind = 'fallback' | 'device-lost' | 'cache-off' | 'worker-restarted' | 'threads';

export interface EncoderNotice {
  kind: NoticeKind;
  /** Ready to show to a person. */
  message: string;
}

export interface WasmPaths {
  mjs: string;
  wasm: string;
}

/** Where this origin serves each onnxruntime-web build. */
export type WasmBuilds = Record<WasmBuild, WasmPaths>;

export type ToWorker =
  | { type: 'load'; job: number; request: LoadRequest; baseUrl: string }
  | { type: 'embed'; job: number; texts: string[]; kind: TextKind }
  | { type: 'cancel'; job: number }
  | { type: 'dispose' };

/** 'network': a model file could not be fetched (no answer, or an HTTP error); never a device problem. */
export type ErrorCode = 'missing-file' | 'network' | 'cancelled' | 'failed';

export type FromWorker =
  | { type: 'heartbeat' }
  | { type: 'progress'; job: number; load?: LoadProgress; embed?: { done: number; total: number } }
  | { type: 'ready'; job: number; info: LoadedModelInfo }
  | { type: 'result'; job: number; rows: Float32Array; dim: number; info: LoadedModelInfo }
  | { type: 'notice'; notice: EncoderNotice }
  | { type: 'error'; job: number; message: string; code: ErrorCode };

/** How often the worker says it is alive. */
export const HEARTBEAT_MS = 1000;
