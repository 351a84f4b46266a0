/** What the browser keeps for the dense models (model files, embeddings), and clearing it. */
import { deleteEmbeddingCache } from '../../encoder/embedding-store';

/** transformers.js keeps downloaded model files in this Cache API cache (its env.cacheKey default). */
const MODEL_FILES_CACHE = 'transformers-cache';
const DELETE_TIMEOUT_MS = 3000;

export interface CacheStatus {
  /** The origin's whole storage use and quota, in bytes, when the browser says. */
  usage?: number;
  quota?: number;
  modelFiles: number;
  modelBytes: number;
}

export async function readCacheStatus(): Promise<CacheStatus> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  let modelFiles = 0;
  let modelBytes = 0;
  if (globalThis.caches && (await caches.has(MODEL_FILES_CACHE))) {
    const cache = await caches.open(MODEL_FILES_CACHE);
    for (const request of await cache.keys()) {
      modelFiles++;
      const response = await cache.match(request);
      modelBytes += Number(response?.headers.get('content-length') ?? 0);
    }
  }
  return { usage: estimate?.usage, quota: estimate?.quota, modelFiles, modelBytes };
}

/**
 * Deletes downloaded model files and cached embeddings. Resolves with a sentence for the person;
 * the embedding database cannot be deleted while a page holds it open, which is then said.
 */
export async function clearModelCaches(): Promise<string> {
  if (globalThis.caches) await caches.delete(MODEL_FILES_CACHE);
  const deleted = await Promise.race([
    deleteEmbeddingCache().then(() => true),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), DELETE_TIMEOUT_MS)),
  ]).catch(() => false);
  return deleted
    ? 'Cleared downloaded models and cached embeddings.'
    : 'Cleared downloaded models; cached embeddings will be removed once no tab of this app has them open (close other tabs, or reload).';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
  return `${(bytes / (1024 * 1024 * 1024)).toFixed(2)} GB`;
}
