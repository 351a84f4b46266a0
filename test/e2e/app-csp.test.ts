// The production build under its Content-Security-Policy (src/core/security/content-security-policy.ts),
// served by `vite preview` with the policy in every response's headers and in the page's meta tag:
// on WASM and on WebGPU the app loads the fixture model, ranks, evaluates, trains and exports with
// not one securitypolicyviolation, in the page or in its workers; and the policy does refuse an
// inline script, so the count of zero means something.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { createServer } from 'vite';
import { describe, expect, it } from 'vitest';
import { DEVICE_PREFERENCE_KEY } from '../../src/encoder/device-preference';
import { contentSecurityPolicy } from '../../src/core/security/content-security-policy';
import { findFreePort, PROJECT_ROOT, saveScreenshot, SCREENSHOT_DIR, type OpenPage } from './browser-harness';
import { useAppSession } from './app-browser';
import { loadFixtureModel, openLexiconCorpus, waitForRanking } from './app-steps';

const app = useAppSession();

/** Records the page's violations (before any of its scripts run) in window.__csp. */
const RECORD_PAGE = `window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + (e.sample || '') + ' at ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber));`;

/**
 * A worker's own listener, installed as soon as Playwright sees the worker (its policy comes from
 * its script's response headers). It also logs each violation, so a worker that has ended still
 * leaves it in the console lines; Chromium's own "Refused to ..." console errors are read too.
 */
function recordWorker(worker: Worker): void {
  worker
    .evaluate(() => {
      const scope = self as unknown as { __csp?: string[] } & typeof globalThis;
      scope.__csp = [];
      scope.addEventListener('securitypolicyviolation', (ev) => {
        const e = ev as SecurityPolicyViolationEvent;
        const line = `${e.effectiveDirective} ${e.blockedURI} ${e.sample || ''}`;
        scope.__csp!.push(line);
        console.error(`securitypolicyviolation: ${line}`);
      });
    })
    .catch(() => {});
}

function violationsIn(lines: readonly string[]): string[] {
  return lines.filter((l) => /securitypolicyviolation|Content Security Policy|Refused to/i.test(l));
}

async function pageViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

