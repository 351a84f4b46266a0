/** Messages between the page and the embeddings-file worker (embeddings-file.worker.ts). */
import type { EmbeddingSet } from '../../../core/embeddings/embedding-set';
import type { Adapter } from '../../../core/training/adapter';

export type EmbeddingsFormat = 'parquet' | 'npy';

export interface WrittenFile {
  name: string;
  bytes: ArrayBuffer;
  type: string;
}

export type EmbeddingsFileIn =
  /** Picked files (cloned as handles: the bytes are read in the worker). */
  | { type: 'read'; job: number; files: File[] }
  /** `adapter`: the rows are written as that trained adapter maps them. `stem`: the file name without extension. */
  | { type: 'write'; job: number; set: EmbeddingSet; format: EmbeddingsFormat; stem: string; adapter?: Adapter };

export type EmbeddingsFileOut =
  /** Bytes of the picked files read so far, for "Reading x.parquet… n MB of m". */
  | { type: 'read-progress'; job: number; done: number; total: number }
  | { type: 'read-done'; job: number; set: EmbeddingSet }
  | { type: 'write-done'; job: number; files: WrittenFile[] }
  | { type: 'failed'; job: number; message: string };
