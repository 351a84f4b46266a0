/**
 * Embeddings files restored into this browser: a file that names its model (xling.encoder) is kept
 * in IndexedDB under that label, so a later visit that loads the same model, dtype and pooling
 * answers the corpus's texts from the file's rows instead of embedding them again. One file per
 * label (the newest); a full quota or no IndexedDB only means nothing is kept.
 */
import type { EmbeddingSet } from '../../core/embeddings/embedding-set';
import { openKeyValueDb, requestResult, transactionDone } from '../../encoder/key-value-db';

const DB_NAME = 'xling-restored-embeddings';
const STORE = 'sets';
const VERSION = 1;

let db: Promise<IDBDatabase> | null = null;
const open = () => (db ??= openKeyValueDb(DB_NAME, VERSION, STORE, 'restored embeddings'));

export async function keepRestoredSet(set: EmbeddingSet): Promise<void> {
  if (!set.encoder || typeof indexedDB === 'undefined') return;
  const tx = (await open()).transaction(STORE, 'readwrite');
  const done = transactionDone(tx);
  // The rows go in as a Blob: cloning XQuAD-R's 40 MB Float32Array into the store froze the page for
  // ~300 ms (the clone runs on the page); a Blob is copied once and written off the page.
  const rows = new Blob([set.rows.buffer.slice(set.rows.byteOffset, set.rows.byteOffset + set.rows.byteLength) as ArrayBuffer]);
  tx.objectStore(STORE).put({ source: set.source, encoder: set.encoder, ids: set.ids, dim: set.dim, rows, savedAt: Date.now() }, set.encoder);
  await done;
}

/** The kept file of rows made by this encoder (model@dtype/pooling), if any. */
export async function findRestoredSet(encoderId: string): Promise<EmbeddingSet | undefined> {
  if (typeof indexedDB === 'undefined') return undefined;
  const tx = (await open()).transaction(STORE, 'readonly');
  const value = (await requestResult(tx.objectStore(STORE).get(encoderId))) as (Omit<EmbeddingSet, 'rows'> & { rows: Blob | Float32Array }) | undefined;
  if (value?.rows instanceof Float32Array) return { ...value, rows: value.rows }; // kept before the rows were a Blob
  if (!(value?.rows instanceof Blob)) return undefined;
  return { ...value, rows: new Float32Array(await value.rows.arrayBuffer()) };
}

/** Forgets every kept file (with the other model caches). */
export async function deleteRestoredSets(): Promise<void> {
  if (db) (await db.catch(() => null))?.close();
  db = null;
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
