/**
 * The training experiment end to end in the browser: the panel on training-harness.html, driven by
 * its controls, runs the whole experiment in the training worker, and its results equal the
 * command line's for the same seed and data. Cancel stops a run.
 *
 * Two encoders: rows computed by the Node encoder (the CLI's own embeddings) handed to the page,
 * where every number must be identical to the CLI's (same code, same seed, and the training core
 * uses only arithmetic that is bit-identical across JavaScript engines); and the fixture model run
 * by the app's encoder client on onnxruntime-web (WASM), whose embeddings differ from
 * onnxruntime-node's in the last bits, so its numbers must be close, not identical. The exact
 * comparison multiplies on the TypeScript kernel on both sides (the CLI's --scoring typescript, the
 * form's products 'typescript'); the fixture-model run multiplies on onnxruntime-web (WASM), as the
 * app does by default, and its caption says so.
 */
import { mkdtemp, readFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExperimentCommand } from '../../src/cli/experiment-command';
import { createNodeEncoder, resolveNodeModel } from '../../src/encoder/node-encoder';
import type { Corpus } from '../../src/core/corpus/types';
import { deserializeAdapter } from '../../src/core/training/adapter-file';
import type { ResultRow } from '../../src/core/training/results-table';
import { launchChromium, openPage, PROJECT_ROOT, saveScreenshot, startSite, type OpenPage, type Site, TEST_PAGES } from './browser-harness';
import { HARNESS_READY, loadLexiconCorpus } from './encoder-fixture';

const SEED = 3;
const CLI_ARGS = [
  '--retriever',
  'fixture/xlmr-tiny',
  '--epochs',
  '20',
  '--batch-size',
  '6',
  '--lr',
  '0.01',
  '--test-fraction',
  '0.25',
  '--hold-out',
  'el,vi',
  '--seed',
  String(SEED),
];
const STRATEGIES = ['monolingual', 'cross-lingual', 'hybrid'];

let site: Site;
let browser: Browser;
let corpus: Corpus;
let cli: { rows: ResultRow[]; losses: number[][]; adapters: number[][]; split: unknown; encoder: { id: string; dim: number } };
let nodeRows: { query: number[]; passage: number[]; id: string; dim: number };

