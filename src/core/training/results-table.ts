import type { EvalReport } from '../evaluation/eval-report';

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

export const RESULT_COLUMNS: readonly { key: ResultColumn; label: string; digits: number; lowerIsBetter?: boolean }[] = [
  { key: 'monoMap', label: 'mono mAP', digits: 3 },
  { key: 'monoR1', label: 'mono R@1', digits: 3 },
  { key: 'crossMap', label: 'cross mAP', digits: 3 },
  { key: 'crossR1', label: 'cross R@1', digits: 3 },
  { key: 'multiMap', label: 'multi mAP', digits: 3 },
  { key: 'multiR10', label: 'multi R@10', digits: 3 },
  { key: 'maxRankDistance', label: 'mean max rank distance', digits: 1, lowerIsBetter: true },
];

export function buildResultRow(key: string, label: string, report: EvalReport): ResultRow {
  const { mono, cross, multi } = report.settings;
  return {
    key,
    label,
    monoMap: mono?.macro.ap ?? null,
    monoR1: mono?.macro.recallAt1 ?? null,
    crossMap: cross?.macro.ap ?? null,
    crossR1: cross?.macro.recallAt1 ?? null,
    multiMap: multi?.macro.ap ?? null,
    multiR10: multi?.macro.recallAt10 ?? null,
    maxRankDistance: multi?.macro.maxRankDistance ?? null,
  };
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
