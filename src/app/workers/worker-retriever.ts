/** Builds the retriever a worker ranks with, from the spec the page sends. */
import { createBm25Retriever } from '../../core/retrieval/bm25';
import { createDenseRetriever } from '../../core/retrieval/dense-retriever';
import type { Retriever } from '../../core/retrieval/types';
import type { RetrieverSpec } from './messages';
import type { PageEncoder } from './page-encoder';

/** One key per distinct retriever: a new key means caches built for the old one do not apply. */
export function retrieverKey(spec: RetrieverSpec): string {
  return spec.kind === 'bm25' ? 'bm25' : `dense:${spec.encoderId}`;
}

export function createWorkerRetriever(spec: RetrieverSpec, pageEncoder: (spec: { encoderId: string; dim: number }) => PageEncoder): Retriever {
  if (spec.kind === 'bm25') return createBm25Retriever();
  return createDenseRetriever(pageEncoder(spec).encoder);
}
