/**
 * The one reading of the browser's model-file cache that the set-up panel shows: the cache line's
 * total and the model card's "already cached" both come from this snapshot, so they cannot
 * disagree. Whoever changes the cache (a load finished, a clear) or shows it calls refresh.
 */
import { useSyncExternalStore } from 'react';
import { listCachedModelFiles, type CachedFile } from '../../encoder/model-file-cache';

export interface ModelCacheSnapshot {
  files: readonly CachedFile[];
  bytes: number;
  /** The origin's whole storage use and quota, in bytes, when the browser says. */
  usage?: number;
  quota?: number;
}

let snapshot: ModelCacheSnapshot | null = null;
let reading: Promise<void> | null = null;
let again = false;
const listeners = new Set<() => void>();

async function read(): Promise<void> {
  const [files, estimate] = await Promise.all([listCachedModelFiles().catch(() => []), navigator.storage?.estimate?.().catch(() => undefined)]);
  snapshot = { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), usage: estimate?.usage, quota: estimate?.quota };
  for (const listener of listeners) listener();
}

/** Reads the cache again; calls made while a read runs are folded into one more read after it. */
export function refreshModelCache(): Promise<void> {
  if (reading) {
    again = true;
    return reading;
  }
  reading = read().finally(() => {
    reading = null;
    if (again) {
      again = false;
      void refreshModelCache();
    }
  });
  return reading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The latest snapshot (null until the first read finishes). */
export function useModelCache(): ModelCacheSnapshot | null {
  return useSyncExternalStore(subscribe, () => snapshot);
}
