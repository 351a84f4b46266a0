import { createBm25Retriever } from '../core/retrieval/bm25';
import type { Retriever } from '../core/retrieval/types';
import { CliError } from './cli-error';

/** A retriever by name: "bm25" now; dense encoders (registry ids, model folders) join in src/encoder. */
export async function resolveRetriever(spec: string): Promise<Retriever> {
  if (spec === 'bm25') return createBm25Retriever();
  throw new CliError(`--retriever ${spec}: unknown retriever; use bm25`);
}
