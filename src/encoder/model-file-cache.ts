/**
 * How much of a hub model this browser already holds: transformers.js keeps every hub file it
 * finished downloading in the Cache API ('transformers-cache', keyed by the file's URL), and a
 * later load reads those from the cache. So a download cut short by a reload resumes from the
 * files already complete; the set-up panel shows how much that is.
 */
import { type Dtype, type ModelEntry } from './model-registry';
import { requiredFilesFor } from './model-files';

export const TRANSFORMERS_CACHE = 'transformers-cache';
export const HUB_HOST = 'https://huggingface.co/';

export interface CachedFiles {
  /** Files of the dtype's download already in the cache, with their sizes in bytes. */
  cached: { file: string; bytes: number }[];
  cachedBytes: number;
  /** Files still to download. */
  missing: string[];
}

/** The URL transformers.js fetches (and caches under) for a hub file. */
export function hubFileUrl(entry: ModelEntry, file: string, host = HUB_HOST): string {
  const base = host.endsWith('/') ? host : `${host}/`;
  return `${base}${entry.hub ?? entry.id}/resolve/main/${file}`;
}

export async function cachedModelFiles(entry: ModelEntry, dtype: Dtype, host = HUB_HOST): Promise<CachedFiles> {
  const files = requiredFilesFor(entry, dtype);
  const out: CachedFiles = { cached: [], cachedBytes: 0, missing: [] };
  // No Cache API (an insecure page, some private modes): nothing is cached.
  const cache = typeof caches === 'undefined' ? null : await caches.open(TRANSFORMERS_CACHE).catch(() => null);
  for (const file of files) {
    const hit = cache ? await cache.match(hubFileUrl(entry, file, host)).catch(() => undefined) : undefined;
    if (!hit) {
      out.missing.push(file);
      continue;
    }
    const length = Number(hit.headers.get('content-length'));
    const bytes = Number.isFinite(length) && length > 0 ? length : (await hit.blob()).size;
    out.cached.push({ file, bytes });
    out.cachedBytes += bytes;
  }
  return out;
}
