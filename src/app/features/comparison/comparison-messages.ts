/** Messages between the page and the significance worker: pairs of reports in, their comparisons out. */
import type { Comparison } from '../../../core/comparison/compare-reports';
import type { PackedReport } from '../../../core/comparison/comparison-transfer';
import type { EvalReport } from '../../../core/evaluation/eval-report';

/** Run B against run A, labelled as the views name them. */
export interface ComparePair {
  aLabel: string;
  a: EvalReport;
  bLabel: string;
  b: EvalReport;
}

/** A pair as posted: the reports packed as columns (comparison-transfer.ts), their metric buffers moved. */
export interface PackedPair {
  aLabel: string;
  a: PackedReport;
  bLabel: string;
  b: PackedReport;
}

export type ComparisonWorkerIn = { type: 'compare'; pairs: PackedPair[] } | { type: 'cancel' };

export type ComparisonWorkerOut = { type: 'compare-done'; comparisons: Comparison[] } | { type: 'compare-error'; message: string };
