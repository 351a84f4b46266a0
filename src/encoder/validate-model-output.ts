/**
 * Load-time check of what a model's ONNX graph really returns, against its registry entry: after
 * loading, one probe text runs through the model and its outputs (names and shapes) come here.
 * A fill-mask export returns `logits` over the vocabulary; transformers.js' feature-extraction
 * pipeline would pool those silently (`last_hidden_state ?? logits`), so they are refused here,
 * as is any hidden size that differs from the registry's. Pure, so the browser worker and the
 * Node encoder share it and the rules are tested without a model.
 */
import type { ModelEntry } from './model-registry';

/** One output of the probe run: its name and shape (batch of one text). */
export interface ProbeOutput {
  name: string;
  dims: readonly number[];
}

/** The output the embeddings are read from, once the check passed. */
export interface CheckedOutput {
  /** 'last_hidden_state' (pooled by the pipeline: mean or CLS) or 'pooler_output' (used as it is). */
  output: 'last_hidden_state' | 'pooler_output';
  dims: readonly number[];
}

/** The model loaded but cannot give the embeddings its entry promises; the message says why. */
export class ModelOutputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelOutputError';
  }
}

const shapeOf = (dims: readonly number[]) => `[${dims.join(', ')}]`;
const listOf = (outputs: readonly ProbeOutput[]) => outputs.map((o) => `${o.name} ${shapeOf(o.dims)}`).join(', ') || 'none';

/**
 * `tokens`: the probe text's length in tokens (the sequence axis of token-level outputs).
 * Returns the output to embed from, or throws ModelOutputError naming the output, its shape and
 * what was expected.
 */
export function checkModelOutputs(
  entry: Pick<ModelEntry, 'label' | 'dimensions' | 'vocab' | 'pooling'>,
  outputs: readonly ProbeOutput[],
  tokens: number,
): CheckedOutput {
  const d = entry.dimensions;
  const byName = new Map(outputs.map((o) => [o.name, o]));
  const wantPooler = entry.pooling === 'pooler';
  const expected = wantPooler ? `pooler_output [1, ${d}]` : `last_hidden_state [1, ${tokens}, ${d}]`;
  const logits = byName.get('logits');
  const hidden = byName.get('last_hidden_state');

  if (!hidden && logits) {
    const [, , last] = logits.dims;
    const vocabWord = last !== undefined && (last === entry.vocab || last > 4 * d) ? `: one score per vocabulary entry (${last}), a masked-LM head` : '';
    throw new ModelOutputError(
      `${entry.label}: the model's output is logits ${shapeOf(logits.dims)}${vocabWord}, not hidden states; expected ${expected}. ` +
        'This is a fill-mask export (architectures ...ForMaskedLM); sentence embeddings need a feature-extraction export (XLMRobertaModel / BertModel).',
    );
  }
  if (!hidden) throw new ModelOutputError(`${entry.label}: the model has no last_hidden_state output (its outputs: ${listOf(outputs)}); expected ${expected}`);
  checkRow(entry, hidden, tokens, 3);

  if (!wantPooler) return { output: 'last_hidden_state', dims: hidden.dims };
  const pooler = byName.get('pooler_output');
  if (!pooler) {
    throw new ModelOutputError(
      `${entry.label}: the model has no pooler_output (its outputs: ${listOf(outputs)}); expected ${expected}. ` +
        "This model's embedding is the pooler's Dense + tanh over the CLS token; plain CLS of last_hidden_state would be a different vector.",
    );
  }
  checkRow(entry, pooler, tokens, 2);
  return { output: 'pooler_output', dims: pooler.dims };
}

/** Rank and hidden size of one output (rank 3: [1, tokens, dim]; rank 2: [1, dim]). */
function checkRow(entry: Pick<ModelEntry, 'label' | 'dimensions' | 'vocab'>, out: ProbeOutput, tokens: number, rank: 2 | 3): void {
  const d = entry.dimensions;
  const expected = rank === 3 ? `[1, ${tokens}, ${d}]` : `[1, ${d}]`;
  const last = out.dims[out.dims.length - 1];
  if (out.dims.length !== rank || out.dims[0] !== 1 || (rank === 3 && out.dims[1] !== tokens)) {
    throw new ModelOutputError(
      `${entry.label}: output ${out.name} has shape ${shapeOf(out.dims)} for one probe text of ${tokens} tokens; expected ${expected}`,
    );
  }
  if (last === entry.vocab && last !== d) {
    throw new ModelOutputError(
      `${entry.label}: output ${out.name} has shape ${shapeOf(out.dims)}: ${last} is the vocabulary size (scores per token, not hidden states); expected ${expected}`,
    );
  }
  if (last !== d) {
    throw new ModelOutputError(
      `${entry.label}: output ${out.name} has shape ${shapeOf(out.dims)}, ${last}-dimensional; the registry says ${d} dimensions (expected ${expected})`,
    );
  }
}
