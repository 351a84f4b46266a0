/**
 * Test page for the app's comparison worker (comparison-harness.html): `npm run bench:significance
 * -- --browser` calls window.comparisonHarness.time(seed), which builds the two generated reports
 * here and times compareInWorker end to end (worker start, the reports posted over, the tests, the
 * answer back), as the Evaluation tab calls it.
 */
import { compareInWorker } from '../../src/app/features/comparison/comparison-client';
import { xquadSizedReports } from '../support/comparison-reports';

async function time(seed: number): Promise<{ ms: number; p: number[] }> {
  const [a, b] = xquadSizedReports(seed);
  const started = performance.now();
  const [comparison] = await compareInWorker([{ aLabel: 'A', a, bLabel: 'B', b }]);
  const ms = performance.now() - started;
  return { ms, p: comparison.settings.flatMap((s) => s.tests.flatMap((t) => [...t.cells.map((c) => c.p), t.overall.p])) };
}

declare global {
  interface Window {
    comparisonHarness: { time: typeof time };
  }
}

window.comparisonHarness = { time };
document.getElementById('status')!.textContent = 'Ready.';
document.body.dataset.ready = 'true';
