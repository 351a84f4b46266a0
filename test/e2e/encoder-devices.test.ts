/**
 * The encoder in headless Chromium: WebGPU (SwiftShader, chosen explicitly) against WASM on the
 * fixture corpus; 'auto' declining the software adapter for WASM; and the fallback to WASM, with
 * its reason shown, when there is no WebGPU adapter.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openPage, saveScreenshot, startSite, type Site, TEST_PAGES } from './browser-harness';
import { HARNESS_READY, loadLexiconCorpus, rowCosines, rowNorms } from './encoder-fixture';

let site: Site;
let texts: string[];
const browsers: Browser[] = [];

beforeAll(async () => {
  site = await startSite({ entries: [TEST_PAGES.encoder] });
  texts = (await loadLexiconCorpus()).passages.map((p) => p.text);
});

afterAll(async () => {
  for (const b of browsers) await b.close();
  await site?.close();
});

describe('encoder devices in Chromium', () => {
  it('embeds the fixture corpus on WebGPU (SwiftShader, chosen) and on WASM (auto), and the two agree', async () => {
    const browser = await launchChromium({ webgpu: true });
    browsers.push(browser);
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
    try {
      // SwiftShader emulates a GPU on the CPU: only an explicit choice runs on it.
      const gpuLoad = await tab.page.evaluate(() => window.harness.load({ model: 'fixture/xlmr-tiny', source: 'served', device: 'webgpu', cache: false }));
      expect(gpuLoad, JSON.stringify(gpuLoad)).toMatchObject({ ok: true, info: { device: 'webgpu', dtype: 'fp32', crossOriginIsolated: true } });
      if (!gpuLoad.ok) return;
      expect(gpuLoad.info.probeCosine).toBeGreaterThanOrEqual(0.99);
      expect(gpuLoad.info.deviceReason).toMatch(/^WebGPU chosen by the user, on a software adapter \(SwiftShader\)/);
      expect(gpuLoad.info.deviceReason).toMatch(/WebGPU agrees with WASM on the probe sentences .*; WebGPU \d+ ms, WASM \d+ ms on the probe sentences/);
      const onGpu = await tab.page.evaluate((t) => window.harness.embed(t, 'passage'), texts);
      expect(onGpu.ok, JSON.stringify(onGpu).slice(0, 300)).toBe(true);
      await saveScreenshot(tab.page, 'encoder-webgpu');

      const wasmLoad = await tab.page.evaluate(() => window.harness.load({ model: 'fixture/xlmr-tiny', source: 'served', device: 'auto', cache: false }));
      expect(wasmLoad).toMatchObject({ ok: true, info: { device: 'wasm', dtype: 'q8', threads: 2 } });
      if (!wasmLoad.ok) return;
      expect(wasmLoad.info.deviceReason).toMatch(/^the only WebGPU adapter is a software adapter \(SwiftShader\) that emulates a GPU on the CPU: using WASM/);
      await expect.poll(() => tab.page.locator('#notices').innerText()).toContain('software adapter (SwiftShader)');
      const onWasm = await tab.page.evaluate((t) => window.harness.embed(t, 'passage'), texts);
      if (!onGpu.ok || !onWasm.ok) throw new Error('embedding failed');
      expect(onGpu.rows).toHaveLength(texts.length * 64);
      for (const n of rowNorms(onGpu.rows, 64)) expect(n).toBeCloseTo(1, 4);
      expect(Math.min(...rowCosines(onGpu.rows, onWasm.rows, 64))).toBeGreaterThanOrEqual(0.99);
      await saveScreenshot(tab.page, 'encoder-wasm');
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('falls back to WASM without a WebGPU adapter and tells the user why', async () => {
    const browser = await launchChromium({ webgpu: false });
    browsers.push(browser);
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
    try {
      const load = await tab.page.evaluate(() => window.harness.load({ model: 'fixture/xlmr-tiny', source: 'served', device: 'auto', cache: false }));
      expect(load).toMatchObject({ ok: true, info: { device: 'wasm', dtype: 'q8' } });
      if (!load.ok) return;
      expect(load.info.deviceReason).toMatch(/^WebGPU preferred, but no WebGPU adapter is available: using WASM/);
      const notices = await tab.page.evaluate(() => window.harness.notices());
      expect(notices).toContainEqual({ kind: 'fallback', message: 'WebGPU preferred, but no WebGPU adapter is available: using WASM' });
      // What a person sees: the notice list and the reason on the page.
      await expect.poll(() => tab.page.locator('#notices').innerText()).toContain('no WebGPU adapter is available: using WASM');
      const rows = await tab.page.evaluate((t) => window.harness.embed(t, 'query'), texts.slice(0, 15));
      expect(rows).toMatchObject({ ok: true, dim: 64 });
      await saveScreenshot(tab.page, 'encoder-no-webgpu');
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
