/**
 * Turns a loaded transformers.js feature-extraction pipeline into the Extractor the embedder
 * uses, after checking (validate-model-output.ts) that the graph gives what the registry entry
 * promises. The probe calls the model directly, because only then are all graph outputs visible
 * (the pipeline keeps `last_hidden_state ?? logits`). Entries pooled by the BERT pooler
 * (LaBSE) are embedded from `pooler_output`, which the pipeline cannot return.
 */
import type { ModelEntry } from './model-registry';
import type { Extractor } from './pipeline-embedder';
import { checkModelOutputs, type CheckedOutput } from './validate-model-output';

/** One English sentence: enough to see every output's shape. */
export const OUTPUT_PROBE_TEXT = 'The river flows through the old city.';

interface TensorLike {
  dims: number[];
  data: ArrayLike<number>;
}

/** The parts of a transformers.js FeatureExtractionPipeline used here. */
export interface LoadedPipeline extends Extractor {
  tokenizer: Extractor['tokenizer'] & ((texts: string[], opts: { padding: boolean; truncation: boolean }) => Record<string, TensorLike>);
  model: (inputs: Record<string, TensorLike>) => Promise<Record<string, TensorLike>>;
}

export type CheckedExtractor = Extractor & { readonly checked: CheckedOutput };

/** Runs the probe, checks the outputs against the entry (throws ModelOutputError), returns the extractor to embed with. */
export async function checkLoadedPipeline(
  pipe: LoadedPipeline,
  entry: Pick<ModelEntry, 'label' | 'dimensions' | 'vocab' | 'pooling'>,
): Promise<CheckedExtractor> {
  const inputs = pipe.tokenizer([OUTPUT_PROBE_TEXT], { padding: true, truncation: true });
  const outputs = await pipe.model(inputs);
  const tokens = inputs.input_ids.dims[1];
  const checked = checkModelOutputs(
    entry,
    Object.entries(outputs).map(([name, t]) => ({ name, dims: t.dims })),
    tokens,
  );
  if (checked.output === 'last_hidden_state') return Object.assign(pipe, { checked });
  const pooled: Extractor = async (texts, opts) => {
    const out = (await pipe.model(pipe.tokenizer(texts, { padding: true, truncation: true }))).pooler_output;
    return { data: opts.normalize ? normaliseRows(out.data, out.dims[1]) : Float32Array.from(out.data), dims: out.dims };
  };
  return Object.assign(pooled, { tokenizer: pipe.tokenizer, dispose: pipe.dispose?.bind(pipe), checked });
}

function normaliseRows(data: ArrayLike<number>, dim: number): Float32Array {
  const out = Float32Array.from(data);
  for (let off = 0; off < out.length; off += dim) {
    let sum = 0;
    for (let j = 0; j < dim; j++) sum += out[off + j] * out[off + j];
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    for (let j = 0; j < dim; j++) out[off + j] *= scale;
  }
  return out;
}
