/** Messages between the page and the significance worker: pairs of reports in, their comparisons out. */
import type { Comparison } from '../../../core/comparison/compare-reports';
import type { EvalReport } from '../../../core/evaluation/eval-report';

/** Run B against run A, labelled as the views name them. */
export interface ComparePair {
  aLabel: string;
  a: EvalReport;
  bLabel: string;
  b: EvalReport;
}

export type ComparisonWorkerIn = { type: 'compare'; pairs: ComparePair[] } | { type: 'cancel' };

export type ComparisonWorkerOut = { type: 'compare-done'; comparisons: Comparison[] } | { type: 'compare-error'; message: string };
