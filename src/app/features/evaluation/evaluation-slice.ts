/** Whole-corpus evaluation: run it in a worker, follow its progress, keep its reports to compare. */
import type { Corpus } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { SettingName } from '../../../core/metrics/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import { currentEncoder } from '../../shared/services';
import { EvaluationCancelled, runEvaluationInWorker } from './evaluation-client';
import type { SliceCreator } from '../../app-store';
import { languagesInPlay } from '../ranking/query-slice';

export interface StoredReport {
  id: string;
  /** "bm25 · XQuAD-R · en de zh". */
  label: string;
  report: EvalReport;
  /** The corpus it was computed on (drill-down reads its passages and questions). */
  corpus: Corpus;
}

export interface EvaluationSlice {
  evalSettings: SettingName[];
  evalRun: { controller: AbortController; startedAt: number } | null;
  evalProgress: ProgressInfo | null;
  /** Reports of this session, newest first (kept to compare; at most MAX_REPORTS). */
  reports: StoredReport[];
  /** The report on screen. */
  reportId: string | null;
  /** The report shown beside it, if any. */
  compareId: string | null;
  evalProblem: string | null;
  toggleEvalSetting(setting: SettingName): void;
  runEvaluation(): Promise<void>;
  cancelEvaluation(): void;
  showReport(id: string): void;
  setCompare(id: string | null): void;
}

const MAX_REPORTS = 6;
const KEEP_TOP = 10;
let reportCount = 0;

export const createEvaluationSlice: SliceCreator<EvaluationSlice> = (set, get) => ({
  evalSettings: ['mono', 'cross', 'multi'],
  evalRun: null,
  evalProgress: null,
  reports: [],
  reportId: null,
  compareId: null,
  evalProblem: null,

  toggleEvalSetting(setting) {
    const current = get().evalSettings;
    const next = current.includes(setting) ? current.filter((s) => s !== setting) : [...current, setting];
    if (next.length) set({ evalSettings: (['mono', 'cross', 'multi'] as const).filter((s) => next.includes(s)) });
  },

  async runEvaluation() {
    const s = get();
    if (!s.active || s.evalRun) return;
    const languages = languagesInPlay(s);
    const asked = languages.filter((l) => (s.active!.questionsByLang.get(l)?.length ?? 0) > 0);
    if (asked.length === 0) {
      set({ evalProblem: 'None of the selected languages has questions, so there is nothing to evaluate.' });
      return;
    }
    const controller = new AbortController();
    set({ evalRun: { controller, startedAt: Date.now() }, evalProgress: null, evalProblem: null });
    try {
      const report = await runEvaluationInWorker(
        { corpus: s.active, retriever: s.retrieverSpec(), settings: s.evalSettings, languages, keepTop: KEEP_TOP },
        { signal: controller.signal, onProgress: (p) => set({ evalProgress: p }), currentEncoder },
      );
      const id = `r${++reportCount}`;
      const label = `${report.retriever} · ${report.corpus} · ${report.languages.join(' ')}`;
      const reports = [{ id, label, report, corpus: s.active.corpus }, ...get().reports].slice(0, MAX_REPORTS);
      const compareId = reports.some((r) => r.id === get().compareId) ? get().compareId : null;
      set({ reports, reportId: id, compareId, evalRun: null, evalProgress: null });
    } catch (e) {
      const cancelled = e instanceof EvaluationCancelled;
      set({
        evalRun: null,
        evalProgress: null,
        evalProblem: cancelled
          ? 'Evaluation cancelled; the previous report (if any) is still shown.'
          : `Evaluation failed: ${e instanceof Error ? e.message : String(e)}`,
      });
    }
  },

  cancelEvaluation() {
    get().evalRun?.controller.abort();
  },

  showReport(id) {
    set({ reportId: id, compareId: get().compareId === id ? null : get().compareId });
  },

  setCompare(id) {
    set({ compareId: id });
  },
});
