/**
 * Whether an experiment's test split can tell the strategies apart at all, and, where per-question
 * records exist, a paired sign-flip test of each strategy against the untrained encoder.
 */
import type { EvalReport } from '../evaluation/eval-report';
import type { SettingName } from '../metrics/types';
import type { ExperimentResult } from '../training/run-experiment';
import { createRng } from '../numeric/rng';

export interface SplitWarning {
  kind: 'small' | 'saturated' | 'indistinct';
  message: string;
}

/** Fewer test question ids than this make every score move in steps too coarse to compare. */
export const MIN_TEST_QIDS = 20;
/** A row counts as saturated when every mAP is at least this. */
const SATURATED = 0.99;

const MAP_COLUMNS = ['monoMap', 'crossMap', 'multiMap'] as const;

/** The warnings a results table needs before anyone reads a winner off it (empty when it can be read). */
export function assessSplit(result: Pick<ExperimentResult, 'rows' | 'split'>): SplitWarning[] {
  const warnings: SplitWarning[] = [];
  const qids = result.split.testQids.length;
  const step = qids > 0 ? 1 / qids : 1;
  if (qids < MIN_TEST_QIDS) {
    warnings.push({
      kind: 'small',
      message:
        `The test split holds only ${qids} question id${qids === 1 ? '' : 's'} (${result.split.testQuestions} questions): ` +
        `one question can move a score by about ${step.toFixed(2)}, too coarse to tell strategies apart. ` +
        `Train on a larger corpus or on the synthetic benchmark.`,
    });
  }
  const values = result.rows.flatMap((r) => MAP_COLUMNS.map((c) => r[c]).filter((v): v is number => v !== null));
  if (values.length > 0 && values.every((v) => v >= SATURATED)) {
    warnings.push({
      kind: 'saturated',
      message: `Every row scores ${SATURATED.toFixed(2)} or more on every setting: the test is too easy for any strategy to do better.`,
    });
  } else {
    const spread = Math.max(...MAP_COLUMNS.map((c) => rangeOf(result.rows.map((r) => r[c]))));
    if (result.rows.length > 1 && spread < step) {
      warnings.push({
        kind: 'indistinct',
        message:
          `All rows are within ${spread.toFixed(3)} mAP of each other, less than one test question can move a score ` +
          `(about ${step.toFixed(3)}): read these rows as equal.`,
      });
    }
  }
  return warnings;
}

function rangeOf(values: readonly (number | null)[]): number {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? Math.max(...v) - Math.min(...v) : 0;
}

export interface PairedTest {
  setting: SettingName;
  /** Mean per-question AP difference, other minus base. */
  meanDifference: number;
  questions: number;
  /** Two-sided p of a paired sign-flip (randomisation) test. */
  p: number;
  /** "*" below 0.05, "**" below 0.01, "" otherwise: the mark beside a figure. */
  mark: '' | '*' | '**';
}

/**
 * Per setting, a paired sign-flip test of per-question AP between two reports of the same test
 * split (each question's difference keeps or flips its sign at random, `rounds` times, seeded).
 * Null for a setting without per-question records in both reports.
 */
export function pairedApTest(base: EvalReport, other: EvalReport, setting: SettingName, rounds = 2000, seed = 1): PairedTest | null {
  const apOf = (report: EvalReport) => {
    const out = new Map<string, number>();
    for (const cell of report.settings[setting]?.cells ?? []) for (const q of cell.queries ?? []) out.set(`${cell.key}|${q.queryId}`, q.metrics.ap);
    return out;
  };
  const a = apOf(base);
  const b = apOf(other);
  const diffs: number[] = [];
  for (const [key, value] of a) {
    const w = b.get(key);
    if (w !== undefined) diffs.push(w - value);
  }
  if (diffs.length === 0) return null;
  const observed = Math.abs(diffs.reduce((s, d) => s + d, 0));
  const rng = createRng(seed);
  let atLeast = 0;
  for (let r = 0; r < rounds; r++) {
    let s = 0;
    for (const d of diffs) s += rng.uniform() < 0.5 ? -d : d;
    // A small tolerance so exact ties (e.g. all differences 0) count as "at least as extreme".
    if (Math.abs(s) >= observed - 1e-12) atLeast++;
  }
  const p = (atLeast + 1) / (rounds + 1);
  return {
    setting,
    meanDifference: diffs.reduce((s, d) => s + d, 0) / diffs.length,
    questions: diffs.length,
    p,
    mark: p < 0.01 ? '**' : p < 0.05 ? '*' : '',
  };
}
