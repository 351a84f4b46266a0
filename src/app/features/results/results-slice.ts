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

/** One imported run (a source under Ranking's "Ranked by"); its figures sit in the Evaluation report `reportId`, alone or merged with the other parts of its system. */
export interface ImportedRunEntry {
  id: string;
  reportId: string;
  name: string;
  file: string;
  /** Its entry in the "Ranked by" menu, told apart from a run of the same file name opened before. */
  label: string;
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

/** `base`, or `base (2)`, `base (3)`… when a menu already holds it: the same file opened twice must still be told apart. */
export function distinctLabel(base: string, taken: Set<string>): string {
  let label = base;
  for (let n = 2; taken.has(label); n++) label = `${base} (${n})`;
  taken.add(label);
  return label;
}

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
      const reportLabels = new Set(get().reports.map((r) => r.label));
      const runLabels = new Set(get().importedRuns.map((r) => r.label));
      // One report per system: the parts of npm run eval's output (run.mono/cross/multi.trec) merged as analyze merges them.
      for (const { name, parts, settings, report } of opened.reports) {
        const reportId = `imported:${++importCount}`;
        const corpus: Corpus = active?.corpus ?? { name: report.corpus, languages: report.languages, passages: [], questions: [] };
        const what = settings ? `imported runs: ${settings.join(', ')}` : 'imported run';
        stored.push({ id: reportId, label: distinctLabel(`${name} (${what}) · ${report.corpus}`, reportLabels), report, corpus });
        for (const i of parts) {
          const run = opened.runs[i];
          entries.push({
            id: `imported-run:${++importCount}`,
            reportId,
            name: run.name,
            file: run.diagnostics.file,
            label: distinctLabel(`imported run ${run.diagnostics.file}`, runLabels),
            report: run.report,
            diagnostics: run.diagnostics,
            lists: run.lists,
            judgments: run.judgments,
          });
        }
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
