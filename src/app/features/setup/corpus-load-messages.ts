/** Messages between the page and the corpus-loading worker (corpus-load.worker.ts). */
import type { CorpusPart } from '../../../core/corpus/corpus-parts';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { CorpusRef } from '../../../core/view-state/view-state';

export interface CorpusLoadJob {
  ref: CorpusRef;
  /** Picked files (a File is cloned as a handle: its bytes are read in the worker). */
  files?: File[];
  dim?: number;
}

/** An error as it crosses to the page: CorpusError's file, place and expectation survive. */
export interface SentError {
  name: string;
  message: string;
  file?: string;
  where?: string;
  expected?: string;
}

export type CorpusLoadIn = { type: 'open'; job: CorpusLoadJob } | { type: 'cancel' };

export type CorpusLoadOut =
  | { type: 'load-progress'; info: ProgressInfo }
  | { type: 'load-part'; part: CorpusPart }
  | { type: 'load-done' }
  | { type: 'load-error'; error: SentError; cancelled: boolean };
