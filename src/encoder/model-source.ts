/**
 * Points transformers.js at a model's files: the hub, the app's own /models/ folder, or a picked
 * folder held in memory. transformers.js v4 reads every file through `env.fetch` when there is no
 * file system, and treats a model name that is not a hub id (one starting with "/") as a path, so
 * a picked folder is served by a fetch wrapper that answers that path prefix from memory.
 */
import { env } from '@huggingface/transformers';
import { type Dtype, type ModelEntry } from './model-registry';
import { missingFiles } from './model-files';
import type { ModelSource } from './worker-protocol';

const PICKED_PREFIX = '/__picked-model__/';
let pickedCount = 0;
const networkFetch = env.fetch as typeof fetch;
const HUB_HOST = env.remoteHost;

function memoryResponse(bytes: ArrayBuffer | undefined, url: string): Response {
  if (!bytes) return new Response(`not in the picked folder: ${url}`, { status: 404, statusText: 'Not Found' });
  return new Response(bytes.slice(0), { status: 200, headers: { 'content-length': String(bytes.byteLength) } });
}

/**
 * Sets env for this source and returns the name to give pipeline(). Call before every load: env
 * is global, and the worker loads one model at a time.
 */
export function useModelSource(source: ModelSource, entry: ModelEntry, dtype: Dtype, baseUrl: string, netFetch: typeof fetch = networkFetch): string {
  env.fetch = netFetch;
  env.remoteHost = HUB_HOST;
  if (source.type === 'hub') {
    if (!entry.hub) throw new Error(`${entry.label} is not on the Hugging Face hub; load it from the app's /models/ folder or a picked folder`);
    // A mirror with the hub's layout (<host>/<id>/resolve/main/<file>), e.g. a company proxy or a test server.
    if (source.host) env.remoteHost = source.host.endsWith('/') ? source.host : `${source.host}/`;
    env.allowLocalModels = false;
    env.allowRemoteModels = true;
    // Hub files are worth keeping: transformers.js stores them in the Cache API.
    env.useBrowserCache = true;
    return entry.hub;
  }
  env.allowLocalModels = true;
  env.allowRemoteModels = false;
  // Local files are already local; caching them would only serve stale copies after a change.
  env.useBrowserCache = false;
  if (source.type === 'served') {
    // A path, not a URL: transformers.js skips its local-file checks (and so the tokenizer) for URLs.
    env.localModelPath = toPath(source.baseUrl ?? `${baseUrl}models/`);
    return entry.local;
  }
  const missing = missingFiles(entry, dtype, source.files);
  if (missing.length)
    throw new MissingModelFileError(`the picked folder "${source.name}" has no ${missing.join(', ')} (needed for dtype ${dtype})`, missing[0]);
  // A fresh prefix per load: transformers.js memoises file metadata by path.
  const prefix = `${PICKED_PREFIX}${++pickedCount}/`;
  env.fetch = async (input: string | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input.href;
    const at = url.indexOf(prefix);
    if (at < 0) return netFetch(input, init);
    return memoryResponse(source.files[decodeURIComponent(url.slice(at + prefix.length))], url);
  };
  return prefix.slice(0, -1);
}

/** "/models/" from "http://localhost:5173/models/"; the models must be on this origin. */
function toPath(url: string): string {
  const path = new URL(url, self.location.href).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** A model file that is not where it should be; the message names it. */
export class MissingModelFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
    this.name = 'MissingModelFileError';
  }
}

/** Turns transformers.js' "file was not found locally at ..." into a message naming the file. */
export function explainLoadError(error: unknown, source: ModelSource, entry: ModelEntry): Error {
  if (error instanceof MissingModelFileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const at = /(?:not found locally at|Local file missing at|Could not locate file:?) "?([^"\s]+)"?/i.exec(message);
  if (at) {
    const file = at[1].includes('/onnx/') ? at[1].slice(at[1].lastIndexOf('/onnx/') + 1) : at[1].split('/').pop()!;
    const where = source.type === 'served' ? `the app's models folder (${at[1]})` : source.type === 'files' ? `the picked folder "${source.name}"` : 'the hub';
    return new MissingModelFileError(`${entry.label}: ${file} is missing from ${where}`, file);
  }
  return error instanceof Error ? error : new Error(message);
}
