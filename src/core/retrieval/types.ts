import type { Passage } from '../corpus/types';
import type { ExactRescorer } from '../scoring/settle-row';

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

/** A block of scores, and how to make them exact where a rank depends on it. */
export interface ScoredBlock {
  /** Row-major, queries.length x size. */
  scores: Float32Array;
  /** Present when the scores are float32 sums from a fast backend; rankScoredRow uses it. */
  exact?: ExactRescorer;
}

/** Scores queries against one fixed pool of candidates. */
export interface PoolScorer {
  readonly size: number;
  /**
   * Row-major scores, queries.length x size; higher is more relevant. A fast dense backend's may
   * differ from the TypeScript kernel's in the last bits: rank through scoreBlock for exact ranks.
   */
  score(queries: readonly string[], opts?: RunOptions): Promise<Float32Array>;
  /** The same block, possibly from a fast backend: rank with rankScoredRow, which re-scores near-ties exactly when `exact` is set. */
  scoreBlock?(queries: readonly string[], opts?: RunOptions): Promise<ScoredBlock>;
  /** Frees what a backend holds for this pool. */
  dispose?(): void;
}

/** Anything that can rank a pool of passages for a question: BM25, a dense encoder, an adapted encoder. */
export interface Retriever {
  /** Tag for reports and TREC run files. */
  readonly name: string;
  /**
   * True when a passage's score for a query does not depend on which other passages are in the
   * pool (dense dot products; not BM25, whose IDF is the pool's): a language's pool then scores
   * exactly as that language's columns of a larger pool, and an evaluation scores once for all.
   */
  readonly poolIndependentScores?: boolean;
  /** Prepare scoring against this pool (BM25 builds its index; a dense retriever embeds or reuses rows). */
  pool(passages: readonly Passage[], opts?: RunOptions): Promise<PoolScorer>;
}
