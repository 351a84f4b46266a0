/**
 * Shared helpers for browser end-to-end tests: start the site on a free localhost port (the Vite
 * dev server, or `vite preview` over a build), launch the system's headless Chromium through
 * playwright-core, record every request the page makes, and save screenshots.
 *
 *   const site = await startSite();                           // http://localhost:<port>/
 *   const browser = await launchChromium({ webgpu: true });    // SwiftShader WebGPU
 *   const tab = await openPage(browser, `${site.url}${TEST_PAGES.encoder}`);
 *   ... tab.page.evaluate(...) ...
 *   expect(tab.offsiteRequests()).toEqual([]);                // nothing left localhost
 *   await saveScreenshot(tab.page, 'my-test');                 // test-results/screenshots/my-test.png
 *   await tab.close(); await browser.close(); await site.close();
 */
import { mkdir } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, preview, type InlineConfig } from 'vite';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results', 'screenshots');

/** Debian's Chromium; playwright-core drives it, no downloaded browser. */
/** The test pages, as paths under the site's root (served in test mode only; see vite.config.ts). */
export const TEST_PAGES = {
  encoder: 'test/pages/encoder-harness.html',
  analysis: 'test/pages/analysis-harness.html',
  training: 'test/pages/training-harness.html',
  scoring: 'test/pages/scoring-harness.html',
  comparison: 'test/pages/comparison-harness.html',
} as const;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Headless, no sandbox (containers), and no background traffic of the browser's own. */
export const BASE_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
];

/**
 * WebGPU on a machine without a GPU: Chromium exposes SwiftShader (a CPU Vulkan implementation) as
 * the adapter once unsafe WebGPU is enabled; the adapter flag makes the choice explicit. The page
 * must be a secure context (localhost is).
 */
export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

export interface Site {
  /** Ends with "/". */
  url: string;
  close(): Promise<void>;
}

/** A free TCP port on localhost. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface SiteOptions {
  /** 'dev' (default): the Vite dev server, no build needed. 'preview': serves dist/ (run `vite build` first). */
  mode?: 'dev' | 'preview';
  /** Pages whose imports the dev server should pre-scan (default: all HTML entries). */
  entries?: string[];
  /** For 'preview': the build folder, when not the config's (dist). */
  outDir?: string;
}

/** The site on http://localhost:<free port>/ with the project's vite.config.ts (COOP/COEP included). */
export async function startSite(opts: SiteOptions = {}): Promise<Site> {
  const port = await findFreePort();
  // Test mode: the config serves (and builds) the test pages under test/pages/ only then.
  const common: InlineConfig = {
    root: PROJECT_ROOT,
    configFile: path.join(PROJECT_ROOT, 'vite.config.ts'),
    mode: 'test',
    logLevel: 'warn',
    clearScreen: false,
  };
  if (opts.mode === 'preview') {
    const server = await preview({
      ...common,
      build: opts.outDir ? { outDir: opts.outDir } : undefined,
      preview: { port, host: 'localhost', strictPort: true, open: false },
    });
    return { url: `http://localhost:${port}/`, close: () => server.close() };
  }
  const server = await createServer({
    ...common,
    server: { port, host: 'localhost', strictPort: true, open: false, hmr: false, watch: null },
    optimizeDeps: opts.entries ? { entries: opts.entries } : undefined,
  });
  await server.listen();
  return { url: `http://localhost:${port}/`, close: () => server.close() };
}

export interface LaunchOptions {
  /** Add WEBGPU_FLAGS. Without them navigator.gpu gives no adapter here. */
  webgpu?: boolean;
  args?: string[];
}

export function launchChromium(opts: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...BASE_FLAGS, ...(opts.webgpu ? WEBGPU_FLAGS : []), ...(opts.args ?? [])],
  });
}

export interface OpenPage {
  page: Page;
  context: BrowserContext;
  /** Every URL requested by the page and its workers, in order. */
  requests: string[];
  /** Console messages of the page ("type: text"), for failure messages. */
  consoleLines: string[];
  /** Requests to anything but localhost / 127.0.0.1 (or data:/blob: URLs). */
  offsiteRequests(): string[];
  close(): Promise<void>;
}

export function isLocalUrl(url: string): boolean {
  if (/^(data|blob|about|chrome|devtools):/.test(url)) return true;
  try {
    const { hostname } = new URL(url);
    return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/**
 * A fresh context (own storage) and page. `initScript` runs before the page's own scripts (not in
 * its workers). Requests are recorded at the context, so worker fetches are included.
 */
export async function openPage(browser: Browser, url: string, opts: { initScript?: string; waitFor?: string } = {}): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const requests: string[] = [];
  const consoleLines: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  if (opts.initScript) await context.addInitScript(opts.initScript);
  const page = await context.newPage();
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => consoleLines.push(`worker ${m.type()}: ${m.text()}`)));
  await page.goto(url);
  if (opts.waitFor) await page.waitForFunction(opts.waitFor, undefined, { timeout: 120_000 });
  return {
    page,
    context,
    requests,
    consoleLines,
    offsiteRequests: () => requests.filter((u) => !isLocalUrl(u)),
    close: () => context.close(),
  };
}

/** Saves a full-page screenshot to test-results/screenshots/<name>.png and returns the path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  // From the top: a full-page capture of a scrolled page draws sticky parts (the app's header and
  // set-up panel) where the scroll left them, mid-page, which no screen ever shows.
  const scrolled = await page.evaluate(() => {
    const y = window.scrollY;
    window.scrollTo(0, 0);
    return y;
  });
  await page.screenshot({ path: file, fullPage: true });
  await page.evaluate((y) => window.scrollTo(0, y), scrolled);
  return file;
}
