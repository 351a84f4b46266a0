/**
 * A hub model whose files cannot be fetched, in headless Chromium with a WebGPU adapter and WebGPU
 * chosen: the message names the host and the file, tells "no answer" from "404", suggests /models/
 * or a picked folder, and the device is never blamed (no WebGPU -> WASM fallback). The hub is
 * played by localhost: a closed port (nothing answers) and a server that answers 404.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFreePort, launchChromium, openPage, saveScreenshot, startSite, type Site, TEST_PAGES } from './browser-harness';
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
});