async function runUnderPolicy(webgpu: boolean, shot: string): Promise<{ violations: string[]; badge: string; tab: OpenPage }> {
  const choice = webgpu ? `localStorage.setItem(${JSON.stringify(DEVICE_PREFERENCE_KEY)}, 'webgpu');` : '';
  const tab = await app.open('about:blank', { launch: { webgpu } });
  const { page } = tab;
  await tab.context.addInitScript(`${RECORD_PAGE}\n${choice}`);
  const workers: Worker[] = [];
  const closed = new Set<Worker>();
  page.on('worker', (w) => {
    workers.push(w);
    w.on('close', () => closed.add(w));
    recordWorker(w);
  });
  await page.setViewportSize({ width: 1366, height: 900 });
  const t0 = Date.now();
  const step = (what: string) => process.env.CSP_TEST_VERBOSE && console.log(`${webgpu ? 'webgpu' : 'wasm'} ${Date.now() - t0} ms: ${what}`);
  await page.goto(app.site.url);
  await waitForRanking(page);
  await openLexiconCorpus(page);
  await loadFixtureModel(page, 90_000);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="ranking-tab"]')?.getAttribute('data-settled') === 'true' &&
      [...document.querySelectorAll('[data-testid="result"]')].some((r) => r.getAttribute('data-relevant') === 'true'),
    undefined,
    { timeout: 60_000 },
  );
  step('ranked');
  const badge = (await page.textContent('[data-testid="device-badge"]')) ?? '';

  // Export the ranking (a blob: download).
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.export-buttons button:has-text("CSV")')]);
  expect((await readFile((await csv.path())!, 'utf8')).split('\r\n')[0]).toBe('rank,score,passage_id,lang,relevant,text');

  step('exported csv');
  // Evaluate the corpus, then export a chart as PNG (its SVG is drawn through a blob: image).
  await page.click('[data-testid="tab-evaluation"]');
  await page.click('[data-testid="run-evaluation"]');
  await page.waitForSelector('[data-testid="summary-table"]', { timeout: 120_000 });
  expect(Number(await page.getAttribute('[data-testid="macro-mono-ap"]', 'data-value'))).toBeGreaterThan(0.5);
  step('evaluated');
  const png = page.waitForEvent('download');
  await page.locator('.an-frame').first().getByRole('button', { name: /^PNG/ }).click();
  const pngFile = path.join(SCREENSHOT_DIR, `${shot}-chart-export.png`);
  await (await png).saveAs(pngFile);
  expect([...(await readFile(pngFile)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  step('exported png');
  // Train three strategies for a few epochs.
  await page.click('[data-testid="tab-training"]');
  await page.getByTestId('training-source-corpus').check();
  await page.getByTestId('training-epochs').fill('3');
  await page.getByTestId('training-batch-size').fill('6');
  await page.getByTestId('training-start').click();
  await page.waitForSelector('[data-testid="training-panel"][data-status="done"], [data-testid="training-panel"][data-status="failed"]', { timeout: 120_000 });
  expect(await page.getAttribute('[data-testid="training-panel"]', 'data-status'), tab.consoleLines.join('\n')).toBe('done');
  step('trained');
  await saveScreenshot(page, shot);

  // A worker that has ended answers nothing: skip it (its violations are in the console lines).
  const read = (w: Worker) => w.evaluate(() => (self as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [] as string[]);
  const timeout = new Promise<string[]>((r) => setTimeout(() => r([]), 5_000));
  const inWorkers = await Promise.all(workers.filter((w) => !closed.has(w)).map((w) => Promise.race([read(w), timeout])));
  const violations = [...(await pageViolations(page)), ...inWorkers.flat(), ...violationsIn(tab.consoleLines)];
  expect(workers.length).toBeGreaterThan(0);
  return { violations, badge, tab };
}

describe('the built app under its Content-Security-Policy', () => {
  it('serves the policy in the headers (page and workers) and in the page', async () => {
    const res = await fetch(app.site.url);
    expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ delivery: 'header' }));
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
    expect(meta?.[1].replaceAll('&#39;', "'")).toBe(contentSecurityPolicy({ delivery: 'meta' }));
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script in the build
    const worker = /assets\/[\w.-]*worker[\w.-]*\.js/.exec(await readFile(new URL('../../test-results/app-dist/index.html', import.meta.url), 'utf8'));
    if (worker) expect((await fetch(`${app.site.url}${worker[0]}`)).headers.get('content-security-policy')).toContain("connect-src 'self'");
  });

  it('loads the fixture model, ranks, evaluates, trains and exports on WASM with no violation', async () => {
    const run = await runUnderPolicy(false, 'app-csp-wasm');
    expect(run.badge).toMatch(/WASM/);
    expect([...new Set(run.violations)]).toEqual([]);

    // The policy is live: an inline script injected into the page is refused and reported.
    const ran = await run.tab.page.evaluate(async () => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.head.append(s);
      await new Promise((r) => setTimeout(r, 100));
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
    });
    expect(ran).toBe(false);
    // Reported once by each policy the page holds: the header's and the meta tag's.
    const refused = expect.stringMatching(/^script-src-elem inline/);
    expect(await pageViolations(run.tab.page)).toEqual([refused, refused]);
  }, 300_000);

  it('does the same on WebGPU with no violation', async () => {
    const run = await runUnderPolicy(true, 'app-csp-webgpu');
    expect(run.badge).toMatch(/WebGPU/);
    expect([...new Set(run.violations)]).toEqual([]);
  }, 300_000);

  it("lets the dev server's own scripts run by its nonce, with no violation", async () => {
    const port = await findFreePort();
    const dev = await createServer({
      root: PROJECT_ROOT,
      configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
      mode: 'development',
      logLevel: 'warn',
      server: { port, host: 'localhost', strictPort: true, hmr: false, watch: null },
    });
    await dev.listen();
    try {
      const res = await fetch(`http://localhost:${port}/`);
      const header = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(header)?.[1];
      expect(nonce).toBeTruthy();
      expect(header.replaceAll(`'nonce-${nonce}'`, "'nonce-N'")).toBe(contentSecurityPolicy({ delivery: 'header', nonce: 'N' }));
      // Every script Vite puts in the page (its client, the React preamble when Fast Refresh is on) carries the nonce.
      const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(1);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      const tab = await app.open(`http://localhost:${port}/`, { initScript: RECORD_PAGE });
      await waitForRanking(tab.page);
      expect(await pageViolations(tab.page)).toEqual([]);
    } finally {
      await dev.close();
    }
  }, 180_000);
});
