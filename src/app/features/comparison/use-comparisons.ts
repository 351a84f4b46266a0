/**
 * Comparisons of report pairs as the views show them: the figures and caveats at once (compareReports
 * without tests, cheap), then the same comparisons with their significance tests from a worker.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Comparison } from '../../../core/comparison/compare-reports';
import { canTest, compareFigures, type SignificanceStatus } from '../../../core/comparison/comparison-view';
import { compareInWorker } from './comparison-client';
import type { ComparePair } from './comparison-messages';

export interface ComparisonsState {
  /** One per pair, in order; with tests once status is "done". */
  comparisons: Comparison[];
  status: SignificanceStatus;
  problem: string | null;
}

/** `pairs` must keep its identity while the reports do (useMemo in the caller): a new array starts new tests. */
export function useComparisons(pairs: readonly ComparePair[]): ComparisonsState {
  const quick = useMemo(() => pairs.map((p) => compareFigures(p.aLabel, p.a, p.bLabel, p.b)), [pairs]);
  const testable = useMemo(() => pairs.some((p) => canTest(p.a, p.b)), [pairs]);
  const [outcome, setOutcome] = useState<{ pairs: readonly ComparePair[]; comparisons?: Comparison[]; problem?: string } | null>(null);

  useEffect(() => {
    if (!testable) return;
    const controller = new AbortController();
    compareInWorker(pairs, controller.signal).then(
      (comparisons) => !controller.signal.aborted && setOutcome({ pairs, comparisons }),
      (e: unknown) => !controller.signal.aborted && setOutcome({ pairs, problem: e instanceof Error ? e.message : String(e) }),
    );
    // A newer pair of reports (or leaving the view) stops the tests of the old one.
    return () => controller.abort();
  }, [pairs, testable]);

  const current = outcome?.pairs === pairs ? outcome : null;
  if (!testable) return { comparisons: quick, status: 'done', problem: null };
  if (current?.comparisons) return { comparisons: current.comparisons, status: 'done', problem: null };
  if (current?.problem) return { comparisons: quick, status: 'failed', problem: current.problem };
  return { comparisons: quick, status: 'testing', problem: null };
}
