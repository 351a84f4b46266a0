/**
 * Training state for the app (zustand): the form, the run's progress and loss curves, the
 * results, and the trained adapters by strategy, which the ranking view can apply to the same
 * encoder's embeddings to switch strategy for one query. `useTraining` is a store of its own;
 * `createTrainingSlice` also fits zustand's slices pattern.
 */
import { create, type StateCreator } from 'zustand';
import type { Corpus, LangCode } from '../../../core/corpus/types';
import type { Encoder, ProgressInfo } from '../../../core/retrieval/types';
import type { Adapter } from '../../../core/training/adapter';
import type { ExperimentResult } from '../../../core/training/run-experiment';
import type { BatchStrategy } from '../../../core/training/strategy-names';
import { XQUAD_R_LANGUAGES } from '../../../core/training/synthetic-benchmark';
import { selectTestCorpus } from '../../../core/training/test-corpus';
import { syntheticEncoderId } from '../../../core/teaching/synthetic-explorable';
import { isQuotaError } from '../../../encoder/embedding-store';
import { adapterCacheKey, buildCacheRecord, createDefaultAdapterCache, hashCorpus, restoreCacheRecord, type AdapterCache } from './adapter-cache';
import { createTrainingClient, type TrainingClient } from './training-client';
import type { LossPoint, TrainingJob, TrainingProductsInfo } from './training-messages';
import { DEFAULT_TRAINING_FORM, settingsOf, toggle, type TrainingForm } from './training-form';

export type TrainingStatus = 'idle' | 'embedding' | 'training' | 'done' | 'cancelled' | 'failed';

/** Adapters trained on one encoder's embeddings: only valid for rows of that encoder. */
export interface TrainedAdapters {
  encoderId: string;
  dim: number;
  corpusName: string;
  byStrategy: Partial<Record<BatchStrategy, Adapter>>;
}

export interface TrainingTimings {
  /** Embedding the corpus on the page (0 for the synthetic benchmark). */
  embedMs: number;
  /** The worker's whole job: generation, evaluation and training. */
  workerMs: number;
  generateMs: number;
  products: TrainingProductsInfo;
}

export interface TrainingSlice {
  trainingForm: TrainingForm;
  trainingStatus: TrainingStatus;
  /** What is being done outside the training steps: embedding, generating, evaluating. */
  trainingStage: ProgressInfo | null;
  /** Loss per step, per strategy, as it arrives. */
  lossCurves: Partial<Record<BatchStrategy, LossPoint[]>>;
  /** Steps per strategy in this run (0 until the first step). */
  lossTotalSteps: number;
  trainingResult: ExperimentResult | null;
  /** The test split the result's reports were scored on (its questions and passages, for the analysis views). */
  trainingTestCorpus: Corpus | null;
  trainingTimings: TrainingTimings | null;
  trainingProblem: string | null;
  /** The last run's adapters on the app's encoder, or on the synthetic benchmark's vectors of the run's seed. */
  trainedAdapters: TrainedAdapters | null;
  /** Set when the results on show came from this browser's cache, not a run in this session. */
  trainingRestored: { trainedAt: number } | null;
  /** The cache key (encoder + corpus hash) of the results on show; null for a synthetic run. */
  trainingCacheKey: string | null;
  /** One line about the adapter cache (could not save, forgotten); null when there is nothing to say. */
  adapterCacheNotice: string | null;
  setTrainingForm(patch: Partial<TrainingForm>): void;
  toggleTrainingStrategy(strategy: BatchStrategy): void;
  toggleHeldOutLanguage(lang: LangCode): void;
  /** Embeds (for source "corpus") and runs the experiment in the training worker. */
  startTraining(input: { corpus: Corpus | null; encoder: Encoder | null }): Promise<void>;
  cancelTraining(): void;
  /** Shows the cached run for this corpus and encoder, if this browser kept one (no-op while training). */
  restoreCachedTraining(input: { corpus: Corpus | null; encoderId: string | null }): Promise<void>;
  /** Deletes every cached run from this browser; the results on show stay for this session. */
  forgetCachedAdapters(): Promise<void>;
}

export interface TrainingSliceDeps {
  /** Default: the bundled training worker. */
  createClient?: () => TrainingClient;
  /** Default: IndexedDB where the browser has it; null keeps nothing. */
  cache?: AdapterCache | null;
}

export { adapterRowTransform } from '../../shared/workers/adapter-row-transform';

/** The adapters the ranking view can use with this encoder, or null (none, or trained on another encoder). */
export function selectAdaptersFor(state: Pick<TrainingSlice, 'trainedAdapters'>, encoderId: string | null): TrainedAdapters | null {
  const trained = state.trainedAdapters;
  return trained && encoderId !== null && trained.encoderId === encoderId ? trained : null;
}

