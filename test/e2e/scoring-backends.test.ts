// onnxruntime-web scoring in a browser worker (test/pages/scoring-harness.html): the product on
// WASM and on WebGPU (SwiftShader here) agrees with the TypeScript kernel, and a whole dense
// evaluation on WASM gives exactly the metrics Node gives on onnxruntime-node and TypeScript.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typescriptBackend } from '../../src/core/scoring/score-backend';
import { createOrtNodeBackend } from '../../src/encoder/ort-node-backend';
import { timeEvaluation, type EvaluationTiming, type ProductTiming } from '../../scripts/bench-score-tasks';
import { launchChromium, openPage, saveScreenshot, startSite, TEST_PAGES, type OpenPage, type Site } from './browser-harness';

let site: Site;
let browser: Browser;
let tab: OpenPage;
const run = (request: object) =>
  tab.page.evaluate((r) => window.scoringHarness.run(r as never), request) as Promise<{
    product?: ProductTiming;
    evaluation?: EvaluationTiming;
    environment: { crossOriginIsolated: boolean };
  }>;

beforeAll(async () => {
  [site, browser] = await Promise.all([startSite({ entries: [TEST_PAGES.scoring] }), launchChromium({ webgpu: true })]);
  tab = await openPage(browser, `${site.url}${TEST_PAGES.scoring}`, { waitFor: 'document.body.dataset.ready === "true"' });
});

afterAll(async () => {
  await tab?.close();
  await browser?.close();
  await site?.close();
});

describe('scoring backends in the browser', () => {
  it('multiplies on WASM (threads, isolated) and on WebGPU within the float32 bound of the TypeScript kernel', async () => {
    const wasm = await run({ op: 'product', device: 'wasm', threads: 2, queries: 40, passages: 1500, repeats: 1, parity: true });
    expect(wasm.environment.crossOriginIsolated).toBe(true);
    expect(wasm.product!.backend).toBe('onnxruntime-web (WASM, 2 threads)');
    expect(wasm.product!.parity).toMatch(/^agrees: largest score difference [\d.e-]+ over 40 x 1500$/);
    const gpu = await run({ op: 'product', device: 'webgpu', threads: 2, queries: 16, passages: 1500, repeats: 1, parity: true });
    expect(gpu.product!.backend).toBe('onnxruntime-web (WebGPU)');
    expect(gpu.product!.parity).toMatch(/^agrees: /);
    await saveScreenshot(tab.page, 'scoring-harness');
    expect(tab.offsiteRequests()).toEqual([]);
  });

  it('evaluates the synthetic benchmark in the worker with exactly the metrics of onnxruntime-node and the TypeScript kernel', async () => {
    const web = (await run({ op: 'evaluate', device: 'wasm', threads: 2, questions: 40 })).evaluation!;
    const ort = createOrtNodeBackend(2);
    const node = await timeEvaluation([ort], 40);
    await ort.release();
    const reference = await timeEvaluation([], 40);
    expect(web.status).toMatch(/^onnxruntime-web \(WASM, 2 threads\): agrees with the TypeScript kernel on the first block/);
    expect(web.notices).toEqual([]);
    expect(web.macro).toEqual(reference.macro);
    expect(node.macro).toEqual(reference.macro);
    expect(reference.backend).toBe(typescriptBackend.name);
  });
});
