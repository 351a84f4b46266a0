/**
 * The synthetic benchmark as a corpus with its own vectors, chosen together: its items are
 * labelled synthetic questions and passages, and the vectors the benchmark generated rank them,
 * so the strategy story can be shown with no model downloaded. Typed text has no vector.
 */
import type { LoadedCorpus } from '../../../core/corpus/loaded-corpus';
import type { Encoder } from '../../../core/retrieval/types';
import { buildExplorableSynthetic, SYNTHETIC_FREE_TEXT_REFUSAL } from '../../../core/teaching/synthetic-explorable';
import type { CorpusRef } from '../../../core/view-state/view-state';
import type { LoadedModelInfo } from '../../../encoder/worker-protocol';

/** The preset id (corpus) and the retriever id (its vectors): the same word, one choice. */
export const SYNTHETIC_ID = 'synthetic';

export const SYNTHETIC_LABEL = 'Synthetic benchmark vectors (no model)';

export function isSyntheticRef(ref: CorpusRef | undefined): boolean {
  return ref?.kind === 'preset' && ref.id === SYNTHETIC_ID;
}

/**
 * Why a ranking cannot run over the synthetic benchmark, or null when it can: only its own
 * questions have vectors.
 */
export function syntheticRankingProblem(retrieverId: string, questionId: string | null): string | null {
  return retrieverId === SYNTHETIC_ID && !questionId ? SYNTHETIC_FREE_TEXT_REFUSAL : null;
}

/** How the set-up panel and the strategy labels describe the vectors (no device, no download). */
export function syntheticModelInfo(encoder: Encoder): LoadedModelInfo {
  return {
    modelId: SYNTHETIC_ID,
    label: 'synthetic vectors',
    encoderId: encoder.id,
    device: 'wasm',
    dtype: 'fp32',
    pooling: 'mean',
    dim: encoder.dim,
    threads: 1,
    crossOriginIsolated: false,
    deviceReason: 'generated with the benchmark: no model runs',
    loadMs: 0,
  };
}

/** Generates the benchmark at XQuAD-R scale (a few seconds on the page) as a corpus and its encoder. */
export function openSyntheticBenchmark(seed: number): { loaded: LoadedCorpus; encoder: Encoder } {
  const x = buildExplorableSynthetic({ seed });
  return { loaded: { corpus: x.corpus, format: 'jsonl', warnings: [] }, encoder: x.encoder };
}
