// An embeddings file at XQuAD-R scale in the app: XQuAD-R opened from /dev-data/, then a Parquet
// file with a 384-d row for every passage and question id (13,014 + 13,090, ~40 MB). The rows are
// SYNTHETIC (seeded random unit vectors written with core's writer): this measures times, the
// page's long tasks and behaviour, not retrieval quality. CI evaluates two languages (en, de);
// EMBEDDINGS_SCALE=full evaluates all of them. The figures are printed for BENCHMARKS.md.
// Reading a large file shows its progress, and Cancel keeps the file in use and says so.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/corpus/load-corpus';
import { writeNpyEmbeddings } from '../../src/core/embeddings/npy';
import { writeParquetEmbeddings } from '../../src/core/embeddings/parquet-embeddings';
import type { EmbeddingSet } from '../../src/core/embeddings/embedding-set';
import { createRng } from '../../src/core/numeric/rng';
import { createFsSource } from '../../src/cli/fs-source';
import { PROJECT_ROOT, saveScreenshot, SCREENSHOT_DIR } from './browser-harness';
import { useAppSession } from './app-browser';
import { waitForRanking } from './app-steps';
import { watchLongTasks } from './long-tasks';

const XQUAD_R = path.resolve(PROJECT_ROOT, '../shared/data/xquad-r');
const FULL = process.env.EMBEDDINGS_SCALE === 'full';
const LANGS = FULL ? null : ['en', 'de'];
const DIM = 384;
const ENCODER = 'Xenova/multilingual-e5-small@q8/mean';
/** The bound the other loaders keep (app-corpus-worker, app-open-results). */
const LONG_TASK_MS = 200;
/**
 * Opening is NOT yet under that bound: one task of 270-380 ms (2 cores at load average 9-11) after
 * the worker's reply, mostly native work (the profile shows "(program)", not app code). Guarded
 * here so it gets no worse; bringing it under 200 ms is open work (BENCHMARKS.md).
 */
const OPEN_LONG_TASK_MS = 600;

const app = useAppSession();
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'app-embeddings-scale-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Seeded random unit vectors, one per id: synthetic rows, for timing only. */
function syntheticSet(ids: string[], source: string): EmbeddingSet {
  const rng = createRng(20261130);
  const rows = new Float32Array(ids.length * DIM);
  for (let r = 0; r < ids.length; r++) {
    const row = rows.subarray(r * DIM, (r + 1) * DIM);
    let norm = 0;
    for (let j = 0; j < DIM; j++) norm += (row[j] = rng.normal()) ** 2;
    const scale = 1 / Math.sqrt(norm);
    for (let j = 0; j < DIM; j++) row[j] *= scale;
  }
  // Labelled as multilingual-e5-small's rows, as a demo laptop's file would be: the app then keeps them in this browser too.
  return { source, encoder: ENCODER, ids, dim: DIM, rows };
}

const heapMb = (page: Page) =>
  page.evaluate(() => {
    const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
    return m ? Math.round(m.usedJSHeapSize / 1e6) : null;
  });
const modelRequests = (requests: string[]) => requests.filter((u) => /\/models\/|huggingface|\.onnx/.test(u));
/** Printed as they come, so a slow run still tells what it measured. */
const say = (figures: object) => console.log(`embeddings scale: ${JSON.stringify(figures)}`);
const max = (xs: number[]) => Math.round(Math.max(0, ...xs));

