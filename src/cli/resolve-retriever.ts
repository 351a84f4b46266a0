import { createBm25Retriever } from '../core/retrieval/bm25';
import { createDenseRetriever } from '../core/retrieval/dense-retriever';
import { createFusionRetriever, type FusionMethod } from '../core/retrieval/fusion';
import type { Retriever } from '../core/retrieval/types';
import type { ScoreBackend } from '../core/scoring/score-backend';
import type { Dtype } from '../encoder/model-registry';
import { CliError } from './cli-error';
import { createNodeEncoder, resolveNodeModel } from '../encoder/node-encoder';

export interface ResolveRetrieverOptions {
  /** ONNX variant for dense models; default q8 when the folder has it. */
  dtype?: string;
  /** Where to say which model and files were loaded. */
  log?: (message: string) => void;
  /** What dense retrievers score with (default the TypeScript kernel). */
  backend?: ScoreBackend;
}

const DTYPES: readonly Dtype[] = ['fp32', 'fp16', 'q8'];

/**
 * A retriever by name: "bm25", a registry model id (loaded from public/models/<id>/, never from
 * the hub), a model folder on disk, or a fusion of those: "rrf:bm25+<model>" (reciprocal rank
 * fusion, k = 60) or "combsum:bm25+<model>" (sum of min-max normalised scores).
 */
export async function resolveRetriever(spec: string, opts: ResolveRetrieverOptions = {}): Promise<Retriever> {
  const fusion = /^(rrf|combsum):(.+)$/.exec(spec);
  if (fusion) {
    // rrf:bm25+<model>: each member resolved as on its own; --dtype goes to the dense members.
    const members = fusion[2].split('+').filter(Boolean);
    if (members.length < 2)
      throw new CliError(`--retriever ${spec}: fusion needs two or more retrievers joined by "+", e.g. ${fusion[1]}:bm25+Xenova/multilingual-e5-small`);
    if (members.some((m) => /^(rrf|combsum):/.test(m))) throw new CliError(`--retriever ${spec}: fusions do not nest`);
    const resolved: Retriever[] = [];
    for (const m of members) resolved.push(await resolveRetriever(m, { ...opts, dtype: m === 'bm25' ? undefined : opts.dtype }));
    return createFusionRetriever(fusion[1] as FusionMethod, resolved);
  }
  if (spec === 'bm25') {
    if (opts.dtype) throw new CliError(`--dtype ${opts.dtype}: only dense retrievers have a dtype; bm25 has none`);
    return createBm25Retriever();
  }
  if (opts.dtype && !DTYPES.includes(opts.dtype as Dtype)) throw new CliError(`--dtype ${opts.dtype}: expected one of ${DTYPES.join(', ')}`);
  const model = resolveNodeModel(spec);
  const encoder = await createNodeEncoder(model, { dtype: opts.dtype as Dtype | undefined });
  opts.log?.(`${model.entry.label}: ${encoder.dim}-dimensional ${model.entry.pooling} pooling, dtype ${encoder.dtype}, from ${model.folder}`);
  return createDenseRetriever(encoder, { name: encoder.id, backend: opts.backend });
}