beforeAll(async () => {
  corpus = await loadLexiconCorpus();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lexicon-'));
  await copyFile(path.join(PROJECT_ROOT, 'test/fixtures/lexicon-corpus.jsonl'), path.join(dataDir, 'lexicon-corpus.jsonl'));
  const out = await mkdtemp(path.join(tmpdir(), 'experiment-'));
  // The reference kernel on both sides for the exact comparison (the page is set to 'typescript' too).
  await runExperimentCommand(['--data', dataDir, ...CLI_ARGS, '--scoring', 'typescript', '--out', out]);
  const json = JSON.parse(await readFile(path.join(out, 'experiment.json'), 'utf8'));
  const adapters = await Promise.all(
    ['mono', 'cross', 'hybrid'].map(async (s) => Array.from(deserializeAdapter(await readFile(path.join(out, `adapter-${s}.xlad`))).adapter.params)),
  );
  cli = {
    rows: json.rows,
    losses: json.strategies.map((s: { lossCurve: { loss: number }[] }) => s.lossCurve.map((p) => p.loss)),
    adapters,
    split: json.split,
    encoder: json.encoder,
  };
  // The corpus the CLI loaded is the same file under another folder name; the name only labels reports.
  corpus = { ...corpus, name: json.corpus.name };

  const encoder = await createNodeEncoder(resolveNodeModel('fixture/xlmr-tiny'));
  nodeRows = {
    id: encoder.id,
    dim: encoder.dim,
    passage: Array.from(
      await encoder.embed(
        corpus.passages.map((p) => p.text),
        'passage',
      ),
    ),
    query: Array.from(
      await encoder.embed(
        corpus.questions.map((q) => q.text),
        'query',
      ),
    ),
  };
  await encoder.dispose();

  site = await startSite({ entries: [TEST_PAGES.training] });
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openHarness(): Promise<OpenPage> {
  const tab = await openPage(browser, `${site.url}${TEST_PAGES.training}`, { waitFor: HARNESS_READY });
  await tab.page.evaluate((c) => window.trainingHarness.setCorpus(c), corpus);
  return tab;
}

/** Sets the CLI's settings through the panel's own controls. */
async function fillForm(tab: OpenPage, epochs: number): Promise<void> {
  const { page } = tab;
  await page.getByTestId('training-source-corpus').check();
  await page.getByTestId('training-epochs').fill(String(epochs));
  await page.getByTestId('training-batch-size').fill('6');
  await page.locator('details.tr-advanced summary').click();
  await page.getByTestId('training-lr').fill('0.01');
  await page.getByTestId('training-test-fraction').fill('0.25');
  await page.getByTestId('training-seed').fill(String(SEED));
  await page.getByTestId('training-hold-out-el').check();
  await page.getByTestId('training-hold-out-vi').check();
}

async function trainAndWait(tab: OpenPage): Promise<void> {
  await tab.page.getByTestId('training-start').click();
  await tab.page.waitForSelector('[data-testid="training-panel"][data-status="done"], [data-testid="training-panel"][data-status="failed"]', {
    timeout: 120_000,
  });
  const snapshot = await tab.page.evaluate(() => window.trainingHarness.snapshot());
  expect(snapshot.problem, tab.consoleLines.join('\n')).toBeNull();
}

/** The results table as the page shows it: row key -> column -> the full-precision value. */
async function readTable(tab: OpenPage): Promise<Record<string, Record<string, number | null>>> {
  return tab.page.$$eval('[data-testid="training-results"] tbody tr', (trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        (tr as HTMLElement).dataset.key!,
        Object.fromEntries(Array.from(tr.querySelectorAll('td'), (td) => [td.dataset.column!, td.dataset.value === '' ? null : Number(td.dataset.value)])),
      ]),
    ),
  );
}

function tableOf(rows: ResultRow[]): Record<string, Record<string, number | null>> {
  return Object.fromEntries(rows.map(({ key, label: _l, ...values }) => [key, values]));
}

