/** Results from any engine opened in set-up: reading them, the runs kept, and which one the Ranking view shows. */
import type { Corpus } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { RunDiagnostics } from '../../../core/runs/import-report';
import type { CorpusJudgments } from '../../../core/runs/lang-map';
import type { RunLists } from '../../../core/runs/run-lists';
import type { SliceCreator } from '../../app-store';
import type { StoredReport } from '../evaluation/evaluation-slice';
import { openResultsInWorker, ResultsCancelled } from './results-client';

/** One imported run: its report sits in the Evaluation reports under the same id. */
export interface ImportedRunEntry {
  id: string;
  name: string;
  file: string;
  report: EvalReport;
  diagnostics: RunDiagnostics;
  lists: RunLists;
  judgments: string;
}

export interface ResultsFiles {
  runs: File[];
  qrels: File | null;
  docLangs: File | null;
  queryLangs: File | null;
}

export interface ResultsSlice {
  importedRuns: ImportedRunEntry[];
  resultsLoading: { label: string; controller: AbortController; progress: ProgressInfo | null } | null;
  /** Why the last files could not be opened (naming file:line); what was opened before stays. */
  resultsProblem: string | null;
  resultsNotice: string | null;
  /** The imported run the Ranking view lists instead of ranking with the retriever; null: the retriever ranks. */
  rankingRunId: string | null;
  openResults(files: ResultsFiles): Promise<boolean>;
  cancelResults(): void;
  dismissResultsProblem(): void;
  setRankingRun(id: string | null): void;
}

let importCount = 0;

/** What the worker needs of the corpus: ids, languages and judgments, never the texts. */
export function corpusJudgments(corpus: Corpus): CorpusJudgments {
  return {
    name: corpus.name,
    passages: corpus.passages.map((p) => ({ id: p.id, lang: p.lang })),
    questions: corpus.questions.map((q) => ({ id: q.id, lang: q.lang, relevant: q.relevant })),
  };
}

export const createResultsSlice: SliceCreator<ResultsSlice> = (set, get) => ({
  importedRuns: [],
  resultsLoading: null,
  resultsProblem: null,
  resultsNotice: null,
  rankingRunId: null,

  async openResults(files) {
    get().resultsLoading?.controller.abort();
    const label = files.runs.map((f) => f.name).join(', ');
    const controller = new AbortController();
    set({ resultsLoading: { label, controller, progress: null }, resultsProblem: null, resultsNotice: null });
    const active = get().active;
    try {
      const opened = await openResultsInWorker(
        { ...files, corpus: active ? corpusJudgments(active.corpus) : null },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            const loading = get().resultsLoading;
            if (loading?.controller === controller) set({ resultsLoading: { ...loading, progress } });
          },
        },
      );
      if (controller.signal.aborted) return false;
      const entries: ImportedRunEntry[] = [];
      const stored: StoredReport[] = [];
      for (const run of opened) {
        const id = `imported:${++importCount}`;
        const corpus: Corpus = active?.corpus ?? { name: run.report.corpus, languages: run.report.languages, passages: [], questions: [] };
        entries.push({
          id,
          name: run.name,
          file: run.diagnostics.file,
          report: run.report,
          diagnostics: run.diagnostics,
          lists: run.lists,
          judgments: run.judgments,
        });
        stored.push({ id, label: `${run.name} (imported run) · ${run.report.corpus}`, report: run.report, corpus });
      }
      set({
        importedRuns: [...entries, ...get().importedRuns],
        reports: [...stored, ...get().reports],
        reportId: stored[0]?.id ?? get().reportId,
        resultsLoading: null,
        resultsNotice: `Opened ${entries.map((e) => e.file).join(', ')}: in Evaluation's Report menu, and in Ranking under "Ranked by".`,
      });
      return true;
    } catch (e) {
      if (controller.signal.aborted || e instanceof ResultsCancelled) {
        if (get().resultsLoading?.controller === controller) set({ resultsLoading: null });
        return false;
      }
      set({ resultsLoading: null, resultsProblem: e instanceof Error ? e.message : String(e) });
      return false;
    }
  },

  cancelResults() {
    const loading = get().resultsLoading;
    if (!loading) return;
    loading.controller.abort();
    const kept = get().importedRuns.length;
    set({
      resultsLoading: null,
      resultsNotice: `Opening ${loading.label} was cancelled; ${kept ? `the ${kept} run${kept === 1 ? '' : 's'} opened before stay` : 'nothing was opened'}.`,
    });
  },

  dismissResultsProblem() {
    set({ resultsProblem: null });
  },

  setRankingRun(id) {
    set({ rankingRunId: id });
    get().scheduleRanking(0);
  },
});
