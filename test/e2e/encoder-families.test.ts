/**
 * Every export family's conformance fixture in headless Chromium, through the paths a hub model
 * takes: the app's /models/ folder and a local server with the hub's URL layout (302 for large
 * files, Content-Length, 404 for a dtype it lacks, through transformers.js' remote loading), on
 * WASM; and a folder the user picks (<input webkitdirectory>) on WASM and on WebGPU (chosen
 * explicitly: SwiftShader is a software adapter 'auto' declines), under the loading facts
 * (pooling, prefixes, dtype files) of the menu entry the fixture proves most of. The source and
 * the device are separate layers (fetching files vs running the graph), so WebGPU runs once per
 * family. The fill-mask fixtures are refused by the load-time output check; the external-data one
 * loads. One page, models in sequence, the probe off on WebGPU (this test compares the rows itself).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAMILY_FIXTURE_INFO, FIXTURES_FOR_ENTRY, fixtureEntry, fixtureStandIn, type FamilyFixtureInfo } from '../../src/encoder/family-fixtures';
import { MODEL_REGISTRY, type Dtype, type ModelEntry } from '../../src/encoder/model-registry';
import { launchChromium, openPage, PROJECT_ROOT, saveScreenshot, startSite, TEST_PAGES, type OpenPage, type Site } from './browser-harness';
import { HARNESS_READY, rowCosines, rowNorms } from './encoder-fixture';
import { startHubLayoutServer, type HubLayoutServer } from '../support/hub-layout-server';

let site: Site;
let browser: Browser;
let hub: HubLayoutServer;
let tab: OpenPage;

const TEXTS = ['The river flows through the old city.', 'Der Fluss fließt durch die alte Stadt.', '河流穿过古老的城市。'];

beforeAll(async () => {
  site = await startSite({ entries: [TEST_PAGES.encoder] });
  browser = await launchChromium({ webgpu: true });
  const repos = Object.fromEntries(FAMILY_FIXTURE_INFO.map((f) => [f.id, path.join(PROJECT_ROOT, 'public/models', f.id)]));
  // Small redirect threshold: the fixtures' ONNX files (tens of kB and up) take the hub's redirect path.
  hub = await startHubLayoutServer({ repos, redirectOver: 16 * 1024 });
  tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`, { waitFor: HARNESS_READY });
});

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await site?.close();
  await hub?.close();
});

interface Run {
  ok: boolean;
  modelId?: string;
  reason?: string;
  error?: string;
  device?: string;
  dtype?: string;
  rows?: number[];
  dim?: number;
}

async function loadAndEmbed(
  page: Page,
  entry: ModelEntry,
  source: 'served' | 'hub' | 'picked',
  device: 'wasm' | 'webgpu',
  dtype: Dtype | 'auto',
  hubHost?: string,
): Promise<Run> {
  return page.evaluate(
    async ({ entry, source, device, dtype, hubHost, texts }) => {
      const load = await window.harness.load({ model: entry.id, entry, source, device, dtype, hubHost, probe: false, cache: false });
      if (!load.ok) return { ok: false, error: load.error };
      const out = await window.harness.embed(texts, 'passage');
      if (!out.ok) return { ok: false, error: out.error };
      return {
        ok: true,
        modelId: load.info.modelId,
        reason: load.info.deviceReason,
        device: load.info.device,
        dtype: load.info.dtype,
        rows: out.rows,
        dim: out.dim,
      };
    },
    { entry, source, device, dtype, hubHost, texts: TEXTS },
  );
}

/**
 * The menu entry the fixture proves most of (the most dtypes: arctic-l with its q4f16 file on the
 * external-data fixture), on the fixture's files with its pooling, prefixes and dtype files.
 */
function menuEntryFor(fixture: FamilyFixtureInfo): ModelEntry {
  const standIns = MODEL_REGISTRY.filter((m) => m.hub && FIXTURES_FOR_ENTRY[m.id]?.at(-1) === fixture.id).map((m) => fixtureStandIn(m, fixture));
  if (!standIns.length) throw new Error(`no menu entry stands on ${fixture.id}`);
  return standIns.reduce((best, m) => (Object.keys(m.dtypes).length > Object.keys(best.dtypes).length ? m : best));
}

/** Picks a folder through the page's <input webkitdirectory>, as a person choosing it would. */
async function pickFolder(page: Page, folder: string): Promise<void> {
  await page.setInputFiles('#pick', folder);
  const name = path.basename(folder);
  await expect.poll(() => page.evaluate(() => window.harness.picked()?.name)).toBe(name);
}