describe.skipIf(!existsSync(XQUAD_R))(`an embeddings file at XQuAD-R scale (${FULL ? 'all languages' : 'en, de; EMBEDDINGS_SCALE=full for all'})`, () => {
  it('opens with progress, ranks and evaluates from its rows without a model (long tasks measured); Cancel keeps the file in use', async () => {
    const { corpus } = await loadCorpus(createFsSource(XQUAD_R));
    const { passages, questions } = corpus;
    const ids = [...passages.map((p) => p.id), ...questions.map((q) => q.id)];
    const set = syntheticSet(ids, 'xquad-r-synthetic.parquet');
    let t = performance.now();
    const bytes = new Uint8Array(writeParquetEmbeddings(set));
    const nodeWriteMs = Math.round(performance.now() - t);
    const parquet = path.join(dir, 'xquad-r-synthetic.parquet');
    await writeFile(parquet, bytes);

    const tab = await app.open(`?url=/dev-data/xquad-r/${LANGS ? `&langs=${LANGS.join(',')}` : ''}`);
    const { page } = tab;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForFunction(() => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('xquad-r'), undefined, {
      timeout: 120_000,
    });
    await waitForRanking(page);
    const heapBefore = await heapMb(page);
    const longTasks = await watchLongTasks(page);

    // Open: from picking the file to its rows ranking the first benchmark question.
    t = Date.now();
    await page.setInputFiles('[data-testid="pick-embeddings"]', parquet);
    await page.waitForSelector('[data-testid="embeddings-coverage"][data-in-use="true"]', { timeout: 120_000 });
    const openMs = Date.now() - t;
    const n = (x: number) => x.toLocaleString('en');
    expect(await page.textContent('[data-testid="embeddings-coverage"]')).toContain(
      `${n(passages.length)} of ${n(passages.length)} passages, ${n(questions.length)} of ${n(questions.length)} questions · 384 values each`,
    );
    await waitForRanking(page);
    const rankMs = Date.now() - t;
    const openLong = await longTasks();
    say({ openMs, openAndRankMs: rankMs, openLongTasks: openLong.map(Math.round) });
    await page.waitForSelector('[data-testid="embeddings-notice"]', { timeout: 60_000 }); // kept in this browser (or why not)
    const heapOpen = await heapMb(page);
    expect(await page.textContent('[data-testid="query-kind"]')).toMatch(/^benchmark question/);
    expect(await page.textContent('[data-testid="device-badge"]')).toContain('no model runs or is downloaded');
    await saveScreenshot(page, `app-embeddings-scale-${FULL ? 'full' : 'ci'}-ranking`);

    // Another question's text, typed: the file holds its row, so it ranks without a model.
    const picked = questions[Math.floor(questions.length / 2)];
    await longTasks();
    t = Date.now();
    await page.fill('#query-input', picked.text);
    await page.waitForFunction(() => document.querySelector('[data-testid="query-kind"]')?.textContent?.startsWith('free text'));
    await waitForRanking(page);
    const rankAgainMs = Date.now() - t;
    const rankLong = await longTasks();
    say({ rankAnotherMs: rankAgainMs, rankLongestTaskMs: max(rankLong) });

    // The whole evaluation from the file's rows.
    await page.click('[data-testid="tab-evaluation"]');
    t = Date.now();
    await page.click('[data-testid="run-evaluation"]');
    await page.waitForSelector('[data-testid="summary-table"]', { timeout: 600_000 });
    const evalMs = Date.now() - t;
    const evalLong = await longTasks();
    say({ evaluationMs: evalMs, evaluationLongestTaskMs: max(evalLong) });
    await saveScreenshot(page, `app-embeddings-scale-${FULL ? 'full' : 'ci'}-evaluation`);

    // Saving the file's rows back as Parquet (rows cloned to the worker, written there).
    t = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.click('[data-testid="save-embeddings-parquet"]')]);
    const saveMs = Date.now() - t;
    const saveLong = await longTasks();
    say({ saveParquetMs: saveMs, saveLongTasks: saveLong.map(Math.round) });
    expect(download.suggestedFilename()).toMatch(/-Xenova-multilingual-e5-small-q8-mean\.parquet$/);

    // A large .npy + ids: progress in MB while reading, and Cancel keeps the file in use.
    const big = syntheticSet(
      Array.from({ length: 60_000 }, (_, i) => `big-${i}`),
      'big.npy',
    );
    const { npy, ids: idText } = writeNpyEmbeddings(big);
    await writeFile(path.join(dir, 'big.npy'), npy);
    await writeFile(path.join(dir, 'big.ids.txt'), idText);
    const coverage = await page.textContent('[data-testid="embeddings-coverage"]');
    await page.setInputFiles('[data-testid="pick-embeddings"]', [path.join(dir, 'big.npy'), path.join(dir, 'big.ids.txt')]);
    // Cancel is clicked the moment the progress shows (in the page, so the read cannot finish in between).
    await page.waitForFunction(() => {
      const work = document.querySelector('[data-testid="embeddings-work"]');
      if (!/Reading big\.npy and big\.ids\.txt… [\d.]+ MB of 93 MB/.test(work?.textContent ?? '')) return false;
      (window as unknown as { __reading: string }).__reading = work!.textContent!;
      work!.querySelector('button')!.click();
      return true;
    });
    expect(await page.evaluate(() => (window as unknown as { __reading: string }).__reading)).toMatch(
      /^Reading big\.npy and big\.ids\.txt… [\d.]+ MB of 93 MB/,
    );
    expect(await page.textContent('[data-testid="embeddings-notice"]')).toBe(
      'Reading big.npy and big.ids.txt was cancelled; still using xquad-r-synthetic.parquet.',
    );
    expect(await page.$('[data-testid="embeddings-work"]')).toBeNull();
    expect(await page.textContent('[data-testid="embeddings-coverage"]')).toBe(coverage);
    const section = page.locator('[data-testid="embeddings-section"]');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(SCREENSHOT_DIR, `app-embeddings-scale-${FULL ? 'full' : 'ci'}-cancelled-panel.png`) });
    await page.click('[data-testid="tab-ranking"]');
    await waitForRanking(page);
    expect(await page.textContent('[data-testid="query-kind"]')).toMatch(/^free text/); // the typed question stays
    await saveScreenshot(page, `app-embeddings-scale-${FULL ? 'full' : 'ci'}-cancelled`);

    expect(modelRequests(tab.requests)).toEqual([]);
    expect(tab.offsiteRequests()).toEqual([]);
    const figures = {
      evaluated: FULL ? 'all languages' : 'en, de',
      rows: ids.length,
      fileMb: +(bytes.length / 1e6).toFixed(1),
      nodeWriteMs,
      openMs,
      openAndRankMs: rankMs,
      openLongestTaskMs: max(openLong),
      rankAnotherMs: rankAgainMs,
      rankLongestTaskMs: max(rankLong),
      evaluationMs: evalMs,
      evaluationLongestTaskMs: max(evalLong),
      saveParquetMs: saveMs,
      saveLongestTaskMs: max(saveLong),
      pageHeapMb: { before: heapBefore, afterOpen: heapOpen },
      loadavg: loadavg().map((x) => +x.toFixed(2)),
    };
    say(figures);
    expect(max(openLong), 'longest task while opening').toBeLessThan(OPEN_LONG_TASK_MS);
    expect(max(rankLong), 'longest task while ranking').toBeLessThan(LONG_TASK_MS);
  }, 900_000);
});
