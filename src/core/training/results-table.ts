import type { EvalReport } from '../evaluation/eval-report';
import { METRICS } from '../metrics/registry';
import type { MetricName, SettingName } from '../metrics/types';

/**
 * One row of the experiment's results table: the paper's figures per setting (mAP everywhere,
 * Recall@1 for mono and cross, Recall@10 for multilingual) and the language-bias figure, the mean
 * maximum rank distance in the multilingual pool. Null where the report lacks the setting.
 */
export interface ResultRow {
  /** "baseline" or a strategy name. */
  key: string;
  label: string;
  monoMap: number | null;
  monoR1: number | null;
  crossMap: number | null;
  crossR1: number | null;
  multiMap: number | null;
  multiR10: number | null;
  maxRankDistance: number | null;
}

export type ResultColumn = Exclude<keyof ResultRow, 'key' | 'label'>;

export interface ResultColumnSpec {
  key: ResultColumn;
  setting: SettingName;
  metric: MetricName;
  /** The registry's short label, after the setting unless the metric has only that one. */
  label: string;
  digits: number;
  lowerIsBetter: boolean;
}

function column(key: ResultColumn, setting: SettingName, metric: MetricName): ResultColumnSpec {
  const spec = METRICS[metric];
  const label = spec.settings.length === 1 ? spec.shortLabel : `${setting} ${spec.shortLabel}`;
  return { key, setting, metric, label, digits: spec.digits, lowerIsBetter: spec.lowerIsBetter };
}

export const RESULT_COLUMNS: readonly ResultColumnSpec[] = [
  column('monoMap', 'mono', 'ap'),
  column('monoR1', 'mono', 'recallAt1'),
  column('crossMap', 'cross', 'ap'),
  column('crossR1', 'cross', 'recallAt1'),
  column('multiMap', 'multi', 'ap'),
  column('multiR10', 'multi', 'recallAt10'),
  column('maxRankDistance', 'multi', 'maxRankDistance'),
];

export function buildResultRow(key: string, label: string, report: EvalReport): ResultRow {
  const row = { key, label } as ResultRow;
  for (const c of RESULT_COLUMNS) row[c.key] = report.settings[c.setting]?.macro[c.metric] ?? null;
  return row;
}

export function formatResultCell(value: number | null, digits: number): string {
  return value === null ? '–' : value.toFixed(digits);
}

/** The rows as a GitHub-flavoured markdown table (no trailing newline). */
export function formatResultsMarkdown(rows: readonly ResultRow[]): string {
  const head = ['strategy', ...RESULT_COLUMNS.map((c) => (c.lowerIsBetter ? `${c.label} (lower is better)` : c.label))];
  const lines = [
    `| ${head.join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${[r.label, ...RESULT_COLUMNS.map((c) => formatResultCell(r[c.key], c.digits))].join(' | ')} |`),
  ];
  return lines.join('\n');
}
