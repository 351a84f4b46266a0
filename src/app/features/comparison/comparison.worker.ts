/// <reference lib="webworker" />
/**
 * compareReports with its significance tests (10,000 seeded sign flips per cell and per setting,
 * the t-test, Holm-Bonferroni) off the page: over XQuAD-R-sized reports they take seconds.
 */
import { compareReports } from '../../../core/comparison/compare-reports';
import { unpackForComparison } from '../../../core/comparison/comparison-transfer';
import type { ComparisonWorkerIn, ComparisonWorkerOut } from './comparison-messages';

declare const self: DedicatedWorkerGlobalScope;

function post(message: ComparisonWorkerOut): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<ComparisonWorkerIn>) => {
  const message = event.data;
  // A cancel cannot interrupt the synchronous tests; the client stops this worker after a grace period.
  if (message.type !== 'compare') return;
  try {
    const comparisons = message.pairs.map((p) => compareReports(p.aLabel, unpackForComparison(p.a), p.bLabel, unpackForComparison(p.b)));
    post({ type: 'compare-done', comparisons });
  } catch (e) {
    post({ type: 'compare-error', message: e instanceof Error ? e.message : String(e) });
  }
};
