/**
 * A hub model whose files cannot be fetched, in headless Chromium with a WebGPU adapter and WebGPU
 * chosen: the message names the host and the file, tells "no answer" from "404", suggests /models/
 * or a picked folder, and the device is never blamed (no WebGPU -> WASM fallback). The hub is
 * played by localhost: a closed port (nothing answers) and a server that answers 404. And a
 * download cut short by a reload resumes from the files the browser's cache already holds.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFixtureInfo, fixtureEntry } from '../../src/encoder/family-fixtures';
import { findFreePort, launchChromium, openPage, PROJECT_ROOT, saveScreenshot, startSite, type Site, TEST_PAGES } from './browser-harness';
import { HARNESS_READY } from './encoder-fixture';
import { startHubLayoutServer, type HubLayoutServer } from '../support/hub-layout-server';

let site: Site;
let browser: Browser;
let emptyHub: HubLayoutServer;

beforeAll(async () => {
  site = await startSite({ entries: [TEST_PAGES.encoder] });
  browser = await launchChromium({ webgpu: true });
  emptyHub = await startHubLayoutServer({ repos: {} });
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await emptyHub?.close();
});

const SUGGESTION =
  "Load it from the app's /models/ folder instead (on a machine that reaches the hub: npm run models:fetch -- Xenova/multilingual-e5-small) or pick a folder that holds it";

describe('a hub model that cannot be fetched', () => {
  it('says the host did not answer, names the file, and does not fall back to WASM', async () => {
    const closedPort = await findFreePort();
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
    try {
      const load = await tab.page.evaluate(
        (host) => window.harness.load({ model: 'Xenova/multilingual-e5-small', source: 'hub', hubHost: host, device: 'webgpu', cache: false }),
        `http://localhost:${closedPort}`,
      );
      expect(load.ok).toBe(false);
      if (load.ok) return;
      expect(load.error).toMatch(
        new RegExp(
          `^config\\.json could not be downloaded: localhost:${closedPort} did not answer \\(offline, or the host is blocked or unreachable\\) \\(http://localhost:${closedPort}/Xenova/multilingual-e5-small/resolve/main/config\\.json\\)\\. `,
        ),
      );
      expect(load.error).toContain(SUGGESTION);
      expect(load.error).not.toMatch(/WebGPU|WASM/);
      expect(await tab.page.evaluate(() => window.harness.notices())).toEqual([]);
      await expect.poll(() => tab.page.locator('#error').innerText()).toContain('did not answer');
      await saveScreenshot(tab.page, 'encoder-hub-no-answer');
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('says 404 when the host answers but has no such file', async () => {
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
    try {
      const load = await tab.page.evaluate(
        (host) => window.harness.load({ model: 'Xenova/multilingual-e5-small', source: 'hub', hubHost: host, device: 'webgpu', cache: false }),
        emptyHub.url,
      );
      expect(load.ok).toBe(false);
      if (load.ok) return;
      const port = new URL(emptyHub.url).port;
      expect(load.error).toMatch(new RegExp(`^config\\.json could not be downloaded: localhost:${port} answered HTTP 404 Not Found: the file is not there`));
      expect(load.error).toContain(SUGGESTION);
      expect(await tab.page.evaluate(() => window.harness.notices())).toEqual([]);
      expect(emptyHub.requests).toContain('GET /Xenova/multilingual-e5-small/resolve/main/config.json');
      await saveScreenshot(tab.page, 'encoder-hub-404');
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  it('resumes a download cut short by a reload: the files already cached are not fetched again', async () => {
    const fixture = findFixtureInfo('fixture/xlmr-tiny')!;
    const hub = await startHubLayoutServer({ repos: { [fixture.id]: path.join(PROJECT_ROOT, 'public/models', fixture.id) } });
    const entry = { ...fixtureEntry(fixture), hub: fixture.id };
    const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
    try {
      // The weights hang, as a large file still downloading does; the small files arrive and are cached.
      const release = hub.hold('onnx/model_quantized.onnx');
      void tab.page
        .evaluate((a) => window.harness.load(a), { model: entry.id, entry, source: 'hub' as const, hubHost: hub.url, device: 'wasm' as const, cache: false })
        .catch(() => undefined);
      const weights = `GET /${fixture.id}/resolve/main/onnx/model_quantized.onnx`;
      await expect.poll(() => hub.requests.filter((r) => r === weights).length, { timeout: 60_000 }).toBeGreaterThan(0);
      const cachedKeys = () =>
        tab.page.evaluate(async () => (await (await caches.open('transformers-cache')).keys()).map((r) => new URL(r.url).pathname).sort());
      await expect
        .poll(cachedKeys, { timeout: 60_000 })
        .toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json'].map((f) => `/${fixture.id}/resolve/main/${f}`));

      await tab.page.reload();
      await tab.page.waitForFunction(HARNESS_READY);
      release();
      const before = hub.requests.length;
      const load = await tab.page.evaluate((a) => window.harness.load(a), {
        model: entry.id,
        entry,
        source: 'hub' as const,
        hubHost: hub.url,
        device: 'wasm' as const,
        cache: false,
      });
      expect(load).toMatchObject({ ok: true, info: { device: 'wasm', dtype: 'q8' } });
      // After the reload only the file that had not finished was asked for (a size probe, then the file through the redirect).
      const after = hub.requests.slice(before).map((r) => r.replace(`/${fixture.id}/resolve/main/`, '/…/'));
      expect(after.filter((r) => !r.includes('onnx/model_quantized.onnx'))).toEqual([]);
      expect(after.filter((r) => r === 'GET /cdn/…/onnx/model_quantized.onnx').length).toBeGreaterThan(0);
      await saveScreenshot(tab.page, 'encoder-hub-resumed');
      expect(tab.offsiteRequests()).toEqual([]);
    } finally {
      await tab.close();
      await hub.close();
    }
  });
});
