/**
 * Hub models the lab knows about but does not offer in its menu, each with the reason, plus the
 * baseline presets a user's own feature-extraction export of them picks up (describe-model.ts).
 * Kept out of MODEL_REGISTRY so that no menu entry can fail to load or give wrong vectors.
 */
import type { ModelEntry } from './model-registry';

export interface OutOfMenuModel {
  /** Hub id. */
  id: string;
  label: string;
  /** For a person: why it is not in the menu, and the way to use it anyway when one exists. */
  reason: string;
  card: string;
}

const RAW_EXPORT_RECIPE =
  'To use it as a baseline, export the bare encoder (optimum-cli export onnx --task feature-extraction) and load that folder: ' +
  'the load-time check accepts it when it gives last_hidden_state.';

export const OUT_OF_MENU: readonly OutOfMenuModel[] = [
  {
    id: 'Xenova/xlm-roberta-base',
    label: 'xlm-roberta-base (raw)',
    card: 'https://huggingface.co/FacebookAI/xlm-roberta-base',
    reason:
      'A fill-mask export (config.json architectures XLMRobertaForMaskedLM): its ONNX graph returns logits over the 250,002-piece vocabulary, not hidden states, ' +
      'and no output of the graph holds them. The feature-extraction pipeline would pool those logits into 250,002-d "embeddings"; the load-time check refuses it. ' +
      RAW_EXPORT_RECIPE,
  },
  {
    id: 'Xenova/bert-base-multilingual-cased',
    label: 'bert-base-multilingual-cased (raw mBERT)',
    card: 'https://huggingface.co/google-bert/bert-base-multilingual-cased',
    reason:
      'A fill-mask export (architectures BertForMaskedLM): its graph returns logits over the 119,547-piece vocabulary, not hidden states. ' +
      'The load-time check refuses it. ' +
      RAW_EXPORT_RECIPE,
  },
];

/**
 * Pooling, prefixes and labels for a folder holding a feature-extraction export of a raw
 * pre-trained model (matched by folder name, e.g. "xlm-roberta-base"): mean pooling of the last
 * hidden states, as LAReQA's baselines use. Shape fields come from the folder's config.json.
 */
export const BASELINE_PRESETS: readonly ModelEntry[] = [
  {
    id: 'baseline/xlm-roberta-base',
    label: 'xlm-roberta-base (raw, your export)',
    family: 'raw pre-trained XLM-R base (never trained for retrieval)',
    kind: 'baseline',
    dimensions: 768,
    layers: 12,
    vocab: 250002,
    pooling: 'mean',
    prefixes: { query: '', passage: '' },
    dtypes: {},
    licence: 'MIT',
    card: 'https://huggingface.co/FacebookAI/xlm-roberta-base',
    notes: 'A baseline: never trained for retrieval, so it shows why retrieval training matters. Expect poor rankings.',
    local: 'xlm-roberta-base',
  },
  {
    id: 'baseline/bert-base-multilingual-cased',
    label: 'bert-base-multilingual-cased (raw, your export)',
    family: 'raw mBERT (never trained for retrieval)',
    kind: 'baseline',
    dimensions: 768,
    layers: 12,
    vocab: 119547,
    pooling: 'mean',
    prefixes: { query: '', passage: '' },
    dtypes: {},
    licence: 'Apache-2.0',
    card: 'https://huggingface.co/google-bert/bert-base-multilingual-cased',
    notes: "A baseline: LAReQA's mBERT starting point, not trained for retrieval.",
    local: 'bert-base-multilingual-cased',
  },
];
