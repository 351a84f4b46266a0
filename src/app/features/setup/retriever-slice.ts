/** Which retriever ranks: BM25 (no model) or a dense model loaded through the encoder client. */
import { checkCorpusSize } from '../../../core/evaluation/corpus-limits';
import type { DevicePreference } from '../../../encoder/device-policy';
import { readDevicePreference, saveDevicePreference } from '../../../encoder/device-preference';
import { planDownload } from '../../../encoder/download-plan';
import type { LoadProgress } from '../../../encoder/load-progress';
import { cachedModelFiles } from '../../../encoder/model-file-cache';
import { findModel, type ModelEntry } from '../../../encoder/model-registry';
import type { LoadedModelInfo, ModelSource } from '../../../encoder/worker-protocol';
import { disposeEncoderClient, getEncoderClient, getRankingClient, onEncoderNotice, setCurrentEncoder } from '../../shared/services';
import type { RetrieverSpec } from '../../shared/workers/worker-messages';
import type { SliceCreator } from '../../app-store';
import { pageGpuReport } from './page-gpu';
import { isSyntheticRef, SYNTHETIC_ID, syntheticModelInfo } from './synthetic-source';
import { withRestoredRows } from './embeddings-slice';
import { createRowMemoEncoder } from '../ranking/row-memo-encoder';
import { IMPORTED_ID } from './imported-embeddings';
import type { Encoder } from '../../../core/retrieval/types';

export type ModelOrigin = 'hub' | 'served';

export interface RetrieverSlice {
  /** "bm25", "synthetic" (the synthetic benchmark's own vectors) or a registry model id. */
  retrieverId: string;
  /** The loaded model: device, dtype and why. Null for BM25. */
  encoderInfo: LoadedModelInfo | null;
  modelLoading: { modelId: string; label: string; progress: LoadProgress | null; controller: AbortController } | null;
  modelProblem: string | null;
  /** A model waiting for the person to agree to download it (a link named it, or it is over 500 MB). */
  pendingModel: string | null;
  /** The person's device choice; an explicit WebGPU or WASM overrides the automatic policy. */
  devicePreference: DevicePreference;
  /** Where hub models are fetched from: the Hugging Face hub, or this site's /models/ folder. */
  modelOrigin: ModelOrigin;
  retrieverSpec(): RetrieverSpec;
  /** `confirmed`: the person agreed to a download over 500 MB (else such a model waits in pendingModel). */
  setRetriever(id: string, opts?: { confirmed?: boolean }): Promise<void>;
  /** Ranks with the synthetic benchmark's vectors (the corpus slice calls it when it opens that benchmark). */
  selectSyntheticVectors(encoder: Encoder): void;
  /** Stores the choice and reloads a loaded model on the chosen device. */
  setDevicePreference(choice: DevicePreference): void;
  setModelOrigin(origin: ModelOrigin): void;
  /** Asks before downloading a model a link names (a link should not start a large download by itself). */
  proposeModel(id: string): void;
  cancelModelLoad(): void;
  /** Stops embedding passages for the ranking (and goes back to BM25). */
  cancelEmbedding(): void;
  dismissModelProblem(): void;
}

function sourceFor(entry: ModelEntry, origin: ModelOrigin): ModelSource {
  return entry.hub && origin === 'hub' ? { type: 'hub' } : { type: 'served' };
}

/** A hub download over 500 MB that the browser's cache does not already hold waits for a yes. */
async function needsConsent(entry: ModelEntry, preference: DevicePreference): Promise<boolean> {
  const plan = planDownload(entry, await pageGpuReport(), preference);
  if (!plan.askFirst) return false;
  const cached = await cachedModelFiles(entry, plan.dtype);
  return cached.missing.length > 0;
}

