/** Runs embeddings-file.worker.ts for one read or write; the worker ends with the job. */
import type { EmbeddingSet } from '../../../core/embeddings/embedding-set';
import { superviseWorker, type JobReply } from '../../../encoder/supervised-worker';
import type { ExportedFile } from '../../shared/download';
import type { EmbeddingsFileIn, EmbeddingsFileOut } from './embeddings-file-messages';

function readReply(m: EmbeddingsFileOut): JobReply {
  return m.type === 'failed' ? { job: m.job, kind: 'failed', error: new Error(m.message) } : { job: m.job, kind: 'done' };
}

type Job = EmbeddingsFileIn extends infer M ? (M extends EmbeddingsFileIn ? Omit<M, 'job'> : never) : never;

async function runOnce(message: Job, transfer: Transferable[] = []): Promise<EmbeddingsFileOut> {
  const worker = superviseWorker<EmbeddingsFileIn, EmbeddingsFileOut>({
    name: 'embeddings file',
    createWorker: () => new Worker(new URL('./embeddings-file.worker.ts', import.meta.url), { type: 'module', name: 'embeddings-file' }),
    readReply,
  });
  worker.start();
  try {
    const job = worker.nextJob();
    return await worker.run(job, { ...message, job } as EmbeddingsFileIn, { transfer });
  } finally {
    worker.dispose('the embeddings file was handled');
  }
}

/** Reads and checks a picked Parquet file, or .npy + ids; errors name the file, column and row. */
export async function readEmbeddingsInWorker(files: readonly File[]): Promise<EmbeddingSet> {
  const reply = await runOnce({ type: 'read', files: [...files] });
  if (reply.type !== 'read-done') throw new Error('the embeddings worker answered out of turn');
  return reply.set;
}

/** The set as files to download (the set's rows are copied, not moved: the caller keeps them). */
export async function writeEmbeddingsInWorker(job: Omit<Extract<EmbeddingsFileIn, { type: 'write' }>, 'job' | 'type'>): Promise<ExportedFile[]> {
  const reply = await runOnce({ type: 'write', ...job });
  if (reply.type !== 'write-done') throw new Error('the embeddings worker answered out of turn');
  return reply.files.map((f) => ({ name: f.name, blob: new Blob([f.bytes], { type: f.type }) }));
}
