/**
 * Times adapter training on the synthetic XQuAD-R-scale benchmark (11 languages, 1,190 questions,
 * d = 384): the three batch strategies x 10 epochs of 100-pair batches, in Node and in the
 * browser's training worker (Debian's headless Chromium, the Vite dev server), in one run, and
 * prints the ratio. Both run the same experiment (runExperiment: 10% of the question ids held
 * out, the untrained encoder and each adapter evaluated on them), so the results must agree too.
 * The browser runs it twice, products on TypeScript (identical to Node's) and on onnxruntime-web
 * WASM (the app's default; within ort-products.test.ts's tolerances), and prints that ratio.
 * Also prints the cost of one InfoNCE + AdamW step, and (for the first seed) runs the same
 * experiment in Node with the training and adapter products on onnxruntime-node, as the CLI's
 * `experiment` does, printing its ratio against the TypeScript kernel from this run.
 *
 *   npm run bench:train -- [--epochs 10] [--rank 0] [--seed 1] [--eval] [--seeds 1,2,3] [--node-only] [--skip-ort]
 *
 * --eval prints the held-out figures per strategy; --seeds runs Node for several seeds (the
 * browser for the first); --node-only skips the browser; --skip-ort the onnxruntime-node run.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { MatrixProducts } from '../src/core/numeric/matrix-products';
import { createProbedProducts } from '../src/core/numeric/probed-products';
import { createOrtNodeBackend } from '../src/encoder/ort-node-backend';
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
    'skip-ort': { type: 'boolean', default: false },
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
  /** Process CPU time, all threads: the whole experiment, and its training phases. */
  cpuMs: number;
  trainCpuMs: number;
  rows: ResultRow[];
  curves: number[][];
}

async function timeSteps(dim: number, stepRank: number, batch: number, repeats: number, products?: MatrixProducts): Promise<number> {
  const rng = createRng(5);
  const x = Float64Array.from({ length: 2 * batch * dim }, () => rng.normal());
  const params = Float64Array.from(createIdentityAdapter(dim, stepRank, 1).params);
  const grad = new Float64Array(adapterParamCount({ dim, rank: stepRank }));
  const loss = createInfoNceLoss({ dim, rank: stepRank });
  const opt = createAdamW(params.length);
  const step = async () => {
    await loss.evaluateWith(products, params, { x, size: batch }, grad);
    opt.step(params, grad);
  };
  for (let i = 0; i < 3; i++) await step();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) await step();
  return (performance.now() - start) / repeats;
}

/** The experiment the browser worker runs, in this process. */
async function runInNode(seed: number, products?: MatrixProducts): Promise<Timing> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const bench = generateSyntheticBenchmark({ seed });
  const generateMs = performance.now() - started;
  // CPU time of the training phases alone (all threads), read where the phase changes.
  let trainCpuMs = 0;
  let trainFrom: NodeJS.CpuUsage | null = null;
  const cpuSince = (from: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(from);
    return (u.user + u.system) / 1000;
  };
  const result = await runExperiment({
    ...buildSyntheticCorpus(bench),
    ...settingsFor(seed),
    products,
    onProgress: (p) => {
      if (p.phase === 'train' && !trainFrom) trainFrom = process.cpuUsage();
      if (p.phase !== 'train' && trainFrom) {
        trainCpuMs += cpuSince(trainFrom);
        trainFrom = null;
      }
    },
  });
  return {
    cpuMs: cpuSince(cpu),
    trainCpuMs,
    curves: result.strategies.map((s) => s.lossCurve.map((p) => p.loss)),
    trainMs: result.strategies.map((s) => s.trainMs),
    evalMs: [result.baseline.evalMs, ...result.strategies.map((s) => s.evalMs)],
    generateMs,
    totalMs: performance.now() - started,
    rows: result.rows,
  };
}

/**
 * The same experiment in the training worker of training-harness.html, once per products choice
 * (one page each): 'typescript' (must equal Node's TypeScript run exactly) and 'auto'
 * (onnxruntime-web WASM behind the probe).
 */
