/**
 * The app's production build on a free localhost port for the app-*.test.ts files: `vite build`
 * into test-results/app-dist (its own folder, so other suites' builds in dist/ are left alone),
 * then `vite preview` of it with the project's config (COOP/COEP, and /dev-data/ for XQuAD-R).
 */
import path from 'node:path';
import { build, preview } from 'vite';
import { findFreePort, PROJECT_ROOT } from './browser-harness';

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
