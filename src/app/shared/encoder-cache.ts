/** Clearing what the browser keeps for the dense models (model files, embeddings, restored embeddings files); model-cache-listing.ts reads it. */
import { deleteEmbeddingCache } from '../../encoder/embedding-store';
import { TRANSFORMERS_CACHE as MODEL_FILES_CACHE } from '../../encoder/model-file-cache';
import { deleteRestoredSets } from './restored-rows-store';

const DELETE_TIMEOUT_MS = 3000;

/**
 * Deletes downloaded model files and cached embeddings. Resolves with a sentence for the person;
 * the embedding database cannot be deleted while a page holds it open, which is then said.
 */
export async function clearModelCaches(): Promise<string> {
  if (globalThis.caches) await caches.delete(MODEL_FILES_CACHE);
  const deleted = await Promise.race([
    Promise.all([deleteEmbeddingCache(), deleteRestoredSets()]).then(() => true),
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
