// The set-up panel's model card, device choice and download consent, and the ranking while a new
// model embeds, in headless Chromium whose only WebGPU adapter is SwiftShader (a software one).
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findModel } from '../../src/encoder/model-registry';
import { PROJECT_ROOT, saveScreenshot, SCREENSHOT_DIR, type OpenPage } from './browser-harness';
import { useAppSession } from './app-browser';
import { openLexiconCorpus, waitForRanking } from './app-steps';

const app = useAppSession({ webgpu: true });

async function freshApp(): Promise<{ tab: OpenPage; page: Page }> {
  const tab = await app.open();
  await tab.page.setViewportSize({ width: 1366, height: 1000 });
  await waitForRanking(tab.page);
  return { tab, page: tab.page };
}

const badge = (page: Page) => page.textContent('[data-testid="device-badge"]').then((t) => t ?? '');

describe('choosing a model in set-up', () => {
  it("shows the model's card, labels the previous ranking while the new model embeds, and follows the device choice", async () => {
    const { tab, page } = await freshApp();
    await openLexiconCorpus(page);
    await waitForRanking(page);
    expect(await page.inputValue('[data-testid="device-choice"]')).toBe('auto');

    // The stale note shows only while the model embeds, which on the production build can be a few
    // frames: record every time it appears rather than hoping to catch it on screen.
    await page.evaluate(() => {
      const w = window as unknown as { __stale: { text: string; columnsStale: string | null }[] };
      w.__stale = [];
      new MutationObserver(() => {
        const note = document.querySelector('[data-testid="ranking-stale"]');
        if (note && w.__stale.at(-1)?.text !== note.textContent) {
          w.__stale.push({ text: note.textContent ?? '', columnsStale: document.querySelector('.ranking-columns')?.getAttribute('data-stale') ?? null });
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await page.selectOption('[data-testid="retriever-select"]', 'fixture/xlmr-tiny');
    // The card: the registry's facts and the plan the policy makes on this browser.
    await expect.poll(() => page.textContent('[data-testid="card-download"]'), { timeout: 20_000 }).toMatch(/q8 on WASM/);
    expect(await page.textContent('[data-testid="card-dimensions"]')).toBe('64');
    expect(await page.textContent('[data-testid="card-download"]')).toContain('software adapter (SwiftShader)');
    // While the model embeds the passages, the list on screen is BM25's and says so.
    const staleSeen = () => page.evaluate(() => (window as unknown as { __stale: { text: string; columnsStale: string | null }[] }).__stale);
    await expect.poll(async () => (await staleSeen()).length, { timeout: 60_000 }).toBeGreaterThan(0);
    if (await page.$('[data-testid="ranking-stale"]')) await saveScreenshot(page, 'app-model-embedding-stale');
    const [first] = await staleSeen();
    expect(first.text).toMatch(/^Still the previous ranking, by BM25: xlmr-tiny \(test fixture\) is embedding the passages/);
    expect(first.columnsStale).toBe('true');
    await page.waitForSelector('[data-testid="ranking-tab"][data-settled="true"] .ranking-columns[data-stale="false"] [data-testid="result"]', {
      timeout: 90_000,
    });
    expect(await page.$('[data-testid="ranking-stale"]')).toBeNull();
    expect(await badge(page)).toMatch(/^WASM.*software adapter \(SwiftShader\)/);
    await saveScreenshot(page, 'app-model-card-auto');

    // An explicit WebGPU overrides the policy, reloads the model, and is remembered.
    await page.selectOption('[data-testid="device-choice"]', 'webgpu');
    await page.waitForFunction(() => /^WebGPU/.test(document.querySelector('[data-testid="device-badge"]')?.textContent ?? ''), undefined, {
      timeout: 120_000,
    });
    expect(await badge(page)).toContain('WebGPU chosen by the user, on a software adapter (SwiftShader)');
    expect(await page.textContent('[data-testid="card-download"]')).toMatch(/fp32 on WebGPU/);
    expect(await page.evaluate(() => localStorage.getItem('xling-lab:device'))).toBe('webgpu');
    await saveScreenshot(page, 'app-model-card-webgpu');
    expect(tab.offsiteRequests()).toEqual([]);
  }, 300_000);

  it('asks before a download over 500 MB, and says how much the browser already holds', async () => {
    const { tab, page } = await freshApp();
    const large = findModel('Xenova/multilingual-e5-large')!;
    // What an earlier visit cut short by a reload leaves behind: transformers.js caches each file it
    // finished, keyed by its hub URL.
    const fixture = path.join(PROJECT_ROOT, 'public/models/fixture/xlmr-tiny');
    const files = {
      'config.json': await readFile(path.join(fixture, 'config.json'), 'utf8'),
      'tokenizer.json': await readFile(path.join(fixture, 'tokenizer.json'), 'utf8'),
    };
    const cachedBytes = Buffer.byteLength(files['config.json']) + Buffer.byteLength(files['tokenizer.json']);
    await page.evaluate(
      async ({ hub, files }) => {
        const cache = await caches.open('transformers-cache');
        for (const [file, text] of Object.entries(files)) {
          const body = new TextEncoder().encode(text);
          await cache.put(`https://huggingface.co/${hub}/resolve/main/${file}`, new Response(body, { headers: { 'content-length': String(body.byteLength) } }));
        }
      },
      { hub: large.hub!, files },
    );
    await page.selectOption('[data-testid="retriever-select"]', large.id);
    await page.waitForSelector('[data-testid="pending-model"]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid="card-download"]')).toMatch(new RegExp(`^${large.dtypes.q8!.approxMB} MB \\(q8 on WASM\\)`));
    const kB = Math.round(cachedBytes / 1e6) < 1 ? '<1 MB' : `${Math.round(cachedBytes / 1e6)} MB`;
    await expect
      .poll(() => page.textContent('[data-testid="card-cached"]'))
      .toBe(`${kB} already cached (config.json, tokenizer.json): the download resumes from there`);
    // The cache line under the card reads the same cache: the same two files, the same figure.
    await expect.poll(() => page.textContent('[data-testid="cache-status"] .hint')).toMatch(new RegExp(`^Cache: 2 model files \\(${kB}\\)`));
    // Nothing was downloaded, and nothing is loading, until the person says yes.
    expect(await page.$('[data-testid="model-loading"]')).toBeNull();
    expect(tab.offsiteRequests()).toEqual([]);
    expect(await badge(page)).toMatch(/^No model/);
    await saveScreenshot(page, 'app-model-ask-first');
    // The set-up panel scrolls on its own: a picture of its card and question.
    await page.locator('[data-testid="pending-model"]').scrollIntoViewIfNeeded();
    await page.locator('aside.setup').screenshot({ path: path.join(SCREENSHOT_DIR, 'app-model-ask-first-panel.png') });
    await page.click('[data-testid="pending-model"] button:has-text("Not now")');
    await expect.poll(() => page.$('[data-testid="pending-model"]')).toBeNull();
  }, 120_000);
});