/** An encoder may keep the rows it returns; the worker gets its own copy (transferred, not cloned). */
async function embedCopy(encoder: Encoder, texts: string[], kind: 'query' | 'passage', signal: AbortSignal, onProgress: (p: ProgressInfo) => void) {
  const rows = await encoder.embed(texts, kind, { signal, onProgress });
  if (rows.length !== texts.length * encoder.dim) throw new Error(`${encoder.id} returned ${rows.length / encoder.dim} rows for ${texts.length} texts`);
  return new Float32Array(rows);
}

/** What a new run starts from, and the page before any run: no results, curves, notices or cache link. */
const NO_RUN = {
  trainingStage: null,
  lossCurves: {},
  lossTotalSteps: 0,
  trainingResult: null,
  trainingTestCorpus: null,
  trainingTimings: null,
  trainingProblem: null,
  trainingRestored: null,
  trainingCacheKey: null,
  adapterCacheNotice: null,
} satisfies Partial<TrainingSlice>;

export function createTrainingSlice(deps: TrainingSliceDeps = {}): StateCreator<TrainingSlice> {
  return (set, get) => {
    let client: TrainingClient | null = null;
    let controller: AbortController | null = null;
    const cache = deps.cache === undefined ? createDefaultAdapterCache() : deps.cache;
    // The corpus hashed last: a corpus object does not change, and hashing a large one takes a moment.
    let hashed: { corpus: Corpus; hash: string } | null = null;
    const corpusHashOf = (c: Corpus) => {
      if (hashed?.corpus !== c) hashed = { corpus: c, hash: hashCorpus(c) };
      return hashed.hash;
    };
    const cacheProblem = (e: unknown, doing: string) =>
      isQuotaError(e)
        ? `This browser’s storage is full, so ${doing}; download the adapters to keep them.`
        : `This browser cannot keep adapters (${e instanceof Error ? e.message : String(e)}), so ${doing}.`;

    const addLoss = (points: LossPoint[], totalSteps: number) => {
      const curves = { ...get().lossCurves };
      for (const p of points) curves[p.strategy] = [...(curves[p.strategy] ?? []), p];
      // Training steps follow an evaluation stage: its text must not linger over them.
      set({ lossCurves: curves, lossTotalSteps: totalSteps, trainingStage: null });
    };

    return {
      trainingForm: DEFAULT_TRAINING_FORM,
      trainingStatus: 'idle',
      ...NO_RUN,
      trainedAdapters: null,

      setTrainingForm(patch) {
        set({ trainingForm: { ...get().trainingForm, ...patch } });
      },

      toggleTrainingStrategy(strategy) {
        const form = get().trainingForm;
        set({ trainingForm: { ...form, strategies: toggle(form.strategies, strategy) } });
      },

      toggleHeldOutLanguage(lang) {
        const form = get().trainingForm;
        set({ trainingForm: { ...form, heldOutLanguages: toggle(form.heldOutLanguages, lang) } });
      },

      async startTraining({ corpus, encoder }) {
        const status = get().trainingStatus;
        if (status === 'embedding' || status === 'training') return;
        const form = get().trainingForm;
        const fail = (problem: string) => set({ trainingProblem: problem });
        if (form.strategies.length === 0) return fail('Pick at least one batch strategy to train.');
        if (form.source === 'corpus' && !corpus) return fail('Open a corpus first, or train on the synthetic benchmark.');
        if (form.source === 'corpus' && !encoder) {
          return fail('Training adapts a dense model’s embeddings: load a dense model first (BM25 has none), or train on the synthetic benchmark.');
        }

        const own = new AbortController();
        controller = own;
        set({ trainingStatus: form.source === 'corpus' ? 'embedding' : 'training', ...NO_RUN });
        try {
          // Per-question records: the Evaluation tab's rank-distance histogram and drill-down read them.
          let job: TrainingJob;
          let embedMs = 0;
          if (form.source === 'corpus') {
            const c = corpus!;
            const e = encoder!;
            const started = performance.now();
            const onProgress = (info: ProgressInfo) => set({ trainingStage: info });
            const passageRows = await embedCopy(
              e,
              c.passages.map((p) => p.text),
              'passage',
              own.signal,
              onProgress,
            );
            const queryRows = await embedCopy(
              e,
              c.questions.map((q) => q.text),
              'query',
              own.signal,
              onProgress,
            );
            embedMs = performance.now() - started;
            // Ranking never reads a passage's paragraph context, so it stays on the page.
            const workerCorpus: Corpus = { ...c, passages: c.passages.map(({ context: _c, ...p }) => p) };
            job = {
              source: { kind: 'embeddings', corpus: workerCorpus, encoderId: e.id, dim: e.dim, queryRows, passageRows },
              settings: settingsOf(form, c.languages),
              keepQueries: true,
            };
          } else {
            job = { source: { kind: 'synthetic', seed: form.seed }, settings: settingsOf(form, XQUAD_R_LANGUAGES), keepQueries: true };
          }
          job.products = form.products;
          set({ trainingStatus: 'training' });
          client ??= (deps.createClient ?? createTrainingClient)();
          const outcome = await client.run(job, {
            signal: own.signal,
            onStage: (info) => set({ trainingStage: info }),
            onLoss: addLoss,
          });
          if (controller !== own) return;
          const { result } = outcome;
          const byStrategy: Partial<Record<BatchStrategy, Adapter>> = {};
          for (const s of result.strategies) byStrategy[s.name] = s.adapter;
          const corpusHash = job.source.kind === 'embeddings' ? corpusHashOf(corpus!) : null;
          set({
            trainingStatus: 'done',
            trainingStage: null,
            trainingResult: result,
            trainingTestCorpus: outcome.testCorpus,
            trainingTimings: { embedMs, workerMs: outcome.workerMs, generateMs: outcome.generateMs, products: outcome.products },
            // Keyed per seed after a synthetic run: Ranking applies them to that benchmark's vectors (setup/synthetic-source.ts).
            trainedAdapters: {
              encoderId: job.source.kind === 'embeddings' ? result.encoder.id : syntheticEncoderId(job.source.seed, result.encoder.dim),
              dim: result.encoder.dim,
              corpusName: result.corpus.name,
              byStrategy,
            },
            trainingCacheKey: corpusHash === null ? null : adapterCacheKey(result.encoder.id, corpusHash),
          });
          if (corpusHash !== null) {
            const { lossCurves, lossTotalSteps } = get();
            const record = buildCacheRecord({ result, corpusHash, form, lossCurves, lossTotalSteps, trainedAt: Date.now() });
            // Saving is a bonus: a failure leaves the run as it is and says so in one line.
            const saving = cache ? cache.put(record) : Promise.reject(new Error('IndexedDB is not available'));
            await saving.catch((e: unknown) => {
              if (get().trainingCacheKey === record.key) set({ adapterCacheNotice: cacheProblem(e, 'these adapters last only until the page closes') });
            });
          }
        } catch (e) {
          if (controller !== own) return;
          const cancelled = own.signal.aborted;
          set({
            trainingStatus: cancelled ? 'cancelled' : 'failed',
            trainingStage: null,
            trainingProblem: cancelled ? null : `Training failed: ${e instanceof Error ? e.message : String(e)}`,
          });
        } finally {
          if (controller === own) controller = null;
        }
      },

      cancelTraining() {
        controller?.abort(new DOMException('training cancelled', 'AbortError'));
      },

      async restoreCachedTraining({ corpus, encoderId }) {
        if (!cache || !corpus || !encoderId) return;
        const key = adapterCacheKey(encoderId, corpusHashOf(corpus));
        const busy = () => get().trainingStatus === 'embedding' || get().trainingStatus === 'training';
        if (busy() || get().trainingCacheKey === key) return;
        let restored;
        try {
          restored = restoreCacheRecord(await cache.get(key), key);
        } catch {
          return; // No cache, or an unreadable record: the tab simply offers to train.
        }
        if (!restored || busy() || get().trainingCacheKey === key) return;
        const { record, result, byStrategy } = restored;
        set({
          trainingForm: { ...DEFAULT_TRAINING_FORM, ...(record.form as Partial<TrainingForm>), source: 'corpus' },
          trainingStatus: 'done',
          trainingStage: null,
          lossCurves: record.lossCurves,
          lossTotalSteps: record.lossTotalSteps,
          trainingResult: result,
          trainingTestCorpus: selectTestCorpus(corpus, result.split.testQids),
          trainingTimings: null,
          trainingProblem: null,
          trainedAdapters: { encoderId: record.encoderId, dim: record.dim, corpusName: record.corpusName, byStrategy },
          trainingRestored: { trainedAt: record.trainedAt },
          trainingCacheKey: key,
          adapterCacheNotice: null,
        });
      },

      async forgetCachedAdapters() {
        try {
          if (cache) await cache.clear();
          set({ adapterCacheNotice: 'Forgotten: this browser keeps no trained adapters now; the results on show last until the page closes.' });
        } catch (e) {
          set({ adapterCacheNotice: cacheProblem(e, 'nothing was kept to forget') });
        }
      },
    };
  };
}

/** The app's training store. */
export const useTraining = create<TrainingSlice>()(createTrainingSlice());
