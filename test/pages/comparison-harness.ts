/**
 * Test page for the app's comparison worker (comparison-harness.html): `npm run bench:significance
 * -- --browser` calls window.comparisonHarness.prepare(seed), which builds the two generated
 * reports here, then time(), which times compareInWorker end to end (worker start, the reports
 * posted over, the tests, the answer back), as the Evaluation tab calls it.
 */
import { compareInWorker } from '../../src/app/features/comparison/comparison-client';
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

declare global {
  interface Window {
    comparisonHarness: { prepare: typeof prepare; time: typeof time };
  }
}

window.comparisonHarness = { prepare, time };
document.getElementById('status')!.textContent = 'Ready.';
document.body.dataset.ready = 'true';
