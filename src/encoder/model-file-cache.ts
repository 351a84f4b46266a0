/**
 * How much of a hub model this browser already holds: transformers.js keeps every hub file it
 * finished downloading in the Cache API ('transformers-cache', keyed by the file's URL), and a
 * later load reads those from the cache. So a download cut short by a reload resumes from the
 * files already complete. One listing of that cache (`listCachedModelFiles`) feeds both figures
 * the set-up panel shows: the cache line's total and the model card's "already cached".
 */
import { type Dtype, type ModelEntry } from './model-registry';
import { requiredFilesFor } from './model-files';

export const TRANSFORMERS_CACHE = 'transformers-cache';
export const HUB_HOST = 'https://huggingface.co/';

/** One file in the cache: the URL it was fetched from, and its size in bytes. */
export interface CachedFile {
  url: string;
  bytes: number;
}

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

/** Every model file in the browser's transformers.js cache; [] without the Cache API (an insecure page, some private modes). */
export async function listCachedModelFiles(): Promise<CachedFile[]> {
  if (typeof caches === 'undefined' || !(await caches.has(TRANSFORMERS_CACHE).catch(() => false))) return [];
  const cache = await caches.open(TRANSFORMERS_CACHE);
  const out: CachedFile[] = [];
  for (const request of await cache.keys()) {
    const hit = await cache.match(request).catch(() => undefined);
    if (!hit) continue;
    // transformers.js stores Content-Length with each file; the body's size when it is absent.
    const length = Number(hit.headers.get('content-length'));
    out.push({ url: request.url, bytes: Number.isFinite(length) && length > 0 ? length : (await hit.blob()).size });
  }
  return out;
}

/** Which files of the model's dtype the listing holds, and which are still to download. */
export function cachedFilesOf(listing: readonly CachedFile[], entry: ModelEntry, dtype: Dtype, host = HUB_HOST): CachedFiles {
  const bytesByUrl = new Map(listing.map((f) => [f.url, f.bytes]));
  const out: CachedFiles = { cached: [], cachedBytes: 0, missing: [] };
  for (const file of requiredFilesFor(entry, dtype)) {
    const bytes = bytesByUrl.get(hubFileUrl(entry, file, host));
    if (bytes === undefined) {
      out.missing.push(file);
      continue;
    }
    out.cached.push({ file, bytes });
    out.cachedBytes += bytes;
  }
  return out;
}

export async function cachedModelFiles(entry: ModelEntry, dtype: Dtype, host = HUB_HOST): Promise<CachedFiles> {
  return cachedFilesOf(await listCachedModelFiles(), entry, dtype, host);
}
