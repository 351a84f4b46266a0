/**
 * Test page for the app's comparison worker (comparison-harness.html): `npm run bench:significance
 * -- --browser` calls window.comparisonHarness.prepare(seed), which builds the two generated
 * reports here, then time(), which times compareInWorker end to end (worker start, the reports
 * posted over, the tests, the answer back), as the Evaluation tab calls it, and post(form), which
 * times posting the reports to a worker as records or as packed columns.
 */
import { compareInWorker } from '../../src/app/features/comparison/comparison-client';
import { packForComparison, transferablesOf } from '../../src/core/comparison/comparison-transfer';
import type { EvalReport } from '../../src/core/evaluation/eval-report';
import { xquadSizedReports } from '../support/comparison-reports';

let reports: ReturnType<typeof xquadSizedReports> | null = null;

/** Builds the reports apart, so that time() (and the CPU the caller reads around it) covers the comparison only. */
function prepare(seed: number): void {
  reports = xquadSizedReports(seed);
}

async function time(): Promise<{ ms: number; p: number[] }> {
  if (!reports) throw new Error('comparisonHarness.time: call prepare(seed) first');
  const [a, b] = reports;
  const started = performance.now();
  const [comparison] = await compareInWorker([{ aLabel: 'A', a, bLabel: 'B', b }]);
  const ms = performance.now() - started;
  return { ms, p: comparison.settings.flatMap((s) => s.tests.flatMap((t) => [...t.cells.map((c) => c.p), t.overall.p])) };
}

/** The reports as the client posted them before packing: records with ids and metrics only (the old slimForComparison). */
function asRecords(report: EvalReport): EvalReport {
  const settings: EvalReport['settings'] = {};
  for (const [name, s] of Object.entries(report.settings)) {
    const cells = s.cells.map((c) => ({
      ...c,
      queries: c.queries?.map((q) => ({ queryId: q.queryId, qid: q.qid, lang: q.lang, metrics: q.metrics, relevantRanks: [], top: [] })),
    }));
    settings[name as keyof EvalReport['settings']] = { ...s, cells };
  }
  return { ...report, settings };
}

/**
 * Posting the two reports to a worker that answers at once, as records (before) and as packed
 * columns (now): ms the page is blocked (building the message and postMessage, which copies
 * synchronously) and ms until the worker has them.
 */
async function post(form: 'records' | 'packed'): Promise<{ blockedMs: number; deliveredMs: number }> {
  if (!reports) throw new Error('comparisonHarness.post: call prepare(seed) first');
  const [a, b] = reports;
  const worker = new Worker(new URL('./comparison-post.worker.ts', import.meta.url), { type: 'module' });
  // Started before timing, so that only the message is timed.
  await new Promise<void>((resolve) => {
    worker.onmessage = () => resolve();
    worker.postMessage(null);
  });
  const started = performance.now();
  const answered = new Promise<number>((resolve) => (worker.onmessage = () => resolve(performance.now())));
  if (form === 'records') worker.postMessage([asRecords(a), asRecords(b)]);
  else {
    const packed = [packForComparison(a), packForComparison(b)];
    worker.postMessage(packed, transferablesOf(packed));
  }
  const blockedMs = performance.now() - started;
  const deliveredMs = (await answered) - started;
  worker.terminate();
  return { blockedMs, deliveredMs };
}

declare global {
  interface Window {
    comparisonHarness: { prepare: typeof prepare; time: typeof time; post: typeof post };
  }
}

window.comparisonHarness = { prepare, time, post };
document.getElementById('status')!.textContent = 'Ready.';
document.body.dataset.ready = 'true';
