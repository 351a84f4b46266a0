/**
 * Embeddings files in the app: open one (its rows become the encoder for ranking, evaluation,
 * the embedding map and training, and no model is downloaded), save the current rows (the
 * model's, or a trained adapter's) as one, and load the file's model only when someone types
 * their own question. The rows and encoders live here, outside the store, like the model's.
 */
import { describeCoverage } from '../../../core/embeddings/corpus-coverage';
import { parseEncoderLabel } from '../../../core/embeddings/encoder-label';
import type { EmbeddingSet } from '../../../core/embeddings/embedding-set';
import { checkCorpusSize } from '../../../core/evaluation/corpus-limits';
import { createFallbackEncoder } from '../../../core/retrieval/fallback-encoder';
import { createPrecomputedEncoder, type PrecomputedEncoder } from '../../../core/retrieval/precomputed-encoder';
import type { Encoder, ProgressInfo } from '../../../core/retrieval/types';
import type { BatchStrategy } from '../../../core/training/strategy-names';
import type { LoadProgress } from '../../../encoder/load-progress';
import { findModel, type Dtype } from '../../../encoder/model-registry';
import { findRestoredSet, keepRestoredSet } from '../../shared/restored-rows-store';
import type { Corpus } from '../../../core/corpus/types';
import { currentEncoder, disposeEncoderClient, getEncoderClient, setCurrentEncoder } from '../../shared/services';
import type { SliceCreator } from '../../app-store';
import { readEmbeddingsInWorker } from './embeddings-file-client';
import { cancelWork, endWork, saveCorpusEmbeddings, startWork } from './embeddings-save';
import type { EmbeddingsFormat } from './embeddings-file-messages';
import { createRowMemoEncoder } from '../ranking/row-memo-encoder';
import { IMPORTED_ID, importedModelInfo, modelNamedBy, sameRowsAs, type ImportedEmbeddings } from './imported-embeddings';

export interface EmbeddingsSlice {
  imported: ImportedEmbeddings | null;
  /** What is being done with a file ("Reading rows.parquet… 12 MB of 40 MB", "Embedding passages"), or null; `bytes`: done and total count bytes. */
  embeddingsWork: (ProgressInfo & { bytes?: boolean }) | null;
  /** Why a file could not be opened or saved; what was in use stays. */
  embeddingsProblem: string | null;
  embeddingsNotice: string | null;
  /** The file's model loading for typed text. */
  freeTextLoading: { label: string; progress: LoadProgress | null } | null;
  /** The file's model is loaded: typed text ranks. */
  freeTextReady: boolean;
  /** The file whose rows the loaded model answers with for the corpus's texts (restored rows), or null. */
  restoredRowsFrom: string | null;
  openEmbeddings(files: readonly File[]): Promise<void>;
  /** Ranks with the open file's rows again (after another retriever was chosen). */
  useImportedEmbeddings(): void;
  /** Checks the open file against a newly opened corpus. */
  rebindImportedEmbeddings(): void;
  /** Downloads the current rows of the corpus (through the adapter of `strategy`, when given) as Parquet or .npy + ids. */
  saveEmbeddings(format: EmbeddingsFormat, strategy?: BatchStrategy): Promise<void>;
  /** For a file that names no model: the model that made its rows, for typed text. */
  pickFreeTextModel(id: string): void;
  loadFreeTextModel(): Promise<void>;
  /** Stops reading or saving a file; what was in use stays, and the notice says so. */
  cancelEmbeddingsWork(): void;
  dismissEmbeddingsProblem(): void;
}

let importedSet: EmbeddingSet | null = null;
let precomputed: PrecomputedEncoder | null = null;
let freeTextEncoder: Encoder | null = null;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** Whether typed text must wait for a model: the file's rows rank, the text is not one of the corpus's questions, and no model is loaded. */
export function importedTextNeedsModel(text: string): boolean {
  return precomputed !== null && freeTextEncoder === null && !precomputed.holds(text, 'query');
}

/**
 * A loaded model's encoder, answering from a file's rows where the file holds this model's rows
 * (same model, dtype and pooling): the open file, else one kept in this browser from an earlier
 * visit. Restoring a file saved from model X makes a later "load X, evaluate" use its rows
 * instead of embedding again. `from` names the file, for the set-up panel.
 */
