/**
 * The app's old names for what src/core/metrics/registry.ts now holds, kept only until the app's
 * consumers read the registry directly (issue 8); new code imports the registry.
 */
import { METRICS, SETTINGS } from '../metrics/registry';
import type { MetricName, SettingName } from '../metrics/types';

export const METRIC_LABELS: Record<MetricName, string> = {
  ap: METRICS.ap.shortLabel,
  recallAt1: METRICS.recallAt1.shortLabel,
  recallAt10: METRICS.recallAt10.shortLabel,
  rr: METRICS.rr.shortLabel,
  ndcgAt10: METRICS.ndcgAt10.shortLabel,
  maxRankDistance: METRICS.maxRankDistance.shortLabel,
};

export const SETTING_LABELS: Record<SettingName, string> = {
  mono: SETTINGS.mono.label,
  cross: SETTINGS.cross.label,
  multi: SETTINGS.multi.label,
};

export function formatMetric(metric: MetricName, value: number | null | undefined): string {
  return METRICS[metric].format(value);
}

export function formatDelta(metric: MetricName, delta: number | null | undefined): string {
  return METRICS[metric].formatDelta(delta);
}
