import type { EvalReport } from '../evaluation/eval-report';
import type { ComparedFigure, Comparison } from '../comparison/compare-reports';
import { METRICS, SETTING_NAMES, SETTINGS } from '../metrics/registry';
import type { MetricName, SettingName } from '../metrics/types';

export interface SummaryFigure {
  metric: MetricName;
  label: string;
  /** The report's own macro figure. */
  value: number | null;
  /** Compared: the comparison's figure (A and B over the common cells, B minus A, verdict for B). */
  compared?: ComparedFigure;
  /** Compared, but this setting could not be: why. */
  notCompared?: string;
}

export interface SummaryCard {
  id: SettingName | 'bias';
  title: string;
  explanation: string;
  /** The headline figure first. */
  figures: SummaryFigure[];
}

const CARD_METRICS: readonly MetricName[] = ['ap', 'recallAt1', 'recallAt10'];

/**
 * The cards at the top of the analysis: mAP, R@1 and R@10 per setting, and the language-bias
 * figure. With a comparison (compareReports, the report on screen as B), each figure carries the
 * comparison's own: over the common cells, B minus A.
 */
export function buildSummaryCards(report: EvalReport, comparison?: Comparison): SummaryCard[] {
  const figure = (setting: SettingName, metric: MetricName): SummaryFigure => {
    const value = report.settings[setting]?.macro[metric] ?? null;
    const label = METRICS[metric].shortLabel;
    if (!comparison) return { metric, label, value };
    const s = comparison.settings.find((x) => x.setting === setting);
    if (!s) return { metric, label, value, notCompared: 'not in either run' };
    if (s.notCompared) return { metric, label, value, notCompared: s.notCompared };
    return { metric, label, value, compared: s.figures.find((f) => f.metric === metric) };
  };
  const cards: SummaryCard[] = SETTING_NAMES.map((setting) => ({
    id: setting,
    title: SETTINGS[setting].label,
    explanation: SETTINGS[setting].explanation,
    figures: CARD_METRICS.map((metric) => figure(setting, metric)),
  }));
  cards.push({
    id: 'bias',
    title: 'Language bias',
    explanation: `${METRICS.maxRankDistance.label}: how far apart, in rank, the same answer lands in different languages. Lower is less biased.`,
    figures: [figure('multi', 'maxRankDistance')],
  });
  return cards;
}
