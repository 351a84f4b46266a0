/**
 * Dense scoring speed, every backend on the same inputs in one run (scripts/bench-score-tasks.ts):
 * the product of the synthetic benchmark's first 1,190 query rows with its first 13,014 passage
 * rows (384-d) on the TypeScript kernel, onnxruntime-node, and in the browser worker on the
 * TypeScript kernel, onnxruntime-web WASM (2 threads, cross-origin isolated), WebGPU (SwiftShader
 * here: a correctness check, its speed means nothing) and WebNN where Chromium exposes it; then
 * the whole dense evaluation of the benchmark (13,090 queries, 15,708 passages, three settings)
 * in the CLI and in the browser worker. Prints GFLOP/s and ratios to the TypeScript kernel.
 *
 *   npm run bench:score -- [--queries 1190] [--passages 13014] [--repeats 3] [--ts-eval] [--node-only] [--product-only]
 *
 * --ts-eval also times the whole evaluation on the TypeScript kernel in Node (minutes) and checks
 * the metrics are identical.
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { typescriptBackend } from '../src/core/scoring/score-backend';
import { createOrtNodeBackend } from '../src/encoder/ort-node-backend';
import { launchChromium, openPage, startSite, TEST_PAGES } from '../test/e2e/browser-harness';
import { benchmark, timeEvaluation, timeProduct, type EvaluationTiming, type ProductTiming } from './bench-score-tasks';

const { values } = parseArgs({
  options: {
    queries: { type: 'string', default: '1190' },
    passages: { type: 'string', default: '13014' },
    repeats: { type: 'string', default: '3' },
    'ts-eval': { type: 'boolean', default: false },
    'node-only': { type: 'boolean', default: false },
    'product-only': { type: 'boolean', default: false },
  },
});
const nq = Number(values.queries);
const np = Number(values.passages);
const repeats = Number(values.repeats);
const threads = Math.min(2, availableParallelism());
const load = () => loadavg()[0].toFixed(1);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${load()} at the start`);
benchmark();
const rows: { where: string; t: ProductTiming }[] = [];
const tsNode = await timeProduct(typescriptBackend, nq, np, 1);
rows.push({ where: 'Node', t: tsNode });
const ortNode = createOrtNodeBackend(threads);
rows.push({ where: 'Node', t: await timeProduct(ortNode, nq, np, repeats, tsNode.scores) });
// One query at a time, as the ranking worker scores: does a runtime call pay for itself?
const single: { where: string; t: ProductTiming }[] = [];
single.push({ where: 'Node', t: await timeProduct(typescriptBackend, 1, np, 20) });
single.push({ where: 'Node', t: await timeProduct(ortNode, 1, np, 20) });

interface BrowserResult {
  environment: { crossOriginIsolated: boolean; hardwareConcurrency: number; webnn: boolean; webgpu: boolean };
  generateMs: number;
  product?: ProductTiming;
  evaluation?: EvaluationTiming;
}
const evaluations: { where: string; e: EvaluationTiming; load: string }[] = [];
if (!values['product-only']) evaluations.push({ where: 'CLI (Node)', e: await timeEvaluation([ortNode]), load: load() });
let environment: BrowserResult['environment'] | null = null;
let chromium = '';

if (!values['node-only']) {
  const site = await startSite({ entries: [TEST_PAGES.scoring] });
  // WebGPU on SwiftShader, and WebNN if this Chromium has it behind its feature flag.
  const browser = await launchChromium({ webgpu: true, args: ['--enable-features=WebMachineLearningNeuralNetwork'] });
  chromium = `Chromium ${browser.version()}`;
  try {
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.scoring}`, { waitFor: 'document.body.dataset.ready === "true"' });
    const run = (request: object) => tab.page.evaluate((r) => window.scoringHarness.run(r as never), request) as Promise<BrowserResult>;
    const product = async (device: string, queries: number, times: number, parity: boolean) => {
      try {
        const r = await run({ op: 'product', device, threads, queries, passages: np, repeats: times, parity });
        environment = r.environment;
        rows.push({ where: 'browser worker', t: r.product! });
      } catch (e) {
        console.log(`browser ${device}: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    for (const device of ['typescript', 'wasm']) {
      const r = await run({ op: 'product', device, threads, queries: 1, passages: np, repeats: 20, parity: false });
      single.push({ where: 'browser worker', t: r.product! });
    }
    await product('typescript', nq, 1, false);
    await product('wasm', nq, repeats, true);
    await product('webgpu', Math.min(nq, 256), 1, true); // SwiftShader: correctness only
    if (environment!.webnn) await product('webnn', nq, repeats, true);
    if (!values['product-only'])
      evaluations.push({ where: 'browser worker (WASM)', e: (await run({ op: 'evaluate', device: 'wasm', threads })).evaluation!, load: load() });
    await tab.close();
  } finally {
    await browser.close();
    await site.close();
  }
}
if (values['ts-eval']) evaluations.push({ where: 'Node, TypeScript kernel', e: await timeEvaluation([]), load: load() });

const tsBrowser = rows.find((r) => r.where === 'browser worker' && r.t.backend === 'TypeScript')?.t;
console.log(`\nScoring product ${nq} x ${np} x 384 (WebGPU: 256 queries), in blocks of 256 queries, best of ${repeats}; ${chromium}`);
console.log('| where | backend | time | GFLOP/s | x TypeScript in Node | x TypeScript here | parity with the TypeScript kernel |');
console.log('|---|---|---:|---:|---:|---:|---|');
for (const { where, t } of rows) {
  const local = where === 'Node' ? tsNode : tsBrowser;
  console.log(
    `| ${where} | ${t.backend} | ${(t.ms / 1000).toFixed(2)} s | ${t.gflops.toFixed(1)} | ${(t.gflops / tsNode.gflops).toFixed(1)}x | ${local ? `${(t.gflops / local.gflops).toFixed(1)}x` : ''} | ${t.parity ?? 'reference'} |`,
  );
}
if (environment) console.log(`browser: ${JSON.stringify(environment)}`);
console.log(`\nOne query against ${np} passages (the ranking worker's case), best of 20:`);
for (const { where, t } of single) console.log(`| ${where} | ${t.backend} | ${t.ms.toFixed(2)} ms |`);

if (evaluations.length === 0) process.exit(0);
console.log(
  `\nWhole dense evaluation from precomputed rows (${evaluations[0].e.queries} queries, ${evaluations[0].e.passages} passages, 384-d, mono + cross + multi):`,
);
console.log('| where | time | CPU time | load average (1 min) at the end | backend chosen |');
console.log('|---|---:|---:|---:|---|');
for (const { where, e, load } of evaluations)
  console.log(
    `| ${where} | ${sec(e.ms)} | ${e.cpuMs === undefined ? '' : sec(e.cpuMs)} | ${load} | ${e.status}${e.notices.length ? ` (notices: ${e.notices.join('; ')})` : ''} |`,
  );
const first = JSON.stringify(evaluations[0].e.macro);
const same = evaluations.every(({ e }) => JSON.stringify(e.macro) === first);
for (const [setting, m] of Object.entries(evaluations[0].e.macro))
  console.log(`${setting}: mAP ${m.ap.toFixed(6)}, R@1 ${m.recallAt1.toFixed(6)}, R@10 ${m.recallAt10.toFixed(6)}, MRR ${m.rr.toFixed(6)}`);
console.log(`metrics identical across ${evaluations.map((e) => e.where).join(', ')}: ${same ? 'yes' : 'NO'}`);
console.log(`load average ${load()} at the end`);
await ortNode.release();
if (!same) process.exitCode = 1;
