/** The ranking on screen: asked of the ranking worker whenever the query or its setting changes. */
import type { LangCode } from '../../../core/corpus/types';
import { planQueryPool } from '../../../core/evaluation/query-pool';
import type { OneQueryRanking } from '../../../core/evaluation/rank-one-query';
import type { SettingName } from '../../../core/metrics/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { RankingStrategy } from '../../../core/view-state/view-state';
import { getRankingClient } from '../../shared/services';
import { useTraining } from '../training/training-slice';
import type { SliceCreator } from '../../app-store';
import { currentQuestion, languagesInPlay } from './query-slice';
import { adapterOf, describeStrategy, resolveStrategy } from './strategy-choice';
import { currentAdapters } from './strategy-slice';
import { syntheticRankingProblem } from '../setup/synthetic-source';
import { importedTextNeedsModel } from '../setup/embeddings-slice';
import { freeTextNote, IMPORTED_ID } from '../setup/imported-embeddings';
import { rankingFromRun } from '../results/run-ranking';

export interface Ranking {
  text: string;
  questionId: string | null;
  setting: SettingName;
  retriever: string;
  /** The strategy that ranked (the untrained model for BM25, or when the one asked for is not trained). */
  strategy: RankingStrategy;
  /** "BM25", "untrained LaBSE", "hybrid adapter (α=0.5) over LaBSE". */
  label: string;
  poolLangs: LangCode[];
  topK: number;
  main: OneQueryRanking;
  /** The same query against the multilingual pool of every language in play, for the ladder. */
  ladder: OneQueryRanking | null;
  ladderLangs: LangCode[] | null;
  elapsedMs: number;
}

export interface RankingSlice {
  ranking: Ranking | null;
  /** Side by side: the same query ranked with the compare strategy; null otherwise. */
  sideRanking: Ranking | null;
  rankingBusy: boolean;
  /** True from a change of query or setting until its ranking (or problem) is on screen. */
  rankingPending: boolean;
  rankingProgress: ProgressInfo | null;
  /** Why there is no ranking (nothing asked, no target chosen, a worker error). */
  rankingProblem: string | null;
  /** Index into ranking.main.top of the highlighted row (keyboard navigation). */
  selectedRow: number;
  selectRow(index: number): void;
  /** Ranks again after `delayMs` (default: a short pause, so typing does not rank every keystroke). */
  scheduleRanking(delayMs?: number): void;
}

const TYPING_PAUSE_MS = 150;
let timer: ReturnType<typeof setTimeout> | undefined;
let latest = 0;

export const createRankingSlice: SliceCreator<RankingSlice> = (set, get) => {
  async function rankNow(): Promise<void> {
    const s = get();
    const ticket = ++latest;
    if (!s.active) {
      set({ rankingPending: false });
      return;
    }
    const text = s.query.trim();
    if (!text) {
      set({ ranking: null, sideRanking: null, rankingBusy: false, rankingPending: false, rankingProblem: 'Type a question, or pick one from the benchmark.' });
      return;
    }
    const question = currentQuestion(s);
    const run = s.rankingRunId ? s.importedRuns.find((r) => r.id === s.rankingRunId) : undefined;
    if (run) {
      // An imported run is listed as it is, never re-ranked (results/run-ranking.ts).
      const ask = { question, setting: s.setting, target: s.target, topK: s.topK, retrieverId: s.retrieverId, inPlay: languagesInPlay(s) };
      const fromRun = rankingFromRun(run, ask);
      const idle = { sideRanking: null, rankingBusy: false, rankingPending: false, rankingProgress: null };
      set(
        typeof fromRun === 'string' ? { ...idle, ranking: null, rankingProblem: fromRun } : { ...idle, ranking: fromRun, rankingProblem: null, selectedRow: 0 },
      );
      return;
    }
    const refused = syntheticRankingProblem(s.retrieverId, question?.id ?? null);
    if (refused) {
      set({ ranking: null, sideRanking: null, rankingBusy: false, rankingPending: false, rankingProblem: refused });
      return;
    }
    // Typed text over an embeddings file waits for the file's model (loaded now, if the file names it).
    if (s.retrieverId === IMPORTED_ID && s.imported && !question && importedTextNeedsModel(text)) {
      void s.loadFreeTextModel();
      set({ ranking: null, sideRanking: null, rankingBusy: false, rankingPending: false, rankingProblem: freeTextNote(s.imported) });
      return;
    }
    const inPlay = languagesInPlay(s);
    const plan = planQueryPool({ setting: s.setting, queryLang: question?.lang ?? null, target: s.target, languages: inPlay });
    if ('problem' in plan) {
      set({ ranking: null, sideRanking: null, rankingBusy: false, rankingPending: false, rankingProblem: `Cannot rank yet: ${plan.problem}.` });
      return;
    }
    const relevant = question?.relevant ?? [];
    const ladderLangs = relevant.length ? inPlay : null;
    // Adapters apply only to the model they were trained on; a strategy not trained ranks untrained.
    const adapters = currentAdapters(s);
    const strategy = resolveStrategy(s.strategy, adapters);
    const partner = adapters && s.compareStrategy ? resolveStrategy(s.compareStrategy, adapters) : null;
    const model = s.encoderInfo?.label ?? s.retrieverId;
    const alpha = useTraining.getState().trainingResult?.config.alpha ?? 0.5;
    set({ rankingBusy: true, rankingProgress: null });
    try {
      const client = getRankingClient();
      const request = { retriever: s.retrieverSpec(), text, poolLangs: plan.langs, relevant, topK: s.topK, ladderLangs };
      const onProgress = (p: ProgressInfo) => ticket === latest && set({ rankingProgress: p });
      const rankWith = async (which: RankingStrategy): Promise<Ranking> => {
        const reply = await client.rank({ ...request, adapter: adapterOf(which, adapters) }, onProgress);
        return {
          text,
          questionId: question?.id ?? null,
          setting: s.setting,
          retriever: s.retrieverId,
          strategy: which,
          label: s.retrieverId === 'bm25' ? 'BM25' : describeStrategy(which, model, alpha),
          poolLangs: plan.langs,
          topK: s.topK,
          main: reply.main,
          ladder: reply.ladder,
          ladderLangs,
          elapsedMs: reply.elapsedMs,
        };
      };
      // One after the other: the second reuses the rows the first embedded (the worker keeps them per model).
      const ranking = await rankWith(strategy);
      const sideRanking = partner ? await rankWith(partner) : null;
      if (ticket !== latest) return;
      const keepRow = get().ranking?.text === text;
      set({
        ranking,
        sideRanking,
        rankingBusy: false,
        rankingPending: false,
        rankingProgress: null,
        rankingProblem: null,
        selectedRow: keepRow ? Math.min(get().selectedRow, Math.max(0, ranking.main.top.length - 1)) : 0,
      });
    } catch (e) {
      if (ticket !== latest) return;
      set({
        rankingBusy: false,
        rankingPending: false,
        rankingProgress: null,
        rankingProblem: `Ranking failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  }

  return {
    ranking: null,
    sideRanking: null,
    rankingBusy: false,
    rankingPending: false,
    rankingProgress: null,
    rankingProblem: null,
    selectedRow: 0,

    selectRow(index) {
      const n = get().ranking?.main.top.length ?? 0;
      if (n === 0) return;
      set({ selectedRow: Math.min(n - 1, Math.max(0, index)) });
    },

    scheduleRanking(delayMs = TYPING_PAUSE_MS) {
      clearTimeout(timer);
      if (!get().rankingPending) set({ rankingPending: true });
      timer = setTimeout(() => void rankNow(), delayMs);
    },
  };
};
