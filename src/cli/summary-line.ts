import { metricsFor } from '../core/metrics/registry';
import type { MeanMetrics, SettingName } from '../core/metrics/types';

/**
 * One setting's macro figures as the eval command prints them: the registry's short labels and
 * trec_eval's decimals, only the metrics that mean something in that setting.
 */
export function formatSummaryLine(setting: SettingName, macro: MeanMetrics): string {
  const figures = metricsFor(setting).map((spec) => `${spec.shortLabel} ${macro[spec.name].toFixed(spec.trecDigits)}`);
  return `${setting.padEnd(5)} ${figures.join('  ')}`;
}
