/**
 * The encoders the lab knows, as data: shapes, pooling, prefixes, files per dtype, sizes, licences.
 * Facts from the public model cards and repo listings (shared/reference/models.md); sizes are
 * approximate. Nothing here is a code path: loaders read these fields, never test for an id.
 */

export type Dtype = 'fp32' | 'fp16' | 'q8';
export type Pooling = 'mean' | 'cls';
export type ModelKind = 'retrieval' | 'paraphrase' | 'baseline' | 'fixture' | 'bench';

export interface DtypeFile {
  /** Relative to the model folder, transformers.js naming. */
  file: string;
  /** Size of that ONNX file in MB (1e6 bytes), approximate. */
  approxMB: number;
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
};

const E5_PREFIXES = { query: 'query: ', passage: 'passage: ' };
const NO_PREFIXES = { query: '', passage: '' };

function files(q8MB: number, fp16MB: number, fp32MB: number): ModelEntry['dtypes'] {
  return {
    q8: { file: ONNX_FILE.q8, approxMB: q8MB },
    fp16: { file: ONNX_FILE.fp16, approxMB: fp16MB },
    fp32: { file: ONNX_FILE.fp32, approxMB: fp32MB },
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
    dimensions: 384, layers: 12, vocab: 250037,
    pooling: 'mean', prefixes: E5_PREFIXES,
    dtypes: files(118, 235, 470),
    licence: 'MIT',
    notes: 'The default: small enough for any laptop. Trained with "query: " / "passage: " prefixes.',
  }),
  hubModel({
    id: 'Xenova/multilingual-e5-base',
    label: 'multilingual-e5-base',
    family: 'XLM-R base, retrieval-tuned',
    kind: 'retrieval',
    dimensions: 768, layers: 12, vocab: 250002,
    pooling: 'mean', prefixes: E5_PREFIXES,
    dtypes: files(279, 555, 1110),
    licence: 'MIT',
    notes: 'XLM-R base fine-tuned for retrieval: the closest hub model to the paper\'s XLM-R.',
  }),
  hubModel({
    id: 'Xenova/multilingual-e5-large',
    label: 'multilingual-e5-large',
    family: 'XLM-R large, retrieval-tuned',
    kind: 'retrieval',
    dimensions: 1024, layers: 24, vocab: 250002,
    pooling: 'mean', prefixes: E5_PREFIXES,
    dtypes: files(562, 1120, 2240),
    licence: 'MIT',
    notes: 'Large download (over 0.5 GB even quantised); WebGPU recommended.',
  }),
  hubModel({
    id: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
    label: 'paraphrase-multilingual-MiniLM-L12-v2',
    family: 'MiniLM with the XLM-R vocabulary, paraphrase-tuned',
    kind: 'paraphrase',
    dimensions: 384, layers: 12, vocab: 250037,
    pooling: 'mean', prefixes: NO_PREFIXES,
    dtypes: files(118, 235, 470),
    licence: 'Apache-2.0',
    notes: 'Tuned on paraphrase pairs, not question-answer pairs; rows are L2-normalised for cosine.',
  }),
  hubModel({
    id: 'Xenova/paraphrase-multilingual-mpnet-base-v2',
    label: 'paraphrase-multilingual-mpnet-base-v2',
    family: 'XLM-R base, paraphrase-tuned',
    kind: 'paraphrase',
    dimensions: 768, layers: 12, vocab: 250002,
    pooling: 'mean', prefixes: NO_PREFIXES,
    dtypes: files(279, 555, 1110),
    licence: 'Apache-2.0',
    notes: 'XLM-R base distilled from a paraphrase teacher.',
  }),
  hubModel({
    id: 'Xenova/LaBSE',
    label: 'LaBSE',
    family: 'BERT with a 501k WordPiece vocabulary, translation-pair tuned',
    kind: 'retrieval',
    dimensions: 768, layers: 12, vocab: 501153,
    pooling: 'cls', prefixes: NO_PREFIXES,
    dtypes: files(472, 941, 1880),
    licence: 'Apache-2.0',
    notes: 'LaBSE pools CLS, then a Dense(768->768, tanh) layer, then L2. The ONNX export lacks that Dense layer, so plain CLS + L2 here is an approximation of LaBSE.',
  }),
  hubModel({
    id: 'Xenova/xlm-roberta-base',
    label: 'xlm-roberta-base (raw)',
    family: 'raw pre-trained XLM-R base (masked LM only)',
    kind: 'baseline',
    dimensions: 768, layers: 12, vocab: 250002,
    pooling: 'mean', prefixes: NO_PREFIXES,
    dtypes: files(280, 557, 1110),
    licence: 'MIT',
    notes: 'A baseline: never trained for retrieval, so it shows why retrieval training matters. Expect poor rankings.',
  }),
  hubModel({
    id: 'Xenova/bert-base-multilingual-cased',
    label: 'bert-base-multilingual-cased (raw)',
    family: 'raw mBERT',
    kind: 'baseline',
    dimensions: 768, layers: 12, vocab: 119547,
    pooling: 'mean', prefixes: NO_PREFIXES,
    dtypes: files(180, 356, 712),
    licence: 'Apache-2.0',
    notes: 'A baseline: LAReQA\'s mBERT starting point, not trained for retrieval.',
  }),
  hubModel({
    id: 'Xenova/bge-m3',
    label: 'bge-m3',
    family: 'XLM-R large, retrieval-tuned',
    kind: 'retrieval',
    dimensions: 1024, layers: 24, vocab: 250002,
    pooling: 'cls', prefixes: NO_PREFIXES,
    dtypes: files(570, 1130, 2270),
    licence: 'MIT',
    notes: 'Dense retrieval head only (CLS + L2); large download, WebGPU recommended.',
  }),
  {
    id: 'fixture/xlmr-tiny',
    label: 'xlmr-tiny (test fixture)',
    family: 'generated XLM-R-shaped test fixture (2 layers, 64 hidden)',
    kind: 'fixture',
    dimensions: 64, layers: 2, vocab: 1659,
    pooling: 'mean', prefixes: E5_PREFIXES,
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
    dimensions: 384, layers: 12, vocab: 250037,
    pooling: 'mean', prefixes: E5_PREFIXES,
    dtypes: { q8: { file: ONNX_FILE.q8, approxMB: 118 }, fp32: { file: ONNX_FILE.fp32, approxMB: 470 } },
    licence: 'MIT (this project)',
    notes: 'For timing only: costs what e5-small costs, embeddings mean nothing. Made by `npx tsx scripts/fixture-model/generate.ts --bench` (not committed).',
    local: 'bench-e5-small-random',
  },
];

export function findModel(id: string): ModelEntry | undefined {
  return MODEL_REGISTRY.find((m) => m.id === id || m.hub === id);
}

/** The files a loader needs for one dtype; special_tokens_map.json is optional. */
export function requiredFilesFor(entry: ModelEntry, dtype: Dtype): string[] {
  return ['config.json', 'tokenizer.json', 'tokenizer_config.json', entry.dtypes[dtype]?.file ?? ONNX_FILE[dtype]];
}

/** Files a dtype needs that a folder (relative path -> anything) lacks, in load order. */
export function missingFiles(entry: ModelEntry, dtype: Dtype, files: Record<string, unknown>): string[] {
  return requiredFilesFor(entry, dtype).filter((f) => !(f in files));
}

/** A registry entry's id as a stable cache-key part: model, dtype and pooling. */
export function encoderIdOf(entry: ModelEntry, dtype: Dtype): string {
  return `${entry.id}@${dtype}/${entry.pooling}`;
}
