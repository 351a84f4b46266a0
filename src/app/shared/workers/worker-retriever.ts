/** Builds the retriever a worker ranks with, from the spec the page sends. */
import { createBm25Retriever } from '../../../core/retrieval/bm25';
import { createDenseRetriever } from '../../../core/retrieval/dense-retriever';
import type { Encoder, Retriever } from '../../../core/retrieval/types';
import type { Adapter } from '../../../core/training/adapter';
import { adapterRowTransform } from './adapter-row-transform';
import type { RetrieverSpec } from './worker-messages';

/** One key per distinct retriever: a new key means caches built for the old one do not apply. */
export function retrieverKey(spec: RetrieverSpec): string {
  if (spec.kind === 'bm25') return 'bm25';
  return `dense:${spec.encoderId}${spec.adapterKey ? `+${spec.adapterKey}` : ''}`;
}

/**
 * `encoderFor` gives the model's Encoder (embedding through the page); `adapterFor` the adapters
 * the page has sent, for a spec that names one.
 */
export function createWorkerRetriever(
  spec: RetrieverSpec,
  encoderFor: (spec: { encoderId: string; dim: number }) => Encoder,
  adapterFor: (key: string) => Adapter | undefined = () => undefined,
): Retriever {
  if (spec.kind === 'bm25') return createBm25Retriever();
  const encoder = encoderFor(spec);
  if (!spec.adapterKey) return createDenseRetriever(encoder);
  const adapter = adapterFor(spec.adapterKey);
  if (!adapter) throw new Error(`the ranking worker has no adapter "${spec.adapterKey}"`);
  if (adapter.dim !== spec.dim) throw new Error(`adapter "${spec.adapterKey}" maps ${adapter.dim}-d rows, but ${spec.encoderId} gives ${spec.dim}-d rows`);
  return createDenseRetriever(encoder, { name: `${spec.encoderId} + ${spec.adapterKey}`, transform: adapterRowTransform(adapter) });
}
