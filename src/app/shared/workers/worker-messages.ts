/**
 * Messages every app worker shares with the page. The ranking worker (features/ranking) holds the
 * corpus and ranks one query at a time; the evaluation worker (features/evaluation) runs one
 * whole-corpus evaluation and then ends; each has its own messages file beside it.
 * A dense model lives in the encoder's own worker; these workers reach it through the page
 * ("embed" requests below), so one loaded model serves both and scoring stays off the page.
 */
import type { CorpusPart } from '../../../core/corpus/corpus-parts';
import type { Corpus } from '../../../core/corpus/types';
import type { ProgressInfo, TextKind } from '../../../core/retrieval/types';

/** How a worker builds its retriever: BM25 in the worker, or a dense model reached through the page. */
export type RetrieverSpec =
  | { kind: 'bm25' }
  | {
      kind: 'dense';
      /** The Encoder id (model + dtype + pooling): a new id means a new retriever. */
      encoderId: string;
      dim: number;
      /** A trained adapter applied to every row (sent to the ranking worker once, by an "adapter" message). */
      adapterKey?: string;
    };

/** Passages as the workers get them: no paragraph context (ranking never reads it). */
export type WorkerCorpus = Corpus;

/**
 * One part of a corpus on its way to a worker (corpus-to-worker.ts): a 200 MB corpus in one
 * message would be cloned on the page in one long task. A new corpusId starts a new corpus; the
 * worker uses it once its 'end' part has arrived.
 */
export interface CorpusPartMessage {
  type: 'corpus-part';
  corpusId: number;
  part: CorpusPart;
}

// ---- embedding through the page (both workers) ----

export interface EmbedCall {
  type: 'embed';
  callId: number;
  texts: string[];
  kind: TextKind;
}

export interface EmbedCancel {
  type: 'embed-cancel';
  callId: number;
}

export type EmbedReply =
  | { type: 'embed-result'; callId: number; rows: Float32Array }
  | { type: 'embed-error'; callId: number; message: string; aborted: boolean }
  | { type: 'embed-progress'; callId: number; info: ProgressInfo };
