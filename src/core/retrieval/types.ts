import type { Passage } from '../corpus/types';

/** Whether a text is embedded as a question or as a candidate (models add "query: " / "passage: "). */
export type TextKind = 'query' | 'passage';

export interface ProgressInfo {
  /** What is being done, for a person: "embedding passages", "scoring en -> de". */
  stage: string;
  done: number;
  total: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: ProgressInfo) => void;
}

/**
 * A dense text encoder. BM25, a transformers.js model and the test fixture all fit behind this,
 * so everything downstream is the same for each.
 */
export interface Encoder {
  /** Stable id used in cache keys and reports (model id + dtype + pooling). */
  readonly id: string;
  readonly dim: number;
  /** Row-major embeddings, texts.length x dim, each row L2-normalised. */
  embed(texts: readonly string[], kind: TextKind, opts?: RunOptions): Promise<Float32Array>;
}

/** Scores queries against one fixed pool of candidates. */
export interface PoolScorer {
  readonly size: number;
  /** Row-major scores, queries.length x size; higher is more relevant. */
  score(queries: readonly string[], opts?: RunOptions): Promise<Float32Array>;
}

/** Anything that can rank a pool of passages for a question: BM25, a dense encoder, an adapted encoder. */
export interface Retriever {
  /** Tag for reports and TREC run files. */
  readonly name: string;
  /** Prepare scoring against this pool (BM25 builds its index; a dense retriever embeds or reuses rows). */
  pool(passages: readonly Passage[], opts?: RunOptions): Promise<PoolScorer>;
}
