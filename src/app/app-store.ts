/** The app's one store, built from feature slices (zustand's slices pattern). */
import { create, type StateCreator } from 'zustand';
import { createCorpusSlice, type CorpusSlice } from './features/setup/corpus-slice';
import { createEmbeddingsSlice, type EmbeddingsSlice } from './features/setup/embeddings-slice';
import { createEvaluationSlice, type EvaluationSlice } from './features/evaluation/evaluation-slice';
import { createQuerySlice, type QuerySlice } from './features/ranking/query-slice';
import { createRankingSlice, type RankingSlice } from './features/ranking/ranking-slice';
import { createRetrieverSlice, type RetrieverSlice } from './features/setup/retriever-slice';
import { createStrategySlice, type StrategySlice } from './features/ranking/strategy-slice';
import { createViewSlice, type ViewSlice } from './shell/view-slice';
import { createResultsSlice, type ResultsSlice } from './features/results/results-slice';

export type AppState = CorpusSlice & RetrieverSlice & EmbeddingsSlice & QuerySlice & RankingSlice & StrategySlice & EvaluationSlice & ViewSlice & ResultsSlice;

export type SliceCreator<T> = StateCreator<AppState, [], [], T>;

export const useApp = create<AppState>()((...a) => ({
  ...createCorpusSlice(...a),
  ...createRetrieverSlice(...a),
  ...createEmbeddingsSlice(...a),
  ...createQuerySlice(...a),
  ...createRankingSlice(...a),
  ...createStrategySlice(...a),
  ...createEvaluationSlice(...a),
  ...createViewSlice(...a),
  ...createResultsSlice(...a),
}));
