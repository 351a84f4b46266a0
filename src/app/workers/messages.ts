/**
 * Typed messages between the page and its workers. The ranking worker holds the corpus and ranks
 * one query at a time; the evaluation worker runs one whole-corpus evaluation and then ends.
 * A dense model lives in the encoder's own worker; these workers reach it through the page
 * ("embed" requests below), so one loaded model serves both and scoring stays off the page.
 */
import type { Corpus, LangCode } from '../../core/corpus/types';
import type { EvalReport } from '../../core/evaluation/eval-report';
import type { OneQueryRanking } from '../../core/evaluation/rank-one-query';
import type { SettingName } from '../../core/metrics/types';
import type { ProgressInfo, TextKind } from '../../core/retrieval/types';
import type { Adapter } from '../../core/training/adapter';

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

// ---- ranking worker ----

export interface RankRequest {
  /** Echoed in the reply; the page ignores replies to requests it has moved past. */
  id: number;
  retriever: RetrieverSpec;
  text: string;
  /** Passage languages of the pool ranked for the list. */
  poolLangs: LangCode[];
  /** Relevant passage ids (a benchmark question's); empty for free text. */
  relevant: string[];
  topK: number;
  /** When set (and different from poolLangs), also rank against this multilingual pool for the ladder. */
  ladderLangs: LangCode[] | null;
}

export type RankingWorkerIn =
  | { type: 'corpus'; corpusId: number; corpus: WorkerCorpus }
  | { type: 'rank'; corpusId: number; request: RankRequest }
  /** A trained adapter that rank requests name by `key` (adapters are a few MB: sent once, not with every request). */
  | { type: 'adapter'; key: string; adapter: Adapter }
  /** Stop preparing pools (embedding passages); the requests waiting on them fail as cancelled. */
  | { type: 'cancel-pools' }
  | EmbedReply;

export type RankingWorkerOut =
  | { type: 'ranked'; id: number; main: OneQueryRanking; ladder: OneQueryRanking | null; elapsedMs: number }
  | { type: 'rank-progress'; id: number; info: ProgressInfo }
  | { type: 'rank-error'; id: number; message: string }
  | EmbedCall
  | EmbedCancel;

// ---- evaluation worker ----

export interface EvaluationJob {
  corpus: WorkerCorpus;
  retriever: RetrieverSpec;
  settings: SettingName[];
  languages: LangCode[];
  keepTop: number;
}

export type EvaluationWorkerIn = { type: 'run'; job: EvaluationJob } | { type: 'cancel' } | EmbedReply;

export type EvaluationWorkerOut =
  | { type: 'eval-progress'; info: ProgressInfo }
  | { type: 'eval-done'; report: EvalReport }
  | { type: 'eval-error'; message: string; cancelled: boolean }
  | EmbedCall
  | EmbedCancel;