describe('training in the browser worker', () => {
  it('on the Node encoder’s embeddings gives exactly the command line’s numbers, loss curves and adapters', async () => {
    const tab = await openHarness();
    try {
      await tab.page.evaluate((r) => window.trainingHarness.usePrecomputed(r.id, r.dim, r.query, r.passage), nodeRows);
      await fillForm(tab, 20);
      await tab.page.evaluate(() => window.trainingHarness.setForm({ products: 'typescript' }));
      await trainAndWait(tab);
      const snapshot = await tab.page.evaluate(() => window.trainingHarness.snapshot());
      await expect(tab.page.getByTestId('training-products').textContent()).resolves.toBe(
        'Training steps and adapters multiplied with TypeScript (asked for).',
      );
      expect(snapshot.rows).toEqual(cli.rows);
      expect(snapshot.split).toEqual(cli.split);
      expect(STRATEGIES.map((s) => snapshot.adapters[s])).toEqual(cli.adapters);
      // A loss value goes through Math.log, whose last bit V8 versions may round differently (it
      // feeds no gradient, so the adapters above are identical); equal to 12 digits.
      STRATEGIES.forEach((s, i) => {
        expect(snapshot.losses[s]).toHaveLength(cli.losses[i].length);
        snapshot.losses[s].forEach((loss: number, step: number) => expect(loss).toBeCloseTo(cli.losses[i][step], 12));
      });
      expect(await readTable(tab)).toEqual(tableOf(cli.rows));

      // The exported adapter file is the CLI's file, byte for byte (its header names the same settings).
      await tab.page.getByTestId('training-download-hybrid').click();
      await tab.page.waitForFunction(() => window.trainingHarness.exports().length > 0);
      const [file] = await tab.page.evaluate(() => window.trainingHarness.exports());
      expect(file.name).toBe('adapter-hybrid-fixture-xlmr-tiny-q8-mean-seed3.xlad');
      const exported = deserializeAdapter(Buffer.from(file.base64, 'base64'), { dim: 64 });
      expect(Array.from(exported.adapter.params)).toEqual(cli.adapters[2]);
      expect(exported.header.meta).toMatchObject({ strategy: 'hybrid', seed: SEED, encoder: cli.encoder.id });
    } finally {
      await tab.close();
    }
  });

  it('on the fixture model run by the app’s encoder client (WASM) ends with a results table close to the command line’s', async () => {
    const tab = await openHarness();
    try {
      const info = await tab.page.evaluate(() => window.trainingHarness.loadModel('fixture/xlmr-tiny'));
      expect(info).toMatchObject({ id: cli.encoder.id, dim: 64, device: 'wasm' });
      await fillForm(tab, 20);
      await trainAndWait(tab);
      const snapshot = await tab.page.evaluate(() => window.trainingHarness.snapshot());
      // The app's default: training and adapter products on onnxruntime-web's WASM build, once probed.
      expect(snapshot.products?.backend).toMatch(/^onnxruntime-web \(WASM, \d threads?\)$/);
      expect(snapshot.products?.detail).toMatch(/agrees with the TypeScript kernel on \d+ product shape/);
      await expect(tab.page.getByTestId('training-products').textContent()).resolves.toBe(
        `Training steps and adapters multiplied with ${snapshot.products?.backend}.`,
      );
      expect(snapshot.split).toEqual(cli.split);
      const shown = await readTable(tab);
      const expected = tableOf(cli.rows);
      for (const [key, row] of Object.entries(expected)) {
        for (const [column, value] of Object.entries(row)) {
          const tolerance = column === 'maxRankDistance' ? 1 : 0.02;
          expect(Math.abs(shown[key][column]! - value!), `${key} ${column}`).toBeLessThanOrEqual(tolerance);
        }
      }
      // The same batches in the same order: each step's loss within 20% (+ 0.002) of the CLI's.
      STRATEGIES.forEach((s, i) => {
        expect(snapshot.losses[s]).toHaveLength(cli.losses[i].length);
        snapshot.losses[s].forEach((loss: number, step: number) => {
          const other = cli.losses[i][step];
          expect(Math.abs(loss - other), `${s} step ${step}: ${loss} vs ${other}`).toBeLessThanOrEqual(0.2 * Math.max(loss, other) + 2e-3);
        });
      });
      await tab.page.getByTestId('training-results').scrollIntoViewIfNeeded();
      await saveScreenshot(tab.page, 'training-panel-results');
    } finally {
      await tab.close();
    }
  });

  it('cancels a run on the synthetic benchmark from the Cancel button: the worker stops and nothing is kept', async () => {
    const tab = await openHarness();
    try {
      // XQuAD-R scale: generating it and training 10 epochs takes long enough to cancel midway.
      await tab.page.getByTestId('training-source-synthetic').check();
      await tab.page.getByTestId('training-start').click();
      await tab.page.waitForFunction(
        () => {
          const s = window.trainingHarness.snapshot();
          return s.status === 'failed' || (s.losses.monolingual?.length ?? 0) > 20;
        },
        undefined,
        { timeout: 60_000 },
      );
      expect((await tab.page.evaluate(() => window.trainingHarness.snapshot())).status).toBe('training');
      await saveScreenshot(tab.page, 'training-panel-running');
      const started = Date.now();
      await tab.page.getByTestId('training-cancel').click();
      await tab.page.waitForSelector('[data-testid="training-panel"][data-status="cancelled"]', { timeout: 10_000 });
      expect(Date.now() - started).toBeLessThan(5_000);
      await expect(tab.page.getByTestId('training-cancelled').textContent()).resolves.toContain('Training was cancelled');
      expect(await tab.page.getByTestId('training-start').isEnabled()).toBe(true);
      const snapshot = await tab.page.evaluate(() => window.trainingHarness.snapshot());
      expect(snapshot.rows).toBeNull();
      expect(snapshot.adapters).toEqual({});
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
