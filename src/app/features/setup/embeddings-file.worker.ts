/// <reference lib="webworker" />
/**
 * Reads a picked embeddings file (Parquet, or .npy + ids) and writes one, off the page: decoding
 * a Parquet file of XQuAD-R's 26,104 rows, or applying an adapter to them, is seconds of work.
 * Reading and writing are core's (hyparquet, hyparquet-writer, npy.ts), so the files, and the
 * errors naming file, column and row, are the CLI's.
 */
import { readNpyEmbeddings, writeNpyEmbeddings } from '../../../core/embeddings/npy';
import { readParquetEmbeddings, writeParquetEmbeddings } from '../../../core/embeddings/parquet-embeddings';
import type { EmbeddingSet } from '../../../core/embeddings/embedding-set';
import { applyAdapter } from '../../../core/training/adapter';
import { pickEmbeddingsFiles } from './embeddings-files';
import type { EmbeddingsFileIn, EmbeddingsFileOut, WrittenFile } from './embeddings-file-messages';

declare const self: DedicatedWorkerGlobalScope;

/** Progress is posted at most this often (bytes), so a 40 MB file sends some 40 messages. */
const PROGRESS_STEP = 1 << 20;

/** The files' bytes, read in chunks so the page can show how far it got (a File has no progress of its own). */
async function readBytes(files: File[], onProgress: (done: number, total: number) => void): Promise<Uint8Array[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  let posted = 0;
  const out: Uint8Array[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(file.size);
    let at = 0;
    const reader = file.stream().getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      bytes.set(r.value, at);
      at += r.value.length;
      done += r.value.length;
      if (done - posted >= PROGRESS_STEP) {
        posted = done;
        onProgress(done, total);
      }
    }
    out.push(bytes);
  }
  onProgress(total, total);
  return out;
}

async function read(files: File[], onProgress: (done: number, total: number) => void): Promise<EmbeddingSet> {
  const pick = pickEmbeddingsFiles(files.map((f) => f.name));
  if ('problem' in pick) throw new Error(pick.problem);
  if (pick.kind === 'parquet') {
    const [bytes] = await readBytes([files[pick.file]], onProgress);
    return readParquetEmbeddings(bytes.buffer as ArrayBuffer, files[pick.file].name);
  }
  const npy = files[pick.npy];
  const ids = files[pick.ids];
  const [npyBytes, idBytes] = await readBytes([npy, ids], onProgress);
  return readNpyEmbeddings(npyBytes, npy.name, new TextDecoder().decode(idBytes), ids.name);
}

function write(m: Extract<EmbeddingsFileIn, { type: 'write' }>): WrittenFile[] {
  const set = m.adapter ? { ...m.set, rows: applyAdapter(m.adapter, m.set.rows, m.set.ids.length, m.set.dim) } : m.set;
  if (m.format === 'parquet') return [{ name: `${m.stem}.parquet`, bytes: writeParquetEmbeddings(set), type: 'application/vnd.apache.parquet' }];
  const { npy, ids } = writeNpyEmbeddings(set);
  const idBytes = new TextEncoder().encode(ids);
  return [
    { name: `${m.stem}.npy`, bytes: npy.slice().buffer, type: 'application/octet-stream' },
    { name: `${m.stem}.ids.txt`, bytes: idBytes.buffer, type: 'text/plain' },
  ];
}

self.onmessage = async (event: MessageEvent<EmbeddingsFileIn>) => {
  const m = event.data;
  const post = (reply: EmbeddingsFileOut, transfer: Transferable[] = []) => self.postMessage(reply, transfer);
  try {
    if (m.type === 'read') {
      const set = await read(m.files, (done, total) => post({ type: 'read-progress', job: m.job, done, total }));
      post({ type: 'read-done', job: m.job, set }, [set.rows.buffer]);
    } else {
      const files = write(m);
      post(
        { type: 'write-done', job: m.job, files },
        files.map((f) => f.bytes),
      );
    }
  } catch (e) {
    post({ type: 'failed', job: m.job, message: e instanceof Error ? e.message : String(e) });
  }
};