export async function withRestoredRows(
  encoder: Encoder,
  imported: ImportedEmbeddings | null,
  corpus: Corpus | null,
): Promise<{ encoder: Encoder; from: string | null }> {
  if (imported && precomputed && sameRowsAs(imported, encoder.id))
    return { encoder: createFallbackEncoder(precomputed, () => encoder, { id: encoder.id }), from: imported.source };
  const kept = corpus ? await findRestoredSet(encoder.id).catch(() => undefined) : undefined;
  if (!corpus || !kept || kept.dim !== encoder.dim) return { encoder, from: null };
  const rows = createPrecomputedEncoder(kept, corpus);
  if (rows.coverage.passages.covered === 0 && rows.coverage.questions.covered === 0) return { encoder, from: null };
  return { encoder: createFallbackEncoder(rows, () => encoder, { id: encoder.id }), from: kept.source };
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createEmbeddingsSlice: SliceCreator<EmbeddingsSlice> = (set, get) => {
  /** The file's rows against the active corpus; null (and the problem said) when they cannot serve it. */
  function bind(file: EmbeddingSet): ImportedEmbeddings | null {
    const active = get().active;
    if (!active) return null;
    const tooLarge = checkCorpusSize(active.corpus.passages.length, file.dim);
    if (tooLarge) {
      set({ embeddingsProblem: `${file.source} is not used: ${tooLarge}.` });
      return null;
    }
    const encoder = createPrecomputedEncoder(file, active.corpus);
    const { coverage } = encoder;
    if (coverage.passages.covered === 0 && coverage.questions.covered === 0) {
      set({
        embeddingsProblem: `${file.source}: none of its ${file.ids.length} ids is a passage or question of ${active.corpus.name}, so it was made for another corpus (${describeCoverage(coverage, file.source).at(-1)}).`,
      });
      return null;
    }
    const named = modelNamedBy(file.encoder, file.dim);
    const lines = describeCoverage(coverage, file.source);
    if (encoder.normalized) lines.push(`${encoder.normalized} rows were not unit length and were scaled to it (the lab ranks by cosine)`);
    if (encoder.conflicts) lines.push(`${encoder.conflicts} texts appear twice with different rows; the first row is used`);
    precomputed = encoder;
    return {
      source: file.source,
      label: file.encoder,
      model: named && { ...named, fromFile: true },
      adapted: parseEncoderLabel(file.encoder)?.adapter ?? null,
      dim: file.dim,
      coverage,
      lines,
      encoderId: encoder.id,
    };
  }

  function select(imported: ImportedEmbeddings): void {
    get().modelLoading?.controller.abort();
    // The model in use stays as the typed-text model when it made these rows; else it is freed.
    const model = currentEncoder();
    freeTextEncoder = model && get().retrieverId !== IMPORTED_ID && sameRowsAs(imported, model.id) ? model : null;
    if (!freeTextEncoder) disposeEncoderClient();
    setCurrentEncoder(createFallbackEncoder(precomputed!, () => freeTextEncoder));
    set({
      imported,
      retrieverId: IMPORTED_ID,
      encoderInfo: importedModelInfo(imported),
      modelLoading: null,
      modelProblem: null,
      pendingModel: null,
      freeTextReady: freeTextEncoder !== null,
      freeTextLoading: null,
      restoredRowsFrom: null,
    });
    get().scheduleRanking(0);
  }

  return {
    imported: null,
    embeddingsWork: null,
    embeddingsProblem: null,
    embeddingsNotice: null,
    freeTextLoading: null,
    freeTextReady: false,
    restoredRowsFrom: null,

    async openEmbeddings(files) {
      const names = files.map((f) => f.name).join(' and ');
      if (!get().active) {
        set({ embeddingsProblem: `${names}: open a corpus first; embeddings are checked against its passages and questions.` });
        return;
      }
      set({ embeddingsWork: { stage: `Reading ${names}…`, done: 0, total: 0 }, embeddingsProblem: null, embeddingsNotice: null });
      const kept = get().imported ? `still using ${get().imported!.source}` : 'nothing was changed';
      const controller = startWork(`Reading ${names} was cancelled; ${kept}.`);
      const onProgress = (done: number, total: number) =>
        !controller.signal.aborted &&
        set({ embeddingsWork: { stage: done < total ? `Reading ${names}… ${mb(done)} of ${mb(total)}` : `Checking ${names}…`, done, total, bytes: true } });
      let file: EmbeddingSet;
      try {
        file = await readEmbeddingsInWorker(files, { signal: controller.signal, onProgress });
      } catch (e) {
        if (controller.signal.aborted) return; // cancelEmbeddingsWork said so
        set({
          embeddingsWork: null,
          embeddingsProblem: `${message(e)}. ${get().imported ? `Still using ${get().imported!.source}.` : 'Nothing was changed.'}`,
        });
        return;
      } finally {
        endWork(controller);
      }
      set({ embeddingsWork: null });
      // Its own task: indexing 26,104 rows after the worker's reply would make one long task with it.
      await new Promise((resolve) => setTimeout(resolve));
      const keep = precomputed;
      const imported = bind(file);
      if (!imported) {
        precomputed = keep;
        return;
      }
      importedSet = file;
      select(imported);
      // Kept for later visits: loading this model then answers from these rows (restored rows).
      if (imported.model?.fromFile)
        keepRestoredSet(file).then(
          () =>
            set({ embeddingsNotice: `Kept in this browser: loading ${imported.model!.entry.label} later answers this corpus's texts from ${file.source}.` }),
          () => set({ embeddingsNotice: `${file.source} could not be kept in this browser (storage full?); it is in use for this visit.` }),
        );
    },

    useImportedEmbeddings() {
      const imported = get().imported;
      if (imported && precomputed) select(imported);
    },

    rebindImportedEmbeddings() {
      if (!importedSet) return;
      const imported = bind(importedSet);
      if (imported && get().retrieverId === IMPORTED_ID) select(imported);
      else if (imported) set({ imported });
      else {
        const source = importedSet.source;
        importedSet = precomputed = freeTextEncoder = null;
        set({ imported: null, freeTextReady: false });
        if (get().retrieverId === IMPORTED_ID)
          void get()
            .setRetriever('bm25')
            .then(() => set({ modelProblem: `${source} does not fit this corpus; using BM25.` }));
      }
    },

    saveEmbeddings: (format, strategy) => saveCorpusEmbeddings(get, set, format, strategy),

    cancelEmbeddingsWork() {
      const cancelled = cancelWork();
      if (cancelled) set({ embeddingsWork: null, embeddingsProblem: null, embeddingsNotice: cancelled });
    },

    pickFreeTextModel(id) {
      const imported = get().imported;
      const entry = findModel(id);
      if (!imported || !entry) return;
      if (entry.dimensions !== imported.dim) {
        set({
          embeddingsProblem: `${entry.label} gives ${entry.dimensions}-dimensional rows, but ${imported.source} has ${imported.dim}: it cannot have made them.`,
        });
        return;
      }
      const dtype = (entry.dtypes.q8 ? 'q8' : Object.keys(entry.dtypes)[0]) as Dtype;
      set({ imported: { ...imported, model: { entry, dtype, fromFile: false } }, embeddingsProblem: null });
      void get().loadFreeTextModel();
    },

    async loadFreeTextModel() {
      const imported = get().imported;
      if (!imported?.model || imported.adapted || freeTextEncoder || get().freeTextLoading) return;
      const { entry, dtype } = imported.model;
      set({ freeTextLoading: { label: entry.label, progress: null } });
      try {
        const source = entry.hub && get().modelOrigin === 'hub' ? ({ type: 'hub' } as const) : ({ type: 'served' } as const);
        const model = await getEncoderClient().load(
          { model: entry, source, device: get().devicePreference, dtype },
          { onProgress: (progress) => get().freeTextLoading && set({ freeTextLoading: { label: entry.label, progress } }) },
        );
        if (get().imported?.source !== imported.source || get().retrieverId !== IMPORTED_ID) return;
        freeTextEncoder = createRowMemoEncoder(model);
        set({ freeTextLoading: null, freeTextReady: true });
        get().scheduleRanking(0);
      } catch (e) {
        set({ freeTextLoading: null, embeddingsProblem: `${entry.label} could not be loaded for typed text: ${message(e)}` });
      }
    },

    dismissEmbeddingsProblem() {
      set({ embeddingsProblem: null, embeddingsNotice: null });
    },
  };
};
