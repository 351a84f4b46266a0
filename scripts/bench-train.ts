/**
 * Times adapter training on the synthetic XQuAD-R-scale benchmark (11 languages, 1,190 questions,
 * d = 384): the three batch strategies x 10 epochs of 100-pair batches, in Node and in the
 * browser's training worker (Debian's headless Chromium, the Vite dev server), in one run, and
 * prints the ratio. Both run the same experiment (runExperiment: 10% of the question ids held
 * out, the untrained encoder and each adapter evaluated on them), so the results must agree too.
 * Also prints the cost of one InfoNCE + AdamW step.
 *
 *   npm run bench:train -- [--epochs 10] [--rank 0] [--seed 1] [--eval] [--seeds 1,2,3] [--node-only]
 *
 * --eval prints the held-out figures per strategy; --seeds runs Node for several seeds (the
 * browser for the first); --node-only skips the browser.
 */
import { parseArgs } from 'node:util';
import { createAdamW } from '../src/core/training/adamw';
import { adapterParamCount, createIdentityAdapter } from '../src/core/training/adapter';
import { createInfoNceLoss } from '../src/core/training/loss';
import { formatResultsMarkdown, type ResultRow } from '../src/core/training/results-table';
import { createRng } from '../src/core/numeric/rng';
import { runExperiment, type ExperimentSettings } from '../src/core/training/run-experiment';
import { generateSyntheticBenchmark } from '../src/core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../src/core/training/synthetic-corpus';
import { launchChromium, openPage, startSite, TEST_PAGES } from '../test/e2e/browser-harness';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    rank: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    eval: { type: 'boolean', default: false },
    'node-only': { type: 'boolean', default: false },
  },
});
const epochs = Number(values.epochs);
const rank = Number(values.rank);
const seeds = (values.seeds ?? values.seed).split(',').map(Number);
const settingsFor = (seed: number): ExperimentSettings => ({ seed, epochs, rank, testFraction: 0.1 });

interface Timing {
  trainMs: number[];
  evalMs: number[];
  generateMs: number;
  totalMs: number;
  rows: ResultRow[];
}

function timeSteps(dim: number, stepRank: number, batch: number, repeats: number): number {
  const rng = createRng(5);
  const x = Float64Array.from({ length: 2 * batch * dim }, () => rng.normal());
  const params = Float64Array.from(createIdentityAdapter(dim, stepRank, 1).params);
  const grad = new Float64Array(adapterParamCount({ dim, rank: stepRank }));
  const loss = createInfoNceLoss({ dim, rank: stepRank });
  const opt = createAdamW(params.length);
  const step = () => {
    loss.evaluate(params, { x, size: batch }, grad);
    opt.step(params, grad);
  };
  for (let i = 0; i < 3; i++) step();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) step();
  return (performance.now() - start) / repeats;
}

/** The experiment the browser worker runs, in this process. */
async function runInNode(seed: number): Promise<Timing> {
  const started = performance.now();
  const bench = generateSyntheticBenchmark({ seed });
  const generateMs = performance.now() - started;
  const result = await runExperiment({ ...buildSyntheticCorpus(bench), ...settingsFor(seed) });
  return {
    trainMs: result.strategies.map((s) => s.trainMs),
    evalMs: [result.baseline.evalMs, ...result.strategies.map((s) => s.evalMs)],
    generateMs,
    totalMs: performance.now() - started,
    rows: result.rows,
  };
}

/** The same experiment in the training worker of training-harness.html. */
async function runInBrowser(seed: number): Promise<Timing & { browser: string }> {
  const site = await startSite({ entries: [TEST_PAGES.training] });
  const browser = await launchChromium();
  try {
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.training}`, { waitFor: 'document.body.dataset.ready === "true"' });
    const r = await tab.page.evaluate(([settings, s]) => window.trainingHarness.runSynthetic(settings, s), [settingsFor(seed), seed] as const);
    await tab.close();
    return { trainMs: r.trainMs, evalMs: r.evalMs, generateMs: r.generateMs, totalMs: r.workerMs, rows: r.rows, browser: `Chromium ${browser.version()}` };
  } finally {
    await browser.close();
    await site.close();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const r of [0, 64, 32]) {
  console.log(`one step (B=100, d=384, ${r === 0 ? 'full' : `rank ${r}`}): ${timeSteps(384, r, 100, 20).toFixed(1)} ms`);
}

const strategies = ['monolingual', 'cross-lingual', 'hybrid'];
const shape = rank === 0 ? 'full 384 x 384' : `rank ${rank}`;
for (const [i, seed] of seeds.entries()) {
  const node = await runInNode(seed);
  console.log(
    `\nseed ${seed}, ${epochs} epochs, ${shape} adapter; Node: three strategies trained in ${seconds(sum(node.trainMs))} (${node.trainMs.map(seconds).join(', ')})`,
  );
  if (values.eval) console.log(formatResultsMarkdown(node.rows));
  if (i > 0 || values['node-only']) continue;

  const web = await runInBrowser(seed);
  const same = JSON.stringify(web.rows) === JSON.stringify(node.rows);
  console.log(`\n${web.browser}, training worker vs Node (same experiment, seed ${seed}):`);
  console.log(`| | Node | browser worker | browser / Node |`);
  console.log(`|---|---:|---:|---:|`);
  strategies.forEach((s, k) =>
    console.log(`| train ${s} | ${seconds(node.trainMs[k])} | ${seconds(web.trainMs[k])} | ${(web.trainMs[k] / node.trainMs[k]).toFixed(2)} |`),
  );
  console.log(
    `| **train, three strategies** | **${seconds(sum(node.trainMs))}** | **${seconds(sum(web.trainMs))}** | **${(sum(web.trainMs) / sum(node.trainMs)).toFixed(2)}** |`,
  );
  console.log(`| generate the benchmark | ${seconds(node.generateMs)} | ${seconds(web.generateMs)} | ${(web.generateMs / node.generateMs).toFixed(2)} |`);
  console.log(`| evaluate (untrained + 3) | ${seconds(sum(node.evalMs))} | ${seconds(sum(web.evalMs))} | ${(sum(web.evalMs) / sum(node.evalMs)).toFixed(2)} |`);
  console.log(`| whole experiment | ${seconds(node.totalMs)} | ${seconds(web.totalMs)} | ${(web.totalMs / node.totalMs).toFixed(2)} |`);
  console.log(`results identical in Node and the browser: ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
}
