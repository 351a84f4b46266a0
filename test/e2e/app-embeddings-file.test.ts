// Embeddings files in the app: rows saved from the fixture model, opened in a fresh page (fresh
// storage), rank, evaluate and train exactly as the model did, with no request for model files
// until someone types their own question; a Parquet file without a vector column is refused by
// name and the file in use stays.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetEmbeddings } from '../../src/core/embeddings/parquet-embeddings';
import { saveScreenshot, SCREENSHOT_DIR } from './browser-harness';
import { useAppSession } from './app-browser';
import { loadFixtureModel, openLexiconCorpus, readResultsTable, waitForRanking } from './app-steps';

const app = useAppSession();
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'app-embeddings-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function readScores(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid="ranking-tab"] [data-testid="result"]', (rows) =>
    rows.map((r) => `${r.getAttribute('data-lang')}:${r.querySelector('.result-score')?.getAttribute('title')}`),
  );
}

/** Every macro figure of the Evaluation tab's summary table, full precision. */
async function evaluate(page: Page): Promise<Record<string, string>> {
  await page.click('[data-testid="tab-evaluation"]');
  await page.click('[data-testid="run-evaluation"]');
  await page.waitForSelector('[data-testid="summary-table"]', { timeout: 120_000 });
  return Object.fromEntries(
    await page.$$eval('[data-testid^="macro-"]', (cells) => cells.map((c) => [c.getAttribute('data-testid')!, c.getAttribute('data-value')!])),
  );
}

async function train(page: Page): Promise<Record<string, Record<string, number | null>>> {
  await page.click('[data-testid="tab-training"]');
  await page.getByTestId('training-source-corpus').check();
  await page.getByTestId('training-epochs').fill('3');
  await page.getByTestId('training-batch-size').fill('6');
  await page.getByTestId('training-start').click();
  await page.waitForSelector('[data-testid="training-panel"][data-status="done"], [data-testid="training-panel"][data-status="failed"]', { timeout: 90_000 });
  expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status')).toBe('done');
  return readResultsTable(page);
}

async function save(page: Page, testId: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testId}"]`)]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

const modelRequests = (requests: string[]) => requests.filter((u) => /\/models\/|huggingface|\.onnx/.test(u));

