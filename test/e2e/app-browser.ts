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
  built ??= build({ ...config, build: { outDir: APP_DIST, emptyOutDir: true } });
  await built;
  const port = await findFreePort();
  const server = await preview({ ...config, build: { outDir: APP_DIST }, preview: { port, host: 'localhost', strictPort: true, open: false } });
  return { url: `http://localhost:${port}/`, close: () => server.close() };
}

export interface AppSession {
  readonly site: AppSite;
  readonly browser: Browser;
  /** Opens `target` (relative to the site, e.g. "?tab=training", or absolute) in a fresh context; closed after the file's tests. */
  open(target?: string, opts?: Parameters<typeof openPage>[2]): Promise<OpenPage>;
}

/** The built site and one Chromium for a test file: started before its tests, closed (pages first) after them. */
export function useAppSession(launch: LaunchOptions = {}): AppSession {
  let site: AppSite | undefined;
  let browser: Browser | undefined;
  const opened: OpenPage[] = [];
  beforeAll(async () => {
    [site, browser] = await Promise.all([startAppSite(), launchChromium(launch)]);
  });
  afterAll(async () => {
    for (const tab of opened) await tab.close().catch(() => {});
    await browser?.close();
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
    get browser() {
      return started(browser);
    },
    async open(target = '', opts = {}) {
      const tab = await openPage(started(browser), new URL(target, started(site).url).href, opts);
      opened.push(tab);
      return tab;
    },
  };
}
