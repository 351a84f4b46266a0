/**
 * The reports the Evaluation tab can show and compare: this session's whole-corpus runs, and the
 * training experiment's, one per strategy plus the untrained model, all scored on its test split.
 */
import type { Corpus } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { ExperimentResult } from '../../../core/training/run-experiment';
import type { StoredReport } from './evaluation-slice';
import { describeModel, describeStrategy } from '../ranking/strategy-choice';

export interface ReportChoice {
  /** Session runs keep their own ids; the experiment's are "experiment:<strategy>" and "experiment:untrained". */
  id: string;
  /** For menus and chart legends: "hybrid adapter (α=0.5) over LaBSE". */
  label: string;
  source: 'session' | 'experiment';
  report: EvalReport;
  /** What it was scored on (the experiment's: the test split). */
  corpus: Corpus;
}

export interface ExperimentReports {
  result: ExperimentResult;
  testCorpus: Corpus;
}

/** Session runs first (newest first), then the experiment's strategies in training order, then its untrained model. */
export function listReportChoices(reports: readonly StoredReport[], experiment: ExperimentReports | null): ReportChoice[] {
  const choices: ReportChoice[] = reports.map((r) => ({ id: r.id, label: r.label, source: 'session', report: r.report, corpus: r.corpus }));
  if (!experiment) return choices;
  const { result, testCorpus } = experiment;
  const model = describeModel(result.encoder.id);
  for (const s of result.strategies) {
    choices.push({
      id: `experiment:${s.name}`,
      label: describeStrategy(s.name, model, result.config.alpha),
      source: 'experiment',
      report: s.report,
      corpus: testCorpus,
    });
  }
  choices.push({
    id: 'experiment:untrained',
    label: describeStrategy('untrained', model, result.config.alpha),
    source: 'experiment',
    report: result.baseline.report,
    corpus: testCorpus,
  });
  return choices;
}

/**
 * The report on screen and the one beside it. With nothing chosen (or a choice that no longer
 * exists) the first report is shown; a comparison with itself is dropped.
 */
export function pickShownReports(
  choices: readonly ReportChoice[],
  reportId: string | null,
  compareId: string | null,
): { shown: ReportChoice | null; compare: ReportChoice | null } {
  const shown = choices.find((c) => c.id === reportId) ?? choices[0] ?? null;
  const compare = choices.find((c) => c.id === compareId && c.id !== shown?.id) ?? null;
  return { shown, compare };
}
