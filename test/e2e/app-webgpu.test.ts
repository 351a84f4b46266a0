// The app with the fixture dense model on both devices: WebGPU (SwiftShader here) and WASM must
// show the same ranking and the same whole-corpus figures, and the badge must say which ran.
// SwiftShader is a software adapter, which 'auto' declines, so the WebGPU run is the user's explicit
// choice (the stored device preference, src/encoder/device-preference.ts).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEVICE_PREFERENCE_KEY } from '../../src/encoder/device-preference';
import { saveScreenshot } from './browser-harness';
import { useAppSession } from './app-browser';
import { loadFixtureModel, openLexiconCorpus, waitForRanking } from './app-steps';

const app = useAppSession();

interface DenseRun {
  badge: string;
  ranking: { lang: string; relevant: boolean; text: string }[];
  monoAp: number;
  multiAp: number;
  /** The summary table's caption and the hover text of its "scored with" part. */
  scoredWith: { caption: string; detail: string | null };
  offsite: string[];
}

async function runFixture(webgpu: boolean, shot: string): Promise<DenseRun> {
  const choice = webgpu ? `localStorage.setItem(${JSON.stringify(DEVICE_PREFERENCE_KEY)}, 'webgpu');` : undefined;
  const tab = await app.open('', { initScript: choice, launch: { webgpu } });
  const page: Page = tab.page;
  await page.setViewportSize({ width: 1366, height: 900 });
  await waitForRanking(page);
  await openLexiconCorpus(page);
  await loadFixtureModel(page, 90_000);
  await page.waitForFunction(
    () => {
      const settled = document.querySelector('[data-testid="ranking-tab"]')?.getAttribute('data-settled') === 'true';
      const relevant = [...document.querySelectorAll('[data-testid="result"]')].filter((r) => r.getAttribute('data-relevant') === 'true');
      return settled && relevant.length >= 3;
    },
    undefined,
    { timeout: 60_000 },
  );
  const ranking = await page.$$eval('[data-testid="result"]', (rows) =>
    rows.map((r) => ({
      lang: r.getAttribute('data-lang') ?? '',
      relevant: r.getAttribute('data-relevant') === 'true',
      text: r.querySelector('.result-text')?.textContent ?? '',
    })),
  );
  const badge = (await page.textContent('[data-testid="device-badge"]')) ?? '';
  await saveScreenshot(page, `${shot}-ranking`);

  await page.click('.tab:has-text("Evaluation")');
  await page.click('[data-testid="eval-setting-cross"]');
  await page.click('[data-testid="run-evaluation"]');
  await page.waitForSelector('[data-testid="summary-table"]', { timeout: 120_000 });
  const monoAp = Number(await page.getAttribute('[data-testid="macro-mono-ap"]', 'data-value'));
  const multiAp = Number(await page.getAttribute('[data-testid="macro-multi-ap"]', 'data-value'));
  const scoredWith = {
    caption: (await page.textContent('[data-testid="summary-table"] caption')) ?? '',
    detail: await page.getAttribute('[data-testid="summary-table"] caption span[title]', 'title'),
  };
  await saveScreenshot(page, `${shot}-evaluation`);
  return { badge, ranking, monoAp, multiAp, scoredWith, offsite: tab.offsiteRequests() };
}

describe('the app with a dense model on WebGPU and on WASM', () => {
  it('ranks and evaluates the fixture corpus alike on both devices, and says which one ran', async () => {
    const gpu = await runFixture(true, 'app-fixture-webgpu');
    const wasm = await runFixture(false, 'app-fixture-wasm');
    expect(gpu.badge).toMatch(/WebGPU/);
    expect(wasm.badge).toMatch(/WASM/);
    // Same passages in the same order (fp32 on WebGPU, q8 on WASM: scores differ slightly, order holds at the top).
    expect(gpu.ranking.slice(0, 5).map((r) => r.text)).toEqual(wasm.ranking.slice(0, 5).map((r) => r.text));
    expect(gpu.ranking.filter((r) => r.relevant).length).toBe(wasm.ranking.filter((r) => r.relevant).length);
    expect(gpu.monoAp).toBeGreaterThan(0.9);
    expect(Math.abs(gpu.monoAp - wasm.monoAp)).toBeLessThan(0.02);
    expect(Math.abs(gpu.multiAp - wasm.multiAp)).toBeLessThan(0.02);
    // The evaluation says which scoring backend ran and why: the worker's 'auto' policy declines
    // SwiftShader, so both score on WASM, after the probe against the TypeScript kernel agreed.
    for (const run of [gpu, wasm]) {
      expect(run.scoredWith.caption).toMatch(/ · scored with onnxruntime-web \(WASM, [12] threads?\)$/);
      expect(run.scoredWith.detail).toMatch(
        /^onnxruntime-web \(WASM, [12] threads?\): agrees with the TypeScript kernel on the first block \(largest score difference [\d.e-]+ over \d+ x \d+\)$/,
      );
    }
    expect(gpu.offsite).toEqual([]);
    expect(wasm.offsite).toEqual([]);
  }, 300_000);
});
