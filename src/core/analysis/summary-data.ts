import type { EvalReport } from '../evaluation/eval-report';
import { isImprovement, METRICS, metricsFor, SETTING_NAMES, SETTINGS } from '../metrics/registry';
import type { MetricName, SettingName } from '../metrics/types';

export interface SummaryFigure {
  metric: MetricName;
  label: string;
  value: number | null;
  /** The compared report's value, when there is one. */
  compareValue?: number | null;
  /** compareValue - value. */
  delta?: number | null;
  /** Whether the compared report does better on this figure (null when either is missing or they tie). */
  compareBetter?: boolean | null;
}

export interface SummaryCard {
  id: SettingName | 'bias';
  title: string;
  explanation: string;
  /** The headline figure first. */
  figures: SummaryFigure[];
}

const CARD_METRICS: readonly MetricName[] = ['ap', 'recallAt1', 'recallAt10'];

/** The cards at the top of the analysis: mAP, R@1 and R@10 per setting, and the language-bias figure. */
export function buildSummaryCards(report: EvalReport, compare?: EvalReport): SummaryCard[] {
  const figure = (setting: SettingName, metric: MetricName): SummaryFigure => {
    const value = report.settings[setting]?.macro[metric] ?? null;
    const label = METRICS[metric].shortLabel;
    if (!compare) return { metric, label, value };
    const compareValue = compare.settings[setting]?.macro[metric] ?? null;
    const delta = value === null || compareValue === null ? null : compareValue - value;
    return { metric, label, value, compareValue, delta, compareBetter: isImprovement(metric, delta) };
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

export interface MetricDelta {
  setting: SettingName;
  metric: MetricName;
  label: string;
  base: number | null;
  other: number | null;
  /** other - base. */
  delta: number | null;
  /** True when `other` is better (higher, or lower for rank distance); null on a tie or a missing value. */
  otherBetter: boolean | null;
}

/**
 * Every macro metric of two reports side by side, per setting, for the settings the registry
 * gives it (the rank distance is multilingual only: with one relevant passage per single-language
 * pool it is 0).
 */
export function buildMetricDeltas(base: EvalReport, other: EvalReport): MetricDelta[] {
  const rows: MetricDelta[] = [];
  for (const setting of SETTING_NAMES) {
    if (!base.settings[setting] && !other.settings[setting]) continue;
    for (const { name: metric, shortLabel: label } of metricsFor(setting)) {
      const a = base.settings[setting]?.macro[metric] ?? null;
      const b = other.settings[setting]?.macro[metric] ?? null;
      const delta = a === null || b === null ? null : b - a;
      rows.push({ setting, metric, label, base: a, other: b, delta, otherBetter: isImprovement(metric, delta) });
    }
  }
  return rows;
}
