/**
 * Embeds texts with a loaded transformers.js feature-extraction pipeline: registry prefixes,
 * length-bucketed batches, the registry's pooling, L2-normalised rows in input order. The same
 * code runs in the browser worker and in Node (src/encoder/node-encoder.ts).
 */
import type { TextKind } from '../core/retrieval/types';
import { charLengths, DEFAULT_LIMITS, planFixedBatches, planLengthBatches, scatterRows, type BatchLimits } from './length-buckets';
import type { ModelEntry, Pooling } from './model-registry';

/** The slice of a FeatureExtractionPipeline used here. */
export interface Extractor {
  (texts: string[], options: { pooling: Pooling; normalize: boolean }): Promise<{ data: ArrayLike<number>; dims: number[] }>;
  tokenizer?: { encode(text: string): number[] };
  dispose?: () => Promise<void>;
}

/** 'tokens' counts tokens with the model's tokenizer; 'chars' uses the character count as a proxy. */
export type LengthMeasure = 'tokens' | 'chars';

export interface EmbedTextsOptions {
  limits?: BatchLimits;
  /**
   * 'length' (default): length-bucketed batches. 'input': fixed chunks of limits.maxBatch in input
   * order, one padded batch each (the naive plan; scripts/bench-embed.ts compares the two).
   */
  batching?: 'length' | 'input';
  lengths?: LengthMeasure;
  signal?: AbortSignal;
  /** After each batch: texts embedded so far. */
  onBatch?: (done: number, total: number) => void;
}

export function prefixTexts(texts: readonly string[], kind: TextKind, prefixes: ModelEntry['prefixes']): string[] {
  const prefix = prefixes[kind];
  return prefix ? texts.map((t) => prefix + t) : [...texts];
}

export function measureLengths(extractor: Extractor, texts: readonly string[], measure: LengthMeasure): ArrayLike<number> {
  if (measure === 'tokens' && extractor.tokenizer) return Int32Array.from(texts, (t) => extractor.tokenizer!.encode(t).length);
  return charLengths(texts);
}

/** Row-major texts.length x dim, unit rows, in input order. */
export async function embedTexts(
  extractor: Extractor,
  entry: Pick<ModelEntry, 'prefixes' | 'pooling'>,
  texts: readonly string[],
  kind: TextKind,
  opts: EmbedTextsOptions = {},
): Promise<{ rows: Float32Array; dim: number }> {
  const inputs = prefixTexts(texts, kind, entry.prefixes);
  const limits = opts.limits ?? DEFAULT_LIMITS;
  const batches =
    opts.batching === 'input'
      ? planFixedBatches(inputs.length, limits.maxBatch)
      : planLengthBatches(measureLengths(extractor, inputs, opts.lengths ?? 'chars'), limits);
  let out: Float32Array | null = null;
  let dim = 0;
  let done = 0;
  for (const batch of batches) {
    opts.signal?.throwIfAborted();
    const output = await extractor(
      Array.from(batch, (i) => inputs[i]),
      { pooling: entry.pooling, normalize: true },
    );
    dim = output.dims[output.dims.length - 1];
    if (output.dims.length !== 2 || output.dims[0] !== batch.length)
      throw new Error(`the model returned shape [${output.dims.join(', ')}] for ${batch.length} texts; expected [${batch.length}, dim]`);
    out ??= new Float32Array(inputs.length * dim);
    scatterRows(out, output.data instanceof Float32Array ? output.data : Float32Array.from(output.data), batch, dim);
    done += batch.length;
    opts.onBatch?.(done, inputs.length);
  }
  return { rows: out ?? new Float32Array(0), dim };
}
