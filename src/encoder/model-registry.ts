/**
 * The encoders the lab knows, as data: shapes, pooling, prefixes, files per dtype, sizes, licences.
 * Facts from the public model cards and repo listings (shared/reference/models.md); sizes are
 * approximate. Nothing here is a code path: loaders read these fields, never test for an id.
 */

export type Dtype = 'fp32' | 'fp16' | 'q8' | 'q4f16';
/**
 * mean / cls: pooled from last_hidden_state by transformers.js' pipeline. pooler: the graph's
 * pooler_output (BERT's Dense + tanh over CLS), which LaBSE's embedding is.
 */
export type Pooling = 'mean' | 'cls' | 'pooler';
export type ModelKind = 'retrieval' | 'paraphrase' | 'baseline' | 'fixture' | 'bench';

export interface DtypeFile {
  /** Relative to the model folder, transformers.js naming. */
  file: string;
  /** Size of that dtype's files in MB (1e6 bytes), external data included, approximate. */
  approxMB: number;
  /**
   * Files holding the graph's weights outside the .onnx (ONNX external data), relative to the model
   * folder: models over 2 GB keep fp32 weights in onnx/model.onnx_data (protobuf's 2 GB limit).
   */
  externalData?: string[];
}

export interface ModelEntry {
  /** Registry id; equal to the hub id for hub models. */
  id: string;
  label: string;
  family: string;
  kind: ModelKind;
  dimensions: number;
  layers: number;
  vocab: number;
  pooling: Pooling;
  /** Prepended to texts by kind; '' when the model was trained without prefixes. */
  prefixes: { query: string; passage: string };
  dtypes: Partial<Record<Dtype, DtypeFile>>;
  licence: string;
  notes: string;
  /** The model card that defines pooling and prefixes (the authors' own card, not the ONNX copy's). */
  card?: string;
  /** Languages, as the card states them. */
  languages?: string;
  /** Hub repository, when the model is on the Hugging Face hub. */
  hub?: string;
  /** Folder under public/models/ (served at /models/<local>/, vendored there by `npm run models:fetch`). */
  local: string;
}

/** transformers.js file names by dtype. */
export const ONNX_FILE: Record<Dtype, string> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
  q4f16: 'onnx/model_q4f16.onnx',
};

/** fp32 weights in external data, as the hub's exports of models over 2 GB have them. */
export const ONNX_EXTERNAL_DATA = 'onnx/model.onnx_data';

const E5_PREFIXES = { query: 'query: ', passage: 'passage: ' };
const NO_PREFIXES = { query: '', passage: '' };
/** Snowflake arctic-embed v2.0: queries get "query: ", documents nothing (both model cards). */
const ARCTIC_PREFIXES = { query: 'query: ', passage: '' };

function files(q8MB: number, fp16MB: number, fp32MB: number, opts: { externalFp32?: boolean; q4f16MB?: number } = {}): ModelEntry['dtypes'] {
  return {
    q8: { file: ONNX_FILE.q8, approxMB: q8MB },
    fp16: { file: ONNX_FILE.fp16, approxMB: fp16MB },
    ...(opts.q4f16MB ? { q4f16: { file: ONNX_FILE.q4f16, approxMB: opts.q4f16MB } } : {}),
    fp32: { file: ONNX_FILE.fp32, approxMB: fp32MB, ...(opts.externalFp32 ? { externalData: [ONNX_EXTERNAL_DATA] } : {}) },
  };
}

function hubModel(entry: Omit<ModelEntry, 'hub' | 'local'>): ModelEntry {
  return { ...entry, hub: entry.id, local: entry.id };
}

