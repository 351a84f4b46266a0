/**
 * Embedding matrices kept across visits, in IndexedDB, keyed by what made them: schema version,
 * model, dtype, pooling, text kind and a content hash of the texts. A full quota or a browser
 * without IndexedDB must never stop the app: callers turn the cache off and carry on.
 */
import { hashTexts } from './content-hash';
import { openKeyValueDb, requestResult, transactionDone } from './key-value-db';
import type { Dtype, Pooling } from './model-registry';

/** Bump when rows for the same key would differ (prefixing, pooling, normalisation changes). */
export const EMBEDDING_SCHEMA_VERSION = 1;
const DB_NAME = 'xling-embeddings';
const STORE = 'matrices';

export interface EmbeddingCache {
  get(key: string): Promise<Float32Array | undefined>;
  /** Rejects with the browser's error (QuotaExceededError when storage is full). */
  put(key: string, rows: Float32Array): Promise<void>;
}

export interface EmbeddingKeyParts {
  modelId: string;
  dtype: Dtype;
  pooling: Pooling;
  kind: 'query' | 'passage';
  texts: readonly string[];
}

export function embeddingCacheKey(p: EmbeddingKeyParts): string {
  return [`v${EMBEDDING_SCHEMA_VERSION}`, p.modelId, p.dtype, p.pooling, p.kind, p.texts.length, hashTexts(p.texts)].join('|');
}

export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: string })?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(e instanceof Error ? e.message : String(e));
}

/** The IndexedDB cache; opening is lazy, and a failure to open rejects get/put (the caller turns the cache off). */
export function createIndexedDbCache(name = DB_NAME): EmbeddingCache {
  let db: Promise<IDBDatabase> | null = null;
  const store = async (mode: IDBTransactionMode) => {
    db ??= openKeyValueDb(name, EMBEDDING_SCHEMA_VERSION, STORE, 'embedding cache');
    return (await db).transaction(STORE, mode);
  };
  return {
    async get(key) {
      const tx = await store('readonly');
      const value = (await requestResult(tx.objectStore(STORE).get(key))) as { rows?: Float32Array } | undefined;
      return value?.rows instanceof Float32Array ? value.rows : undefined;
    },
    async put(key, rows) {
      const tx = await store('readwrite');
      const done = transactionDone(tx);
      tx.objectStore(STORE).put({ rows, savedAt: Date.now() }, key);
      await done;
    },
  };
}

/** Deletes every cached embedding matrix (a "clear cache" button). */
export function deleteEmbeddingCache(name = DB_NAME): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
