/**
 * The one-line reading of R@1 beside mAP. R@1 is trec_eval's recall_1: the share of a question's
 * answers ranked first. With one answer it is "answered first or not"; with one answer per
 * language (the multilingual pool) only one of R answers can be first, so R@1 is at most 1/R there
 * and a perfect ranking still reads low.
 */
import type { EvalReport } from '../evaluation/eval-report';
import { SETTINGS } from '../metrics/registry';
import type { SettingName } from '../metrics/types';

/** The fewest and most answers a scored question has in a setting, from the kept per-query records (null without them). */
export function answersPerQuestion(report: EvalReport, setting: SettingName): { min: number; max: number } | null {
  const counts = (report.settings[setting]?.cells ?? []).flatMap((c) => (c.queries ?? []).map((q) => q.relevantRanks.length));
  if (counts.length === 0) return null;
  return { min: Math.min(...counts), max: Math.max(...counts) };
}

const fraction = (n: number) => `1/${n} = ${(1 / n).toFixed(3)}`;

/** "R@1: the share of a question's answers ranked first. Monolingual: ... Multilingual: ..." (one line), or null when no setting has R@1. */
export function readRecallAt1(report: EvalReport): string | null {
  const parts: string[] = [];
  const single: string[] = [];
  for (const setting of ['mono', 'cross', 'multi'] as const satisfies readonly SettingName[]) {
    const answers = answersPerQuestion(report, setting);
    if (!answers) continue;
    const name = SETTINGS[setting].label;
    if (answers.max === 1) single.push(name);
    else if (answers.min === answers.max)
      parts.push(`${name}: ${answers.max} answers per question, so at most ${fraction(answers.max)} even when every answer leads the list`);
    else parts.push(`${name}: ${answers.min} to ${answers.max} answers per question, so at most ${fraction(answers.min)} to ${fraction(answers.max)}`);
  }
  if (single.length === 0 && parts.length === 0) return null;
  const one = single.length ? `${single.join(' and ')}: one answer per question, so R@1 is the share of questions answered first` : '';
  return `R@1 is the share of a question's answers ranked first. ${[one, ...parts].filter(Boolean).join('. ')}; mAP counts every answer.`;
}
