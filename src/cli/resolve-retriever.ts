import { createBm25Retriever } from '../core/retrieval/bm25';
import { createDenseRetriever } from '../core/retrieval/dense-retriever';
import type { Retriever } from '../core/retrieval/types';
import type { Dtype } from '../encoder/model-registry';
import { CliError } from './cli-error';
import { createNodeEncoder, resolveNodeModel } from '../encoder/node-encoder';

export interface ResolveRetrieverOptions {
  /** ONNX variant for dense models; default q8 when the folder has it. */
  dtype?: string;
  /** Where to say which model and files were loaded. */
  log?: (message: string) => void;
}

const DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8'];

/**
 * A retriever by name: "bm25", a registry model id (loaded from public/models/<id>/, never from
 * the hub), or a model folder on disk.
 */
export async function resolveRetriever(spec: string, opts: ResolveRetrieverOptions = {}): Promise<Retriever> {
  if (spec === 'bm25') {
    if (opts.dtype) throw new CliError(`--dtype ${opts.dtype}: only dense retrievers have a dtype; bm25 has none`);
    return createBm25Retriever();
  }
  if (opts.dtype && !DTYPES.includes(opts.dtype as Dtype)) throw new CliError(`--dtype ${opts.dtype}: expected one of ${DTYPES.join(', ')}`);
  const model = resolveNodeModel(spec);
  const encoder = await createNodeEncoder(model, { dtype: opts.dtype as Dtype | undefined });
  opts.log?.(`${model.entry.label}: ${encoder.dim}-dimensional ${model.entry.pooling} pooling, dtype ${encoder.dtype}, from ${model.folder}`);
  return createDenseRetriever(encoder, { name: encoder.id });
}
