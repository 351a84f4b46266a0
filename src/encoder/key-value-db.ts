/**
 * The IndexedDB plumbing the project's caches share (embedding matrices, trained adapters): one
 * object store per database, emptied when the schema version changes, and closed when another tab
 * upgrades or deletes it so that tab is never blocked.
 */

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Resolves when a write transaction has committed; rejects if it fails or aborts (e.g. a full quota). */
export function transactionDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('the cache write was aborted', 'AbortError'));
  });
}

/** Opens `name` at `version` with one store `store`; `what` names the cache in the blocked message. */
export function openKeyValueDb(name: string, version: number, store: string, what: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    // A new schema version starts empty: old records may have been made differently.
    request.onupgradeneeded = () => {
      const db = request.result;
      for (const s of Array.from(db.objectStoreNames)) db.deleteObjectStore(s);
      db.createObjectStore(store);
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`the ${what} is open in an older version of this app in another tab`));
  });
}
