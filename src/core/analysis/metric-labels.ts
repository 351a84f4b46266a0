import type { MetricName, SettingName } from '../metrics/types';

/** Short labels as the paper and the IR field write them. */
export const METRIC_LABELS: Record<MetricName, string> = {
  ap: 'mAP',
  recallAt1: 'R@1',
  recallAt10: 'R@10',
  rr: 'MRR',
  ndcgAt10: 'nDCG@10',
  maxRankDistance: 'Max rank distance',
};

/** Every metric but the rank distance is better when higher. */
export function isLowerBetter(metric: MetricName): boolean {
  return metric === 'maxRankDistance';
}

export const SETTING_LABELS: Record<SettingName, string> = {
  mono: 'Monolingual',
  cross: 'Cross-lingual',
  multi: 'Multilingual',
};

/** What each setting asks, in words a student follows. */
export const SETTING_EXPLANATIONS: Record<SettingName, string> = {
  mono: 'Question and passages in the same language (X→X).',
  cross: 'Question in one language, passages in another (X→Y).',
  multi: 'Question against the passages of every language at once.',
};

/** A ratio metric as the paper prints it (".792"); rank distances with one decimal. */
export function formatMetric(metric: MetricName, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (isLowerBetter(metric)) return value.toFixed(1);
  return value.toFixed(3).replace(/^0\./, '.').replace(/^-0\./, '−.');
}

/** A signed difference, with a real minus sign so it reads the same in every font. */
export function formatDelta(metric: MetricName, delta: number | null | undefined): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '–';
  const digits = isLowerBetter(metric) ? 1 : 3;
  const abs = Math.abs(delta).toFixed(digits);
  if (Number(abs) === 0) return `±${abs}`;
  return `${delta > 0 ? '+' : '−'}${abs}`;
}
