// Whole-corpus evaluation in the browser (a Web Worker) gives the command line's figures for the
// same data and retriever: BM25 on XQuAD-R in English, German and Chinese, both run in this test.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingName } from '../../src/core/metrics/types';
import { launchChromium, openPage, PROJECT_ROOT, saveScreenshot, type OpenPage } from './browser-harness';
import { startAppSite, type AppSite } from './app-browser';

const XQUAD_R = path.resolve(PROJECT_ROOT, '../shared/data/xquad-r');
const LANGS = 'en,de,zh';
const SETTINGS: SettingName[] = ['mono', 'cross', 'multi'];

let site: AppSite;
let browser: Browser;
let tab: OpenPage | undefined;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'app-eval-'));
  [site, browser] = await Promise.all([startAppSite(), launchChromium()]);
});

afterAll(async () => {
  await tab?.close().catch(() => {});
  await browser?.close();
  await site?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe.skipIf(!existsSync(XQUAD_R))('whole-corpus evaluation in the browser', () => {
  it("runs in a worker with progress and equals the CLI's metrics.json on XQuAD-R (en, de, zh)", async () => {
    const cli = promisify(execFile)('npm', ['run', '--silent', 'eval', '--', '--data', XQUAD_R, '--langs', LANGS, '--out', outDir], {
      cwd: PROJECT_ROOT,
      maxBuffer: 1 << 24,
    });

    tab = await openPage(browser, `${site.url}?url=/dev-data/xquad-r/&langs=${LANGS}&tab=evaluation`);
    const { page } = tab;
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.waitForFunction(() => document.querySelector('[data-testid="active-corpus"]')?.textContent?.includes('xquad-r'), undefined, { timeout: 60_000 });
    await page.click('[data-testid="run-evaluation"]');
    // Progress is shown while the worker runs; the page stays responsive (the tab switches at once).
    await page.waitForSelector('[data-testid="eval-progress"]');
    const responsive = await page.evaluate(async () => {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, 50));
      return performance.now() - t0;
    });
    expect(responsive).toBeLessThan(500);
    await page.waitForSelector('[data-testid="summary-table"]', { timeout: 180_000 });

    const browserAp = Object.fromEntries(
      await Promise.all(SETTINGS.map(async (s) => [s, Number(await page.getAttribute(`[data-testid="macro-${s}-ap"]`, 'data-value'))] as const)),
    );
    const browserDistance = Number(await page.getAttribute('[data-testid="macro-multi-maxRankDistance"]', 'data-value'));
    await cli;
    const metrics = JSON.parse(await readFile(path.join(outDir, 'metrics.json'), 'utf8'));
    for (const s of SETTINGS) expect(browserAp[s], `${s} mAP`).toBeCloseTo(metrics.settings[s].macro.ap, 12);
    expect(browserDistance).toBeCloseTo(metrics.settings.multi.macro.maxRankDistance, 9);
    expect(metrics.languages).toEqual(LANGS.split(','));
    expect(await page.textContent('[data-testid="summary-table"]')).toContain('languages de en zh'); // the corpus's order

    await page.waitForTimeout(500); // let the charts settle before the picture
    await saveScreenshot(page, 'app-evaluation-xquad-r');
    expect(tab.offsiteRequests()).toEqual([]);
  });
});