export const MODEL_REGISTRY: readonly ModelEntry[] = [
  hubModel({
    id: 'Xenova/multilingual-e5-small',
    label: 'multilingual-e5-small',
    family: 'MiniLM with the XLM-R vocabulary, retrieval-tuned',
    kind: 'retrieval',
    dimensions: 384,
    layers: 12,
    vocab: 250037,
    pooling: 'mean',
    prefixes: E5_PREFIXES,
    dtypes: files(118, 235, 470),
    licence: 'MIT',
    card: 'https://huggingface.co/intfloat/multilingual-e5-small',
    languages: "~100 (XLM-R's)",
    notes: 'The default: small enough for any laptop. Mean pooling and "query: " / "passage: " prefixes, as its card says.',
  }),
  hubModel({
    id: 'Xenova/multilingual-e5-base',
    label: 'multilingual-e5-base',
    family: 'XLM-R base, retrieval-tuned',
    kind: 'retrieval',
    dimensions: 768,
    layers: 12,
    vocab: 250002,
    pooling: 'mean',
    prefixes: E5_PREFIXES,
    dtypes: files(279, 555, 1110),
    licence: 'MIT',
    card: 'https://huggingface.co/intfloat/multilingual-e5-base',
    languages: "~100 (XLM-R's)",
    notes: 'XLM-R base fine-tuned for retrieval: the closest hub model to the paper\'s XLM-R. Mean pooling, "query: " / "passage: ".',
  }),
  hubModel({
    id: 'Xenova/multilingual-e5-large',
    label: 'multilingual-e5-large',
    family: 'XLM-R large, retrieval-tuned',
    kind: 'retrieval',
    dimensions: 1024,
    layers: 24,
    vocab: 250002,
    pooling: 'mean',
    prefixes: E5_PREFIXES,
    dtypes: files(562, 1120, 2240, { externalFp32: true }),
    licence: 'MIT',
    card: 'https://huggingface.co/intfloat/multilingual-e5-large',
    languages: "~100 (XLM-R's)",
    notes: 'Large download (over 0.5 GB even quantised); WebGPU recommended. fp32 keeps its weights in onnx/model.onnx_data (2.2 GB), too big for WASM.',
  }),
  hubModel({
    id: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
    label: 'paraphrase-multilingual-MiniLM-L12-v2',
    family: 'MiniLM with the XLM-R vocabulary, paraphrase-tuned',
    kind: 'paraphrase',
    dimensions: 384,
    layers: 12,
    vocab: 250037,
    pooling: 'mean',
    prefixes: NO_PREFIXES,
    dtypes: files(118, 235, 470),
    licence: 'Apache-2.0',
    card: 'https://huggingface.co/sentence-transformers/paraphrase-multilingual-MiniLM-L12-v2',
    languages: '50+',
    notes: 'Tuned on paraphrase pairs, not question-answer pairs; mean pooling (its card), rows L2-normalised for cosine.',
  }),
  hubModel({
    id: 'Xenova/paraphrase-multilingual-mpnet-base-v2',
    label: 'paraphrase-multilingual-mpnet-base-v2',
    family: 'XLM-R base, paraphrase-tuned',
    kind: 'paraphrase',
    dimensions: 768,
    layers: 12,
    vocab: 250002,
    pooling: 'mean',
    prefixes: NO_PREFIXES,
    dtypes: files(279, 555, 1110),
    licence: 'Apache-2.0',
    card: 'https://huggingface.co/sentence-transformers/paraphrase-multilingual-mpnet-base-v2',
    languages: '50+',
    notes: 'XLM-R base distilled from a paraphrase teacher; mean pooling (its card).',
  }),
  hubModel({
    id: 'Xenova/LaBSE',
    label: 'LaBSE',
    family: 'BERT with a 501k WordPiece vocabulary, translation-pair tuned',
    kind: 'retrieval',
    dimensions: 768,
    layers: 12,
    vocab: 501153,
    pooling: 'pooler',
    prefixes: NO_PREFIXES,
    dtypes: files(472, 941, 1880),
    licence: 'Apache-2.0',
    card: 'https://huggingface.co/sentence-transformers/LaBSE',
    languages: '109',
    notes:
      "LaBSE is CLS, then Dense(768->768, tanh), then L2 (its card); the BERT pooler is that Dense layer, so the embedding is the graph's pooler_output. " +
      'Loading checks the export has pooler_output and refuses it otherwise: plain CLS would be a different vector.',
  }),
  hubModel({
    id: 'Xenova/bge-m3',
    label: 'bge-m3',
    family: 'XLM-R large, retrieval-tuned',
    kind: 'retrieval',
    dimensions: 1024,
    layers: 24,
    vocab: 250002,
    pooling: 'cls',
    prefixes: NO_PREFIXES,
    dtypes: files(570, 1130, 2270, { externalFp32: true }),
    licence: 'MIT',
    card: 'https://huggingface.co/BAAI/bge-m3',
    languages: '100+',
    notes:
      'Dense retrieval head only: CLS + L2, no prefixes (its card). Large download, WebGPU recommended; fp32 keeps its weights in onnx/model.onnx_data (2.3 GB), too big for WASM.',
  }),
  hubModel({
    id: 'Snowflake/snowflake-arctic-embed-l-v2.0',
    label: 'snowflake-arctic-embed-l-v2.0',
    family: 'XLM-R large (bge-m3-retromae), retrieval-tuned',
    kind: 'retrieval',
    dimensions: 1024,
    layers: 24,
    vocab: 250002,
    pooling: 'cls',
    prefixes: ARCTIC_PREFIXES,
    dtypes: files(570, 1130, 2270, { externalFp32: true, q4f16MB: 700 }),
    licence: 'Apache-2.0',
    card: 'https://huggingface.co/Snowflake/snowflake-arctic-embed-l-v2.0',
    languages: '74',
    notes:
      'CLS + L2; queries get "query: ", documents nothing (its card). Has a q4f16 file for WebGPU with shader-f16 (~0.7 GB); fp32 is in external data, too big for WASM.',
  }),
  hubModel({
    id: 'Snowflake/snowflake-arctic-embed-m-v2.0',
    label: 'snowflake-arctic-embed-m-v2.0',
    family: "GTE-multilingual-base architecture (custom 'gte'/'new' code), retrieval-tuned",
    kind: 'retrieval',
    dimensions: 768,
    layers: 12,
    vocab: 250048,
    pooling: 'cls',
    prefixes: ARCTIC_PREFIXES,
    // Sizes estimated from its 305M parameters (the listing was not visible from here).
    dtypes: { q8: { file: ONNX_FILE.q8, approxMB: 310 }, fp32: { file: ONNX_FILE.fp32, approxMB: 1220 } },
    licence: 'Apache-2.0',
    card: 'https://huggingface.co/Snowflake/snowflake-arctic-embed-m-v2.0',
    languages: '74',
    notes:
      'CLS + L2; queries get "query: ", documents nothing (its card). Its architecture is not one transformers.js names; its AutoModel builds it as a plain encoder ' +
      '(base-class fallback), which runs the exported graph as it is (proven with the fixture/gte-new family fixture).',
  }),
  hubModel({
    id: 'onnx-community/gte-multilingual-base',
    label: 'gte-multilingual-base',
    family: "GTE multilingual base (custom 'new' architecture), retrieval-tuned",
    kind: 'retrieval',
    dimensions: 768,
    layers: 12,
    vocab: 250048,
    pooling: 'cls',
    prefixes: NO_PREFIXES,
    // Sizes estimated from its 305M parameters (the listing was not visible from here).
    dtypes: files(310, 615, 1220),
    licence: 'Apache-2.0',
    card: 'https://huggingface.co/Alibaba-NLP/gte-multilingual-base',
    languages: '75',
    notes:
      "CLS + L2, no prefixes (its card). model_type 'new' is not in transformers.js' model list; its AutoModel falls back to the base class, which runs the " +
      'exported encoder graph as it is (proven with the fixture/gte-new family fixture).',
  }),
  {
    id: 'fixture/xlmr-tiny',
    label: 'xlmr-tiny (test fixture)',
    family: 'generated XLM-R-shaped test fixture (2 layers, 64 hidden)',
    kind: 'fixture',
    dimensions: 64,
    layers: 2,
    vocab: 1659,
    pooling: 'mean',
    prefixes: E5_PREFIXES,
    dtypes: { q8: { file: ONNX_FILE.q8, approxMB: 0.35 }, fp16: { file: ONNX_FILE.fp16, approxMB: 0.43 }, fp32: { file: ONNX_FILE.fp32, approxMB: 0.84 } },
    licence: 'MIT (this project)',
    notes: 'Constructed weights, not trained: knows the 70 concepts of the lexicon corpus in 15 languages (docs/fixture-model.md). Committed; works offline.',
    local: 'fixture/xlmr-tiny',
  },
  {
    id: 'bench-e5-small-random',
    label: 'e5-small-shaped random weights (benchmark)',
    family: 'random weights in the exact shape of multilingual-e5-small',
    kind: 'bench',
    dimensions: 384,
    layers: 12,
    vocab: 250037,
    pooling: 'mean',
    prefixes: E5_PREFIXES,
    dtypes: { q8: { file: ONNX_FILE.q8, approxMB: 118 }, fp32: { file: ONNX_FILE.fp32, approxMB: 470 } },
    licence: 'MIT (this project)',
    notes: 'For timing only: costs what e5-small costs, embeddings mean nothing. Made by `npx tsx scripts/fixture-model/generate.ts --bench` (not committed).',
    local: 'bench-e5-small-random',
  },
];

export function findModel(id: string): ModelEntry | undefined {
  return MODEL_REGISTRY.find((m) => m.id === id || m.hub === id);
}

/** A registry entry's id as a stable cache-key part: model, dtype and pooling. */
export function encoderIdOf(entry: ModelEntry, dtype: Dtype): string {
  return `${entry.id}@${dtype}/${entry.pooling}`;
}
