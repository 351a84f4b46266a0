/**
 * The app's production build on a free localhost port for the app-*.test.ts files: `vite build`
 * into test-results/app-dist (its own folder, so other suites' builds in dist/ are left alone),
 * then `vite preview` of it with the project's config (COOP/COEP, and /dev-data/ for XQuAD-R).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { build, preview } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { findFreePort, launchChromium, openPage, PROJECT_ROOT, type LaunchOptions, type OpenPage } from './browser-harness';

export const APP_DIST = path.join(PROJECT_ROOT, 'test-results', 'app-dist');

export interface AppSite {
  /** Ends with "/". */
  url: string;
  close(): Promise<void>;
}

let built: Promise<unknown> | null = null;

/** Builds once per test process, then serves the build. */
export async function startAppSite(): Promise<AppSite> {
  const config = { root: PROJECT_ROOT, configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' as const, clearScreen: false };
  built ??= buildForProduction(() => build({ ...config, build: { outDir: APP_DIST, emptyOutDir: true } }));
  await built;
  const port = await findFreePort();
  const server = await preview({ ...config, build: { outDir: APP_DIST }, preview: { port, host: 'localhost', strictPort: true, open: false } });
  return { url: `http://localhost:${port}/`, close: () => server.close() };
}

/**
 * Vitest sets NODE_ENV=test, which Vite and the React plugin keep, so the build would bundle
 * React's development runtime (an Error with a stack for every element): 2-3x slower than what
 * users get, which matters to the long-task bounds. The build runs with NODE_ENV=production.
 */
async function buildForProduction<T>(run: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    return await run();
  } finally {
    process.env.NODE_ENV = before;
  }
}

export interface AppSession {
  readonly site: AppSite;
  /**
   * Opens `target` (relative to the site, e.g. "?tab=training", or absolute) in a fresh context; closed
   * after the file's tests. `launch` picks the Chromium (e.g. with WebGPU); one is started per set of
   * launch options and shared by every page opened with it.
   */
  open(target?: string, opts?: Parameters<typeof openPage>[2] & { launch?: LaunchOptions }): Promise<OpenPage>;
}

/** The built site and its Chromium for a test file: started before its tests, closed (pages first) after them. */
export function useAppSession(launch: LaunchOptions = {}): AppSession {
  let site: AppSite | undefined;
  const browsers = new Map<string, Promise<Browser>>();
  const browserFor = (opts: LaunchOptions): Promise<Browser> => {
    const key = JSON.stringify(opts);
    if (!browsers.has(key)) browsers.set(key, launchChromium(opts));
    return browsers.get(key)!;
  };
  const opened: OpenPage[] = [];
  beforeAll(async () => {
    [site] = await Promise.all([startAppSite(), browserFor(launch)]);
  });
  afterAll(async () => {
    for (const tab of opened) await tab.close().catch(() => {});
    for (const browser of browsers.values()) await (await browser).close().catch(() => {});
    await site?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useAppSession: the site is not started yet (use it inside a test)');
    return value;
  };
  return {
    get site() {
      return started(site);
    },
    async open(target = '', { launch: chosen = launch, ...opts } = {}) {
      const tab = await openPage(await browserFor(chosen), new URL(target, started(site).url).href, opts);
      opened.push(tab);
      return tab;
    },
  };
}
