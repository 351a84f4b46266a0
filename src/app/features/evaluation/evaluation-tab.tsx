import { SETTINGS } from '../../../core/metrics/registry';
import { useMemo } from 'react';
import { describeLanguage } from '../../shared/lang-names';
import { useApp } from '../../app-store';
import { languagesInPlay } from '../ranking/query-slice';
import { listReportChoices, pickShownReports, type ReportChoice } from './report-choices';
import { compareFigures } from '../../../core/comparison/comparison-view';
import { CaveatList } from '../comparison/caveat-list';
import { useTraining } from '../training/training-slice';
import { AnalysisSlot } from './analysis-slot';
import { ProgressBar } from '../../ui/progress-bar';
import { SummaryTable } from './summary-table';
import { ImportedRunNotes } from '../results/imported-run-notes';
import './evaluation.css';

export function EvaluationTab() {
  const active = useApp((s) => s.active);
  const run = useApp((s) => s.evalRun);
  const progress = useApp((s) => s.evalProgress);
  const settings = useApp((s) => s.evalSettings);
  const problem = useApp((s) => s.evalProblem);
  const reports = useApp((s) => s.reports);
  const reportId = useApp((s) => s.reportId);
  const compareId = useApp((s) => s.compareId);
  const retriever = useApp((s) => s.encoderInfo?.label ?? (s.retrieverId === 'bm25' ? 'BM25' : s.retrieverId));
  const inPlay = useApp((s) => languagesInPlay(s).join(','));
  const experimentResult = useTraining((t) => t.trainingResult);
  const testCorpus = useTraining((t) => t.trainingTestCorpus);
  const app = useApp.getState();
  const choices = useMemo(
    () => listReportChoices(reports, experimentResult && testCorpus ? { result: experimentResult, testCorpus } : null),
    [reports, experimentResult, testCorpus],
  );
  const { shown, compare } = pickShownReports(choices, reportId, compareId);
  // One comparison model everywhere: the report compared with is A, the report on screen B.
  const comparison = useMemo(() => (shown && compare ? compareFigures(compare.label, compare.report, shown.label, shown.report) : undefined), [shown, compare]);
  if (!active) return null;

  const langs = inPlay.split(',').filter(Boolean);
  const silent = langs.filter((l) => (active.questionsByLang.get(l)?.length ?? 0) === 0);
  const options = (list: readonly ReportChoice[]) => {
    const session = list.filter((c) => c.source === 'session');
    const experiment = list.filter((c) => c.source === 'experiment');
    const render = (c: ReportChoice) => (
      <option key={c.id} value={c.id}>
        {c.label}
      </option>
    );
    return (
      <>
        {session.length > 0 && <optgroup label="Evaluations and imported runs of this session">{session.map(render)}</optgroup>}
        {experiment.length > 0 && <optgroup label={`Training experiment (${experiment[0].corpus.name})`}>{experiment.map(render)}</optgroup>}
      </>
    );
  };

  return (
    <div className="evaluation-tab">
      <section className="card" aria-labelledby="eval-title" data-tour-panel="evaluation">
        <h2 id="eval-title">Evaluate the whole corpus</h2>
        <p className="muted">
          Every question of <b>{active.corpus.name}</b> in {langs.length} language{langs.length === 1 ? '' : 's'} ({langs.join(' ')}), ranked by{' '}
          <b>{retriever}</b>, scored as the paper does: mAP macro-averaged over language pairs. Runs in the background; the numbers equal those of the
          command-line tool.
        </p>
        {silent.length > 0 && (
          <p className="hint">No questions in {silent.map(describeLanguage).join(', ')}: their passages are ranked, but they ask nothing.</p>
        )}
        <div className="inline wrap">
          {(['mono', 'cross', 'multi'] as const).map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={settings.includes(s)}
                onChange={() => app.toggleEvalSetting(s)}
                disabled={!!run}
                data-testid={`eval-setting-${s}`}
              />
              {SETTINGS[s].label}
            </label>
          ))}
          <div className="spacer" />
          <button type="button" className="button primary" disabled={!!run} onClick={() => void app.runEvaluation()} data-testid="run-evaluation">
            Run evaluation
          </button>
        </div>
        {run && <ProgressBar progress={progress} label="Preparing…" onCancel={() => app.cancelEvaluation()} testId="eval-progress" />}
        {problem && (
          <div className="hint-box" role="status" data-testid="eval-problem">
            {problem}
          </div>
        )}
      </section>

      {experimentResult && testCorpus && (
        <p className="hint" data-testid="experiment-reports-hint">
          The training experiment&apos;s reports (each strategy&apos;s adapter and the untrained model, scored on the test split of{' '}
          {experimentResult.corpus.name}) are in the Report and Compare menus below.
        </p>
      )}

      {shown && (
        <section className="card" aria-labelledby="results-title">
          <div className="section-head">
            <h2 id="results-title">Results</h2>
            <div className="inline wrap">
              <label className="field compact">
                <span>Report</span>
                <select value={shown.id} onChange={(e) => app.showReport(e.target.value)} data-testid="report-select">
                  {options(choices)}
                </select>
              </label>
              <label className="field compact">
                <span>Compare with</span>
                <select value={compare?.id ?? ''} onChange={(e) => app.setCompare(e.target.value || null)} data-testid="compare-select">
                  <option value="">— nothing —</option>
                  {options(choices.filter((c) => c.id !== shown.id))}
                </select>
              </label>
            </div>
          </div>
          <SummaryTable report={shown.report} comparison={comparison} />
          <ImportedRunNotes reportId={shown.id} />
          {comparison && <CaveatList caveats={comparison.caveats} testId="eval-caveats" />}
        </section>
      )}
      {shown && (
        <AnalysisSlot
          report={shown.report}
          compare={compare?.report}
          corpus={shown.corpus}
          compareCorpus={compare && compare.corpus !== shown.corpus ? compare.corpus : undefined}
          reportLabel={shown.label}
          compareLabel={compare?.label}
        />
      )}
    </div>
  );
}
