/**
 * An embeddings file (Parquet, or .npy + ids) opened in set-up, acting as the encoder: what the
 * panels say about it, and which model, if any, it names for typed text. Pure, so it is tested.
 */
import type { EmbeddingCoverage } from '../../../core/embeddings/corpus-coverage';
import { parseEncoderLabel } from '../../../core/embeddings/encoder-label';
import { findModel, type Dtype, type ModelEntry } from '../../../encoder/model-registry';
import type { LoadedModelInfo } from '../../../encoder/worker-protocol';

/** The retriever id while a file's rows rank (never a model id: no registry entry has it). */
export const IMPORTED_ID = 'embeddings-file';

export interface ImportedEmbeddings {
  /** The file's name (the .npy's, for .npy + ids). */
  source: string;
  /** The encoder label from the file's metadata, when it has one. */
  label: string | undefined;
  /** The model that made the rows and can embed typed text the same way: named by the file, or picked by the person. */
  model: { entry: ModelEntry; dtype: Dtype; fromFile: boolean } | null;
  /** The rows came through a trained adapter: a model alone cannot make rows like them. */
  adapted: string | null;
  dim: number;
  coverage: EmbeddingCoverage;
  /** Coverage for a person (counts, then what is missing or unknown, with examples). */
  lines: string[];
  /** Encoder id the workers and adapters key on. */
  encoderId: string;
}

/** The registry model and dtype a file's label names, or null (no label, another form, unknown model or dtype, adapted rows). */
export function modelNamedBy(label: string | undefined, dim: number): { entry: ModelEntry; dtype: Dtype } | null {
  const parsed = parseEncoderLabel(label);
  const entry = parsed && !parsed.adapter ? findModel(parsed.modelId) : undefined;
  if (!parsed || !entry || entry.dimensions !== dim || entry.pooling !== parsed.pooling || !(parsed.dtype in entry.dtypes)) return null;
  return { entry, dtype: parsed.dtype as Dtype };
}

/** Whether the rows a loaded model gives are the rows of this file (same model, dtype and pooling, no adapter). */
export function sameRowsAs(imported: Pick<ImportedEmbeddings, 'label' | 'dim'>, encoderId: string): boolean {
  return imported.label !== undefined && modelNamedBy(imported.label, imported.dim) !== null && imported.label === encoderId;
}

/** What the set-up panel and the labels show for the file's rows (no device: no model runs). */
export function importedModelInfo(imported: ImportedEmbeddings): LoadedModelInfo {
  const model = imported.model?.fromFile ? imported.model : null;
  return {
    modelId: IMPORTED_ID,
    label: model ? `${model.entry.label} (from ${imported.source})` : imported.source,
    encoderId: imported.encoderId,
    device: 'wasm',
    dtype: model?.dtype ?? 'fp32',
    pooling: model?.entry.pooling ?? 'mean',
    dim: imported.dim,
    threads: 1,
    crossOriginIsolated: false,
    deviceReason: 'read from a file: no model runs',
    loadMs: 0,
  };
}

/** What the Ranking view says about typed text while the file's rows rank. */
export function freeTextNote(imported: ImportedEmbeddings): string {
  const where = `These embeddings came from ${imported.model?.fromFile ? imported.model.entry.label : 'a model'} in a file (${imported.source})`;
  if (imported.adapted) return `${where}, through a trained ${imported.adapted} adapter: only the corpus's own questions can be ranked; typed text has no row.`;
  if (imported.model) return `${where}; typing your own question downloads ${imported.model.entry.label}. Benchmark questions use the file's rows.`;
  return `${where}, and the file does not say which model made them: to rank your own question, pick that model below. Benchmark questions use the file's rows.`;
}