describe('conformance fixtures in the browser', () => {
  const loadable = FAMILY_FIXTURE_INFO.filter((f) => f.expect === 'loads');
  const refused = FAMILY_FIXTURE_INFO.filter((f) => f.expect === 'refused');

  it('loads every feature-extraction family from /models/ and from a hub-layout server', async () => {
    for (const fixture of loadable) {
      const entry = { ...fixtureEntry(fixture), hub: fixture.id };
      // The external-data fixture keeps its fp32 weights in onnx/model.onnx_data: load that dtype.
      const dtype: Dtype | 'auto' = fixture.externalDataFp32 ? 'fp32' : 'auto';
      const wasm = await loadAndEmbed(tab.page, entry, 'served', 'wasm', dtype);
      expect(wasm, `${fixture.id} on WASM: ${wasm.error}`).toMatchObject({ ok: true, device: 'wasm', dim: fixture.dimensions });
      for (const n of rowNorms(wasm.rows!, wasm.dim!)) expect(n).toBeCloseTo(1, 4);
      const remote = await loadAndEmbed(tab.page, entry, 'hub', 'wasm', dtype, hub.url);
      expect(remote, `${fixture.id} from the hub layout: ${remote.error}`).toMatchObject({ ok: true, device: 'wasm', dtype: wasm.dtype });
      expect(Math.min(...rowCosines(remote.rows!, wasm.rows!, wasm.dim!))).toBeGreaterThan(0.9999);
    }
    // Large files came through the redirect, as from the hub's CDN.
    expect(hub.requests.some((r) => r.startsWith('GET /cdn/'))).toBe(true);
    if (loadable.some((f) => f.externalDataFp32)) expect(hub.requests.some((r) => r.endsWith('onnx/model.onnx_data'))).toBe(true);
    await saveScreenshot(tab.page, 'encoder-families-loaded');
    expect(tab.offsiteRequests()).toEqual([]);
  }, 600_000);

  it('loads every family from a picked folder on WASM and WebGPU, as a menu entry it stands for', async () => {
    const before = tab.requests.length;
    let q4f16Declined = false;
    for (const fixture of loadable) {
      const entry = menuEntryFor(fixture);
      await pickFolder(tab.page, path.join(PROJECT_ROOT, 'public/models', fixture.id));
      const dtype: Dtype | 'auto' = fixture.externalDataFp32 ? 'fp32' : 'auto';
      const wasm = await loadAndEmbed(tab.page, entry, 'picked', 'wasm', dtype);
      const name = fixture.id.split('/')[1];
      expect(wasm, `${entry.label} picked, on WASM: ${wasm.error}`).toMatchObject({
        ok: true,
        device: 'wasm',
        dim: fixture.dimensions,
        modelId: `folder:${name}`,
      });
      if (fixture.externalDataFp32) expect(wasm.dtype).toBe('fp32');
      for (const n of rowNorms(wasm.rows!, wasm.dim!)) expect(n).toBeCloseTo(1, 4);
      // The policy's own dtype: SwiftShader has no shader-f16, so fp32 (external data where the fixture keeps it there).
      const gpu = await loadAndEmbed(tab.page, entry, 'picked', 'webgpu', 'auto');
      expect(gpu, `${entry.label} picked, on WebGPU: ${gpu.error}`).toMatchObject({ ok: true, device: 'webgpu', dtype: 'fp32', dim: fixture.dimensions });
      if (entry.dtypes.q4f16) {
        // arctic-l's q4f16 file is in the folder, but not offered on this adapter, and the reason says why.
        expect(gpu.reason).toContain("not q4f16: q4f16 needs the WebGPU adapter's 'shader-f16' feature, which this adapter lacks");
        q4f16Declined = true;
      }
      expect(Math.min(...rowCosines(gpu.rows!, wasm.rows!, wasm.dim!)), `${entry.label} picked: WebGPU vs WASM`).toBeGreaterThan(0.98);
    }
    expect(q4f16Declined).toBe(true);
    // Picked files are read from memory: nothing was fetched from /models/ for them.
    expect(tab.requests.slice(before).filter((u) => u.includes('/models/'))).toEqual([]);
    await expect.poll(() => tab.page.locator('#status').innerText()).toContain('webgpu');
    await saveScreenshot(tab.page, 'encoder-families-picked');
    expect(tab.offsiteRequests()).toEqual([]);
  }, 600_000);

  it('refuses the fill-mask exports with the output check, on /models/ and from the hub layout', async () => {
    for (const fixture of refused) {
      const entry = { ...fixtureEntry(fixture), hub: fixture.id };
      for (const source of ['served', 'hub'] as const) {
        const run = await loadAndEmbed(tab.page, entry, source, 'wasm', 'auto', hub.url);
        expect(run.ok, `${fixture.id} from ${source}`).toBe(false);
        expect(run.error).toMatch(/logits|vocabulary size/);
      }
    }
    await saveScreenshot(tab.page, 'encoder-families-refused');
  }, 120_000);

  it('names a dtype the hub-layout server lacks as a 404, not a device failure', async () => {
    const fillMask = refused.find((f) => !f.dtypes.includes('fp16'));
    if (!fillMask) return;
    const xlmr = FAMILY_FIXTURE_INFO.find((f) => f.id === 'fixture/xlmr-tiny')!;
    // xlmr-tiny's entry (it lists fp16) pointed at a repo without model_fp16.onnx.
    const entry = { ...fixtureEntry(xlmr), hub: fillMask.id };
    const run = await loadAndEmbed(tab.page, entry, 'hub', 'wasm', 'fp16', hub.url);
    expect(run.ok).toBe(false);
    expect(run.error).toMatch(/^onnx\/model_fp16\.onnx could not be downloaded: localhost:\d+ answered HTTP 404 Not Found: the file is not there/);
    expect(await tab.page.evaluate(() => window.harness.notices().filter((n) => n.kind === 'fallback'))).toEqual([]);
  }, 120_000);
});
