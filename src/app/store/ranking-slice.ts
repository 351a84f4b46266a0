/** The ranking on screen: asked of the ranking worker whenever the query or its setting changes. */
import type { LangCode } from '../../core/corpus/types';
import { planQueryPool } from '../../core/evaluation/query-pool';
import type { OneQueryRanking } from '../../core/evaluation/rank-one-query';
import type { SettingName } from '../../core/metrics/types';
import type { ProgressInfo } from '../../core/retrieval/types';
import { getRankingClient } from '../services';
import type { SliceCreator } from './app-store';
import { currentQuestion, languagesInPlay } from './query-slice';

export interface Ranking {
  text: string;
  questionId: string | null;
  setting: SettingName;
  retriever: string;
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
      set({ ranking: null, rankingBusy: false, rankingPending: false, rankingProblem: 'Type a question, or pick one from the benchmark.' });
      return;
    }
    const question = currentQuestion(s);
    const inPlay = languagesInPlay(s);
    const plan = planQueryPool({ setting: s.setting, queryLang: question?.lang ?? null, target: s.target, languages: inPlay });
    if ('problem' in plan) {
      set({ ranking: null, rankingBusy: false, rankingPending: false, rankingProblem: `Cannot rank yet: ${plan.problem}.` });
      return;
    }
    const relevant = question?.relevant ?? [];
    const ladderLangs = relevant.length ? inPlay : null;
    set({ rankingBusy: true, rankingProgress: null });
    try {
      const reply = await getRankingClient().rank(
        { retriever: s.retrieverSpec(), text, poolLangs: plan.langs, relevant, topK: s.topK, ladderLangs },
        (p) => ticket === latest && set({ rankingProgress: p }),
      );
      if (ticket !== latest) return;
      const keepRow = get().ranking?.text === text;
      set({
        ranking: {
          text,
          questionId: question?.id ?? null,
          setting: s.setting,
          retriever: s.retrieverId,
          poolLangs: plan.langs,
          topK: s.topK,
          main: reply.main,
          ladder: reply.ladder,
          ladderLangs,
          elapsedMs: reply.elapsedMs,
        },
        rankingBusy: false,
        rankingPending: false,
        rankingProgress: null,
        rankingProblem: null,
        selectedRow: keepRow ? Math.min(get().selectedRow, Math.max(0, reply.main.top.length - 1)) : 0,
      });
    } catch (e) {
      if (ticket !== latest) return;
      set({ rankingBusy: false, rankingPending: false, rankingProgress: null, rankingProblem: `Ranking failed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  return {
    ranking: null,
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
