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

async function read(files: File[]): Promise<EmbeddingSet> {
  const pick = pickEmbeddingsFiles(files.map((f) => f.name));
  if ('problem' in pick) throw new Error(pick.problem);
  if (pick.kind === 'parquet') return readParquetEmbeddings(await files[pick.file].arrayBuffer(), files[pick.file].name);
  const npy = files[pick.npy];
  const ids = files[pick.ids];
  return readNpyEmbeddings(new Uint8Array(await npy.arrayBuffer()), npy.name, await ids.text(), ids.name);
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
      const set = await read(m.files);
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
