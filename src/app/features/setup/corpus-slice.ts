/** The active corpus, loading another one, and why one could not be opened. */
import type { CorpusRef } from '../../../core/view-state/view-state';
import type { ProgressInfo } from '../../../core/retrieval/types';
import { describeCorpusProblem, describeCorpusRef, type CorpusProblem } from './open-corpus';
import { openCorpusInWorker } from './corpus-load-client';
import { getRankingClient } from '../../shared/services';
import { indexCorpus, type ActiveCorpus } from './active-corpus';
import type { SliceCreator } from '../../app-store';
import { useTraining } from '../training/training-slice';
import { isSyntheticRef, openSyntheticBenchmark, SYNTHETIC_ID } from './synthetic-source';

export interface CorpusSlice {
  active: ActiveCorpus | null;
  corpusLoading: { label: string; controller: AbortController; progress: ProgressInfo | null } | null;
  /** Said after a load the person cancelled (the active corpus, if any, stays). */
  corpusNotice: string | null;
  /** Why the last corpus could not be opened; the active one (if any) stays in use. */
  corpusProblem: CorpusProblem | null;
  /** A corpus a link names on another site: opened only when the person agrees (see foreignOrigin). */
  pendingCorpus: { ref: CorpusRef; origin: string } | null;
  proposeCorpus(ref: CorpusRef, origin: string): void;
  dismissPendingCorpus(): void;
  /** Loads a corpus and makes it active; on failure keeps the active one and sets corpusProblem. Resolves true on success. */
  openCorpus(ref: CorpusRef, files?: readonly File[], opts?: { fromLink?: boolean }): Promise<boolean>;
  cancelCorpusLoad(): void;
  dismissCorpusProblem(): void;
}

export const createCorpusSlice: SliceCreator<CorpusSlice> = (set, get) => ({
  active: null,
  corpusLoading: null,
  corpusNotice: null,
  corpusProblem: null,
  pendingCorpus: null,

  proposeCorpus(ref, origin) {
    set({ pendingCorpus: { ref, origin } });
  },

  dismissPendingCorpus() {
    set({ pendingCorpus: null });
  },

  async openCorpus(ref, files, opts = {}) {
    get().corpusLoading?.controller.abort();
    // The person chose a corpus: a link's proposal is answered (the link's own demo fallback is not a choice).
    if (!opts.fromLink && get().pendingCorpus) set({ pendingCorpus: null });
    const label = describeCorpusRef(ref, files);
    const controller = new AbortController();
    set({ corpusLoading: { label, controller, progress: null }, corpusProblem: null, corpusNotice: null });
    const onProgress = (progress: ProgressInfo) => {
      const loading = get().corpusLoading;
      if (loading?.controller === controller) set({ corpusLoading: { ...loading, progress } });
    };
    try {
      let synthetic: ReturnType<typeof openSyntheticBenchmark> | null = null;
      if (isSyntheticRef(ref)) {
        // Generating blocks the page for a few seconds: let "Opening…" paint first.
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (controller.signal.aborted) return false;
        synthetic = openSyntheticBenchmark(useTraining.getState().trainingForm.seed);
      }
      const loaded = synthetic?.loaded ?? (await openCorpusInWorker(ref, { files, signal: controller.signal, dim: get().encoderInfo?.dim, onProgress }));
      if (controller.signal.aborted) return false;
      // Both in slices of page time, so the page stays responsive; Cancel still applies.
      const signal = controller.signal;
      onProgress({ stage: 'Indexing…', done: 0, total: 0 });
      const active = await indexCorpus(ref, loaded, { signal });
      onProgress({ stage: 'Handing over to ranking…', done: 0, total: 0 });
      await getRankingClient().setCorpus(active, { signal });
      set({ active, corpusLoading: null });
      // The synthetic benchmark comes with its vectors; its vectors know no other corpus.
      if (synthetic) get().selectSyntheticVectors(synthetic.encoder);
      else if (get().retrieverId === SYNTHETIC_ID) get().setRetriever('bm25');
      // An open embeddings file is checked against the new corpus (and dropped when it does not fit).
      if (!synthetic) get().rebindImportedEmbeddings();
      get().reconcileQueryWithCorpus(opts.fromLink);
      get().scheduleRanking(0);
      return true;
    } catch (e) {
      if (controller.signal.aborted) {
        if (get().corpusLoading?.controller === controller) set({ corpusLoading: null });
        return false;
      }
      set({ corpusLoading: null, corpusProblem: describeCorpusProblem(e, label) });
      return false;
    }
  },

  cancelCorpusLoad() {
    const loading = get().corpusLoading;
    if (!loading) return;
    loading.controller.abort();
    const active = get().active;
    const kept = active ? `still using ${active.corpus.name}` : 'no corpus is open';
    set({ corpusLoading: null, corpusNotice: `Opening ${loading.label} was cancelled; ${kept}.` });
  },

  dismissCorpusProblem() {
    set({ corpusProblem: null, corpusNotice: null });
  },
});