describe('embeddings files in the app', () => {
  it('saves the fixture model’s rows (Parquet, .npy + ids); a fresh page ranks, evaluates, trains and maps with them identically and asks for no model file until typed text', async () => {
    // 1. The model ranks, evaluates and trains; its rows are saved.
    const first = await app.open();
    const a = first.page;
    await a.setViewportSize({ width: 1440, height: 900 });
    await waitForRanking(a);
    await openLexiconCorpus(a);
    await loadFixtureModel(a);
    await waitForRanking(a);
    const question = await a.inputValue('#query-input');
    expect(await a.textContent('[data-testid="query-kind"]')).toMatch(/^benchmark question/);
    const modelScores = await readScores(a);
    const modelFigures = await evaluate(a);
    expect(Object.keys(modelFigures).length).toBeGreaterThan(10);
    const modelTraining = await train(a);
    const parquet = await save(a, 'save-embeddings-parquet');
    expect(path.basename(parquet)).toBe('lexicon-corpus-fixture-xlmr-tiny-q8-mean.parquet');
    const [npyDownload, idsDownload] = await Promise.all([
      a.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.npy')),
      a.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.ids.txt')),
      a.click('[data-testid="save-embeddings-npy"]'),
    ]);
    const npy = path.join(dir, npyDownload.suggestedFilename());
    const ids = path.join(dir, idsDownload.suggestedFilename());
    await npyDownload.saveAs(npy);
    await idsDownload.saveAs(ids);
    expect([path.basename(npy), path.basename(ids)]).toEqual([
      'lexicon-corpus-fixture-xlmr-tiny-q8-mean.npy',
      'lexicon-corpus-fixture-xlmr-tiny-q8-mean.ids.txt',
    ]);
    const saved = await readParquetEmbeddings((await readFile(parquet)).buffer as ArrayBuffer, 'saved.parquet');
    expect(saved.encoder).toBe('fixture/xlmr-tiny@q8/mean');
    // The trained hybrid adapter's rows, saved the same way and named so.
    await a.selectOption('[data-testid="save-embeddings-rows"]', 'hybrid');
    const adapted = await readParquetEmbeddings((await readFile(await save(a, 'save-embeddings-parquet'))).buffer as ArrayBuffer, 'adapted.parquet');
    expect(adapted.encoder).toBe('fixture/xlmr-tiny@q8/mean+hybrid-adapter');
    expect(adapted.ids).toEqual(saved.ids);
    expect(adapted.rows).not.toEqual(saved.rows);
    expect(await a.textContent('[data-testid="embeddings-notice"]')).toMatch(/through the hybrid adapter\.$/);

    // 2. A fresh page (own storage): the corpus, then the file; no model is chosen.
    const second = await app.open();
    const b = second.page;
    await b.setViewportSize({ width: 1440, height: 900 });
    await waitForRanking(b);
    await openLexiconCorpus(b);
    await b.setInputFiles('[data-testid="pick-embeddings"]', parquet);
    await b.waitForSelector('[data-testid="embeddings-coverage"][data-in-use="true"]');
    const coverage = await b.textContent('[data-testid="embeddings-coverage"]');
    expect(coverage).toContain('180 of 180 passages, 180 of 180 questions'); // test/fixtures/lexicon-corpus.jsonl
    expect(saved.ids).toHaveLength(360);
    expect(await b.textContent('[data-testid="device-badge"]')).toContain('no model runs or is downloaded');
    await b.waitForSelector('[data-testid="embeddings-notice"]');
    expect(await b.textContent('[data-testid="embeddings-notice"]')).toContain('Kept in this browser: loading xlmr-tiny (test fixture) later');
    await waitForRanking(b);
    expect(await b.inputValue('#query-input')).toBe(question);
    expect(await readScores(b)).toEqual(modelScores);
    expect(await b.textContent('[data-testid="imported-banner"]')).toContain(
      'These embeddings came from xlmr-tiny (test fixture) in a file (lexicon-corpus-fixture-xlmr-tiny-q8-mean.parquet); typing your own question downloads xlmr-tiny (test fixture).',
    );
    await saveScreenshot(b, 'app-embeddings-file-ranking');
    expect(await evaluate(b)).toEqual(modelFigures);
    await saveScreenshot(b, 'app-embeddings-file-evaluation');
    expect(await train(b)).toEqual(modelTraining);
    await b.click('[data-testid="tab-ranking"]');
    await waitForRanking(b);
    await b.click('[data-testid="embedding-map-slot"] summary');
    await b.click('[data-testid="draw-map"]');
    await b.waitForSelector('[data-testid="embedding-map-slot"] svg circle', { timeout: 60_000 });
    expect(modelRequests(second.requests)).toEqual([]);

    // 3. A Parquet file without a vector column is refused by name; the file in use stays.
    const noVectors = path.join(dir, 'ids-only.parquet');
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ['p1', 'p2'] },
        { name: 'text', data: ['a', 'b'] },
      ],
    });
    await import('node:fs/promises').then((fs) => fs.writeFile(noVectors, new Uint8Array(bytes)));
    await b.setInputFiles('[data-testid="pick-embeddings"]', noVectors);
    await b.waitForSelector('[data-testid="embeddings-problem"]');
    expect(await b.textContent('[data-testid="embeddings-problem"] .problem-message')).toBe(
      `ids-only.parquet: no vector column 'embedding' or 'vector' or 'embeddings' or 'emb' (the file has 'id', 'text'). Still using ${path.basename(parquet)}.`,
    );
    expect(await b.getAttribute('[data-testid="embeddings-coverage"]', 'data-in-use')).toBe('true');
    expect(await b.textContent('[data-testid="embeddings-coverage"]')).toBe(coverage);
    await saveScreenshot(b, 'app-embeddings-file-refused');
    await b.locator('[data-testid="embeddings-section"]').scrollIntoViewIfNeeded();
    await b.locator('[data-testid="embeddings-section"]').screenshot({ path: path.join(SCREENSHOT_DIR, 'app-embeddings-file-setup.png') });
    await b.click('[data-testid="tab-ranking"]');
    await waitForRanking(b);
    expect(await readScores(b)).toEqual(modelScores);
    // The same rows as .npy + ids (both picked at once): the same coverage and ranking.
    await b.setInputFiles('[data-testid="pick-embeddings"]', [npy, ids]);
    await b.waitForFunction(() => document.querySelector('[data-testid="embeddings-coverage"]')?.textContent?.includes('.npy ranks'));
    expect(await b.textContent('[data-testid="embeddings-coverage"]')).toContain(
      '180 of 180 passages, 180 of 180 questions · 64 values each · the file does not name its model',
    );
    await waitForRanking(b);
    expect(await readScores(b)).toEqual(modelScores);
    expect(await b.textContent('[data-testid="imported-banner"]')).toContain(
      'the file does not say which model made them: to rank your own question, pick that model below',
    );
    expect(modelRequests(second.requests)).toEqual([]);
    // Back to the Parquet file, which names its model.
    await b.setInputFiles('[data-testid="pick-embeddings"]', parquet);
    await b.waitForFunction(() => document.querySelector('[data-testid="embeddings-coverage"]')?.textContent?.includes('.parquet ranks'));
    await waitForRanking(b);

    // Typed text: only now is the model fetched, and the text ranks.
    await b.fill('#query-input', 'a question nobody wrote down');
    await b.waitForFunction(() => document.querySelector('[data-testid="query-kind"]')?.textContent?.startsWith('free text'));
    await waitForRanking(b);
    expect(modelRequests(second.requests).length).toBeGreaterThan(0);
    expect(await b.textContent('[data-testid="imported-banner"]')).toContain('typed questions are embedded by xlmr-tiny (test fixture)');
    await saveScreenshot(b, 'app-embeddings-file-free-text');
    expect(second.offsiteRequests()).toEqual([]);

    // 4. The file was kept in this browser: a later visit that loads the same model answers the
    // corpus's texts from its rows (restored), and evaluates to the same figures.
    await b.goto(app.site.url);
    await waitForRanking(b);
    await openLexiconCorpus(b);
    await loadFixtureModel(b);
    expect(await b.textContent('[data-testid="restored-rows"]')).toBe(
      `Restored rows: this corpus's passages and questions are answered from ${path.basename(parquet)}; the model embeds only other text.`,
    );
    expect(await evaluate(b)).toEqual(modelFigures);
  });
});