async function runInBrowser(seed: number, choices: readonly ('typescript' | 'auto')[]): Promise<(Timing & { browser: string; products: string })[]> {
  const site = await startSite({ entries: [TEST_PAGES.training] });
  const browser = await launchChromium();
  try {
    const runs: (Timing & { browser: string; products: string })[] = [];
    for (const choice of choices) {
      const tab = await openPage(browser, `${site.url}${TEST_PAGES.training}`, { waitFor: 'document.body.dataset.ready === "true"' });
      const r = await tab.page.evaluate(([settings, s, c]) => window.trainingHarness.runSynthetic(settings, s, c), [settingsFor(seed), seed, choice] as const);
      await tab.close();
      runs.push({
        trainMs: r.trainMs,
        evalMs: r.evalMs,
        generateMs: r.generateMs,
        totalMs: r.workerMs,
        cpuMs: Number.NaN,
        trainCpuMs: Number.NaN,
        rows: r.rows,
        curves: r.curves,
        browser: `Chromium ${browser.version()}`,
        products: r.products.detail,
      });
    }
    return runs;
  } finally {
    await browser.close();
    await site.close();
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const load = () => loadavg()[0].toFixed(1);
console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${load()} at the start`);
// The products backend the CLI's experiment uses under --scoring auto (scoring-option.ts).
const ortThreads = 2;
const ort = values['skip-ort'] ? null : createOrtNodeBackend(ortThreads);
const ortProducts = ort ? createProbedProducts(ort, { onNotice: (m) => console.log(`warning: ${m}`) }) : undefined;
for (const r of [0, 64, 32]) {
  const ts = await timeSteps(384, r, 100, 20);
  const native = ortProducts ? await timeSteps(384, r, 100, 20, ortProducts) : Number.NaN;
  const ortPart = ortProducts ? `, ${ortProducts.name} ${native.toFixed(1)} ms (${(ts / native).toFixed(1)}x)` : '';
  console.log(`one step (B=100, d=384, ${r === 0 ? 'full' : `rank ${r}`}): TypeScript ${ts.toFixed(1)} ms${ortPart}`);
}

const strategies = ['monolingual', 'cross-lingual', 'hybrid'];
const shape = rank === 0 ? 'full 384 x 384' : `rank ${rank}`;
for (const [i, seed] of seeds.entries()) {
  const node = await runInNode(seed);
  console.log(
    `\nseed ${seed}, ${epochs} epochs, ${shape} adapter; Node: three strategies trained in ${seconds(sum(node.trainMs))} (${node.trainMs.map(seconds).join(', ')})`,
  );
  if (values.eval) console.log(formatResultsMarkdown(node.rows));
  if (i === 0 && ortProducts) await compareOrt(seed, node, ortProducts);
  if (i > 0 || values['node-only']) continue;

  const [web, wasm] = await runInBrowser(seed, ['typescript', 'auto']);
  const same = JSON.stringify(web.rows) === JSON.stringify(node.rows);
  console.log(`\n${web.browser}, training worker (products on TypeScript) vs Node (same experiment, seed ${seed}):`);
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
  console.log(`results identical in Node and the browser (both TypeScript): ${same ? 'yes' : 'NO'}`);
  if (!same) process.exitCode = 1;
  compareProducts(
    `${web.browser}, training worker: products on TypeScript vs onnxruntime-web (same experiment, seed ${seed}, scoring on TypeScript in both)`,
    web,
    wasm,
    'onnxruntime-web',
  );
  console.log(`products: ${wasm.products}; load average ${load()} at the end`);
}
await ort?.release();

/** The same experiment with the training and adapter products on onnxruntime-node; its ratio against `node`. */
async function compareOrt(seed: number, node: Timing, products: MatrixProducts & { status: string }): Promise<void> {
  const native = await runInNode(seed, products);
  console.log(
    `\nNode, training and adapter products on the TypeScript kernel vs ${products.name} (same experiment, seed ${seed}, scoring on TypeScript in both):`,
  );
  console.log(`| | TypeScript | onnxruntime-node | TypeScript / onnxruntime-node |`);
  console.log(`|---|---:|---:|---:|`);
  strategies.forEach((s, k) =>
    console.log(`| train ${s} | ${seconds(node.trainMs[k])} | ${seconds(native.trainMs[k])} | ${(node.trainMs[k] / native.trainMs[k]).toFixed(2)}x |`),
  );
  console.log(
    `| **train, three strategies** | **${seconds(sum(node.trainMs))}** | **${seconds(sum(native.trainMs))}** | **${(sum(node.trainMs) / sum(native.trainMs)).toFixed(2)}x** |`,
  );
  console.log(
    `| train, three strategies, CPU (all threads) | ${seconds(node.trainCpuMs)} | ${seconds(native.trainCpuMs)} | ${(node.trainCpuMs / native.trainCpuMs).toFixed(2)}x |`,
  );
  console.log(
    `| evaluate (untrained + 3, adapters applied) | ${seconds(sum(node.evalMs))} | ${seconds(sum(native.evalMs))} | ${(sum(node.evalMs) / sum(native.evalMs)).toFixed(2)}x |`,
  );
  console.log(`| whole experiment, wall | ${seconds(node.totalMs)} | ${seconds(native.totalMs)} | ${(node.totalMs / native.totalMs).toFixed(2)}x |`);
  console.log(`| whole experiment, CPU (all threads) | ${seconds(node.cpuMs)} | ${seconds(native.cpuMs)} | ${(node.cpuMs / native.cpuMs).toFixed(2)}x |`);
  reportDifferences(node, native);
  console.log(`products: ${products.status}; load average ${load()} at the end`);
}

/**
 * Float32 products against the TypeScript run: each step's loss within 1e-5 relative, each score
 * metric (mAP, R@k) within 1e-6 (the tolerances src/encoder/ort-products.test.ts states); a miss
 * sets the exit code. The mean max rank distance is printed, not checked: at XQuAD-R scale two
 * scores within float32 rounding of each other swap, moving it by whole ranks / questions.
 */
function reportDifferences(reference: Timing, other: Timing): void {
  let worstLoss = 0;
  reference.curves.forEach((curve, k) => curve.forEach((loss, j) => (worstLoss = Math.max(worstLoss, Math.abs(other.curves[k][j] - loss) / loss))));
  const differences: string[] = [];
  let worstMetric = 0;
  reference.rows.forEach((row, k) => {
    for (const [key, value] of Object.entries(row)) {
      const theirs = (other.rows[k] as unknown as Record<string, number>)[key];
      if (typeof value !== 'number' || theirs === value) continue;
      differences.push(`${row.key} ${key} ${value} vs ${theirs}`);
      if (key !== 'maxRankDistance') worstMetric = Math.max(worstMetric, Math.abs(theirs - value));
    }
  });
  const within = worstLoss < 1e-5 && worstMetric <= 1e-6;
  console.log(`largest loss difference ${worstLoss.toExponential(1)} relative; metrics that differ: ${differences.length ? differences.join('; ') : 'none'}`);
  console.log(`within the tolerances of ort-products.test.ts (loss 1e-5 relative, score metrics 1e-6): ${within ? 'yes' : 'NO'}`);
  if (!within) process.exitCode = 1;
}

/** The TypeScript / backend ratio table for one pair of runs of the same experiment. */
function compareProducts(title: string, ts: Timing, fast: Timing, label: string): void {
  console.log(`\n${title}:`);
  console.log(`| | TypeScript | ${label} | TypeScript / ${label} |`);
  console.log(`|---|---:|---:|---:|`);
  strategies.forEach((s, k) =>
    console.log(`| train ${s} | ${seconds(ts.trainMs[k])} | ${seconds(fast.trainMs[k])} | ${(ts.trainMs[k] / fast.trainMs[k]).toFixed(2)}x |`),
  );
  console.log(
    `| **train, three strategies** | **${seconds(sum(ts.trainMs))}** | **${seconds(sum(fast.trainMs))}** | **${(sum(ts.trainMs) / sum(fast.trainMs)).toFixed(2)}x** |`,
  );
  console.log(
    `| evaluate (untrained + 3, adapters applied) | ${seconds(sum(ts.evalMs))} | ${seconds(sum(fast.evalMs))} | ${(sum(ts.evalMs) / sum(fast.evalMs)).toFixed(2)}x |`,
  );
  console.log(`| whole experiment, wall | ${seconds(ts.totalMs)} | ${seconds(fast.totalMs)} | ${(ts.totalMs / fast.totalMs).toFixed(2)}x |`);
  reportDifferences(ts, fast);
}
