/**
 * The ranking's strategy switch: the untrained model or one of the adapters trained in this
 * session, and, side by side, a second strategy ranked for the same query. A new training run
 * (new adapters) ranks the query again.
 */
import type { RankingStrategy } from '../../../core/view-state/view-state';
import { selectAdaptersFor, useTraining, type TrainedAdapters } from '../training/training-slice';
import type { AppState, SliceCreator } from '../../app-store';
import { defaultPartner } from './strategy-choice';

export interface StrategySlice {
  /** The strategy asked for (a link may ask before any training); the ranking uses it once trained. */
  strategy: RankingStrategy;
  /** Side by side: the strategy ranked beside `strategy`; null for one list. */
  compareStrategy: RankingStrategy | null;
  setStrategy(strategy: RankingStrategy): void;
  setCompareStrategy(strategy: RankingStrategy | null): void;
  /** Side by side on (beside a sensible partner) or off. */
  toggleSideBySide(): void;
  /** Side by side with a trained strategy against the untrained model, the view where answers climb. */
  showUntrainedBeside(strategy: RankingStrategy): void;
}

/** The adapters trained on the loaded dense model, or null (BM25, none trained, or trained on another model). */
export function currentAdapters(s: Pick<AppState, 'retrieverId' | 'encoderInfo'>): TrainedAdapters | null {
  if (s.retrieverId === 'bm25' || !s.encoderInfo) return null;
  return selectAdaptersFor(useTraining.getState(), s.encoderInfo.encoderId);
}

export const createStrategySlice: SliceCreator<StrategySlice> = (set, get) => {
  useTraining.subscribe((t, before) => {
    // New adapters change what a strategy means: rank the query on screen again.
    if (t.trainedAdapters !== before.trainedAdapters && get().active) get().scheduleRanking(0);
  });
  const changed = (patch: Partial<AppState>) => {
    set(patch);
    get().scheduleRanking(0);
  };
  return {
    strategy: 'untrained',
    compareStrategy: null,

    setStrategy(strategy) {
      changed({ strategy });
    },

    setCompareStrategy(compareStrategy) {
      changed({ compareStrategy });
    },

    toggleSideBySide() {
      const s = get();
      changed({ compareStrategy: s.compareStrategy === null ? defaultPartner(s.strategy, currentAdapters(s)) : null });
    },

    showUntrainedBeside(strategy) {
      changed({ strategy: 'untrained', compareStrategy: strategy, tab: 'ranking' });
    },
  };
};
