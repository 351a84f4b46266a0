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

/**
 * The page's answer to a worker's fetch: the page fetches, so the page's Content-Security-Policy
 * (its meta tag included) decides what may be contacted and reports refusals; the body streams
 * on to the worker (a transferred stream, or the whole buffer where streams cannot be transferred).
 */
export type FetchReply =
  | { type: 'fetched'; id: number; status: number; statusText: string; headers: [string, string][]; body: ReadableStream<Uint8Array> | ArrayBuffer | null }
  | { type: 'fetch-failed'; id: number; name: string; message: string };

export type CorpusLoadIn = { type: 'open'; job: CorpusLoadJob } | { type: 'cancel' } | FetchReply;

export type CorpusLoadOut =
  | { type: 'load-progress'; info: ProgressInfo }
  | { type: 'load-part'; part: CorpusPart }
  | { type: 'load-done' }
  | { type: 'fetch'; id: number; url: string }
  | { type: 'load-error'; error: SentError; cancelled: boolean };