export const createRetrieverSlice: SliceCreator<RetrieverSlice> = (set, get) => {
  onEncoderNotice((n) => get().addNotice(n.message));

  const switchToBm25 = (problem: string | null) => {
    disposeEncoderClient();
    setCurrentEncoder(null);
    set({ retrieverId: 'bm25', encoderInfo: null, modelLoading: null, modelProblem: problem });
    get().scheduleRanking(0);
  };

  return {
    retrieverId: 'bm25',
    encoderInfo: null,
    modelLoading: null,
    modelProblem: null,
    pendingModel: null,
    devicePreference: readDevicePreference(),
    modelOrigin: 'hub',

    retrieverSpec() {
      const info = get().encoderInfo;
      return get().retrieverId === 'bm25' || !info ? { kind: 'bm25' } : { kind: 'dense', encoderId: info.encoderId, dim: info.dim };
    },

    async setRetriever(id, opts = {}) {
      get().modelLoading?.controller.abort();
      set({ pendingModel: null, modelProblem: null });
      const onSynthetic = isSyntheticRef(get().active?.ref);
      if (id === SYNTHETIC_ID) {
        // Its vectors come with its corpus: choosing them opens the benchmark.
        if (!onSynthetic || get().retrieverId !== SYNTHETIC_ID) await get().openCorpus({ kind: 'preset', id: SYNTHETIC_ID });
        return;
      }
      if (onSynthetic && get().retrieverId === SYNTHETIC_ID) {
        set({
          modelProblem: 'The synthetic benchmark is made of vectors, not text: only its own vectors rank it. Open another corpus to use BM25 or a model.',
        });
        return;
      }
      if (id === IMPORTED_ID) {
        get().useImportedEmbeddings();
        return;
      }
      if (id === 'bm25') {
        switchToBm25(null);
        return;
      }
      const entry = findModel(id);
      if (!entry) {
        set({ modelProblem: `There is no model "${id}" in this build's registry; ${get().retrieverId === 'bm25' ? 'BM25' : get().retrieverId} stays in use.` });
        return;
      }
      const passages = get().active?.corpus.passages.length ?? 0;
      const tooLarge = checkCorpusSize(passages, entry.dimensions);
      if (tooLarge) {
        set({ modelProblem: `${entry.label} is not loaded: ${tooLarge}.` });
        return;
      }
      const source = sourceFor(entry, get().modelOrigin);
      if (!opts.confirmed && source.type === 'hub' && (await needsConsent(entry, get().devicePreference))) {
        set({ pendingModel: entry.id });
        return;
      }
      const controller = new AbortController();
      set({ modelLoading: { modelId: entry.id, label: entry.label, progress: null, controller } });
      try {
        const encoder = await getEncoderClient().load(
          { model: entry, source, device: get().devicePreference },
          {
            signal: controller.signal,
            onProgress: (progress) => get().modelLoading?.controller === controller && set({ modelLoading: { ...get().modelLoading!, progress } }),
          },
        );
        if (controller.signal.aborted) return;
        // Each text is embedded once per load (a q8 model's row depends on its batch-mates), so the
        // ranking, evaluation, training and saved files all see the same row for a text. An open
        // embeddings file of this model's rows answers for the corpus's texts (restored rows).
        const restored = await withRestoredRows(createRowMemoEncoder(encoder), get().imported, get().active?.corpus ?? null);
        if (controller.signal.aborted) return;
        setCurrentEncoder(restored.encoder);
        set({ retrieverId: entry.id, encoderInfo: encoder.info, modelLoading: null, restoredRowsFrom: restored.from });
        get().scheduleRanking(0);
      } catch (e) {
        if (get().modelLoading?.controller !== controller) return; // replaced by a newer choice
        // Loading replaces the previous model's worker, so a failed load leaves BM25.
        const why = controller.signal.aborted
          ? `Loading ${entry.label} was cancelled`
          : `${entry.label} could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
        switchToBm25(`${why}. Using BM25.`);
      }
    },

    selectSyntheticVectors(encoder) {
      get().modelLoading?.controller.abort();
      disposeEncoderClient();
      setCurrentEncoder(encoder);
      set({ retrieverId: SYNTHETIC_ID, encoderInfo: syntheticModelInfo(encoder), modelLoading: null, modelProblem: null, pendingModel: null });
      get().scheduleRanking(0);
    },

    setDevicePreference(choice) {
      saveDevicePreference(choice);
      set({ devicePreference: choice });
      const current = get().modelLoading?.modelId ?? (['bm25', SYNTHETIC_ID, IMPORTED_ID].includes(get().retrieverId) ? null : get().retrieverId);
      if (current) void get().setRetriever(current, { confirmed: true });
    },

    setModelOrigin(origin) {
      set({ modelOrigin: origin });
    },

    proposeModel(id) {
      if (findModel(id)) set({ pendingModel: id });
      else set({ modelProblem: `The link names a model "${id}" that this build does not know; using BM25.` });
    },

    cancelModelLoad() {
      get().modelLoading?.controller.abort();
    },

    cancelEmbedding() {
      getRankingClient().cancelPools();
      switchToBm25('Embedding was cancelled. Using BM25.');
    },

    dismissModelProblem() {
      set({ modelProblem: null, pendingModel: null });
    },
  };
};
