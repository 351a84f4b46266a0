/**
 * Whether an experiment's test split can tell the strategies apart at all. (Significance of each
 * strategy against the untrained encoder: core/comparison, compareReports.)
 */
import type { ExperimentResult } from '../training/run-experiment';

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
