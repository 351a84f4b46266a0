/** Runs embeddings-file.worker.ts for one read or write; the worker ends with the job, or when it is cancelled. */
import type { EmbeddingSet } from '../../../core/embeddings/embedding-set';
import { superviseWorker, type JobReply } from '../../../encoder/supervised-worker';
import type { ExportedFile } from '../../shared/download';
import type { EmbeddingsFileIn, EmbeddingsFileOut } from './embeddings-file-messages';

export class EmbeddingsFileCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'EmbeddingsFileCancelled';
  }
}

function readReply(m: EmbeddingsFileOut): JobReply {
  if (m.type === 'read-progress') return { job: m.job, kind: 'progress' };
  return m.type === 'failed' ? { job: m.job, kind: 'failed', error: new Error(m.message) } : { job: m.job, kind: 'done' };
}

type Job = EmbeddingsFileIn extends infer M ? (M extends EmbeddingsFileIn ? Omit<M, 'job'> : never) : never;

export interface FileJobOptions {
  /** Aborting stops the worker at once (a Parquet decode cannot stop halfway) and rejects with EmbeddingsFileCancelled. */
  signal?: AbortSignal;
  /** Bytes read so far, while reading. */
  onProgress?: (done: number, total: number) => void;
}

async function runOnce(message: Job, opts: FileJobOptions, transfer: Transferable[] = []): Promise<EmbeddingsFileOut> {
  const worker = superviseWorker<EmbeddingsFileIn, EmbeddingsFileOut>({
    name: 'embeddings file',
    createWorker: () => new Worker(new URL('./embeddings-file.worker.ts', import.meta.url), { type: 'module', name: 'embeddings-file' }),
    readReply,
  });
  worker.start();
  try {
    const job = worker.nextJob();
    const onProgress = (m: EmbeddingsFileOut) => m.type === 'read-progress' && opts.onProgress?.(m.done, m.total);
    return await worker.run(job, { ...message, job } as EmbeddingsFileIn, { transfer, signal: opts.signal, onProgress });
  } catch (e) {
    throw opts.signal?.aborted ? new EmbeddingsFileCancelled() : e;
  } finally {
    // Also what stops a cancelled job: the worker is terminated mid-decode.
    worker.dispose('the embeddings file was handled');
  }
}

/** Reads and checks a picked Parquet file, or .npy + ids; errors name the file, column and row. */
export async function readEmbeddingsInWorker(files: readonly File[], opts: FileJobOptions = {}): Promise<EmbeddingSet> {
  const reply = await runOnce({ type: 'read', files: [...files] }, opts);
  if (reply.type !== 'read-done') throw new Error('the embeddings worker answered out of turn');
  return reply.set;
}

/** The set as files to download (the set's rows are copied, not moved: the caller keeps them). */
export async function writeEmbeddingsInWorker(
  job: Omit<Extract<EmbeddingsFileIn, { type: 'write' }>, 'job' | 'type'>,
  opts: FileJobOptions = {},
): Promise<ExportedFile[]> {
  const reply = await runOnce({ type: 'write', ...job }, opts);
  if (reply.type !== 'write-done') throw new Error('the embeddings worker answered out of turn');
  return reply.files.map((f) => ({ name: f.name, blob: new Blob([f.bytes], { type: f.type }) }));
}
