/// <reference lib="webworker" />
/**
 * compareReports with its significance tests (10,000 seeded sign flips per cell and per setting,
 * the t-test, Holm-Bonferroni) off the page: over XQuAD-R-sized reports they take seconds.
 */
import { compareReports } from '../../../core/comparison/compare-reports';
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
    post({ type: 'compare-done', comparisons: message.pairs.map((p) => compareReports(p.aLabel, p.a, p.bLabel, p.b)) });
  } catch (e) {
    post({ type: 'compare-error', message: e instanceof Error ? e.message : String(e) });
  }
};
