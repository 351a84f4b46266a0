/**
 * The encoder in headless Chromium when things go wrong: a picked model folder that lacks a file,
 * a worker killed in the middle of a job, and a storage quota that is full.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, PROJECT_ROOT, saveScreenshot, startSite, type Site, TEST_PAGES } from './browser-harness';
import { HARNESS_READY, loadLexiconCorpus, rowCosines } from './encoder-fixture';

let site: Site;
let browser: Browser;
let texts: string[];
let scratch: string;

beforeAll(async () => {
  site = await startSite({ entries: [TEST_PAGES.encoder] });
  browser = await launchChromium({ webgpu: false });
  texts = (await loadLexiconCorpus()).passages.map((p) => p.text);
  scratch = await mkdtemp(path.join(os.tmpdir(), 'encoder-e2e-'));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('encoder failures in Chromium', () => {
  it('names the missing file when a picked model folder lacks it', async () => {
    // A copy of the fixture folder without the q8 weights, picked through <input webkitdirectory>.
    const folder = path.join(scratch, 'xlmr-tiny');
    await cp(path.join(PROJECT_ROOT, 'public/models/fixture/xlmr-tiny'), folder, { recursive: true });
    await rm(path.join(folder, 'onnx/model_quantized.onnx'));
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
    try {
      await tab.page.setInputFiles('#pick', folder);
      await expect
        .poll(() => tab.page.evaluate(() => window.harness.picked()))
        .toMatchObject({
          name: 'xlmr-tiny',
          files: ['config.json', 'onnx/model.onnx', 'onnx/model_fp16.onnx', 'special_tokens_map.json', 'tokenizer.json', 'tokenizer_config.json'],
        });
      const missing = await tab.page.evaluate(() => window.harness.load({ model: 'fixture/xlmr-tiny', source: 'picked', device: 'wasm', dtype: 'q8' }));
      expect(missing).toEqual({ ok: false, error: 'the picked folder "xlmr-tiny" has no onnx/model_quantized.onnx (needed for dtype q8)' });
      await expect.poll(() => tab.page.locator('#error').innerText()).toContain('onnx/model_quantized.onnx');
      await saveScreenshot(tab.page, 'encoder-missing-file');
      // The same folder loads with a dtype it has, from memory.
      const fp32 = await tab.page.evaluate(() =>
        window.harness.load({ model: 'fixture/xlmr-tiny', source: 'picked', device: 'wasm', dtype: 'fp32', cache: false }),
      );
      expect(fp32).toMatchObject({ ok: true, info: { device: 'wasm', dtype: 'fp32', modelId: 'folder:xlmr-tiny' } });
      expect(tab.offsiteRequests()).toEqual([]);
      expect(tab.requests.filter((u) => u.includes('/models/'))).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('restarts a killed worker and resumes the job with the same result', async () => {
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
    try {
      const args = { model: 'fixture/xlmr-tiny', source: 'served', device: 'wasm', cache: false, partSize: 20, heartbeatTimeoutMs: 1500 } as const;
      await tab.page.evaluate((a) => window.harness.load(a), args);
      const clean = await tab.page.evaluate((t) => window.harness.embed(t, 'passage'), texts);
      const killed = await tab.page.evaluate((t) => window.harness.embed(t, 'passage', { killWorkerAfter: 40 }), texts);
      if (!clean.ok || !killed.ok) throw new Error(JSON.stringify(killed).slice(0, 300));
      expect(await tab.page.evaluate(() => window.harness.workersStarted())).toBe(2);
      expect(Math.min(...rowCosines(clean.rows, killed.rows, 64))).toBeGreaterThan(0.9999);
      const notices = await tab.page.evaluate(() => window.harness.notices());
      expect(notices.map((n) => n.kind)).toContain('worker-restarted');
      expect(notices.find((n) => n.kind === 'worker-restarted')!.message).toMatch(
        /stopped responding \(no heartbeat for \d+ s\); restarted it and reloaded xlmr-tiny/,
      );
      await saveScreenshot(tab.page, 'encoder-worker-restarted');
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('keeps working without the embedding cache when the storage quota is full', async () => {
    // Every IndexedDB write fails as it does when the origin's quota is used up.
    const fullQuota = `
      IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
      IDBObjectStore.prototype.add = IDBObjectStore.prototype.put;
      if (navigator.storage) navigator.storage.estimate = async () => ({ usage: 1e9, quota: 1e9 });`;
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY, initScript: fullQuota });
    try {
      await tab.page.evaluate(() => window.harness.load({ model: 'fixture/xlmr-tiny', source: 'served', device: 'wasm' }));
      const first = await tab.page.evaluate((t) => window.harness.embed(t, 'passage'), texts);
      const second = await tab.page.evaluate((t) => window.harness.embed(t, 'passage'), texts);
      if (!first.ok || !second.ok) throw new Error(JSON.stringify(first).slice(0, 300));
      expect(first.rows).toHaveLength(texts.length * 64);
      expect(Math.min(...rowCosines(first.rows, second.rows, 64))).toBeGreaterThan(0.9999);
      const notices = await tab.page.evaluate(() => window.harness.notices());
      expect(notices.filter((n) => n.kind === 'cache-off')).toEqual([
        { kind: 'cache-off', message: "the browser's storage quota is full: embeddings are not cached for the rest of this session; everything else works" },
      ]);
      await expect.poll(() => tab.page.locator('#notices').innerText()).toContain('storage quota is full');
      await saveScreenshot(tab.page, 'encoder-quota-full');
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
