// The production build holds the app only: the test pages (test/pages/*.html) are built and served
// in Vite's test mode alone (vite.config.ts).
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, createServer } from 'vite';
import { findFreePort, PROJECT_ROOT, TEST_PAGES } from './browser-harness';

const config = { root: PROJECT_ROOT, configFile: path.join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn' as const, clearScreen: false };
const folders: string[] = [];

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((f) => f.endsWith('.html')).sort();
}

async function buildInto(mode?: string): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'build-output-'));
  folders.push(outDir);
  await build({ ...config, mode, build: { outDir, emptyOutDir: true } });
  return outDir;
}

describe('the build', () => {
  it('puts only the app in the production build, and the test pages in the test-mode build', async () => {
    expect(await htmlFiles(await buildInto())).toEqual(['index.html']);
    expect(await htmlFiles(await buildInto('test'))).toEqual(['index.html', ...Object.values(TEST_PAGES)].sort());
  });

  it('serves the test pages from the dev server in test mode only', async () => {
    for (const mode of ['development', 'test']) {
      const port = await findFreePort();
      const server = await createServer({ ...config, mode, server: { port, host: 'localhost', strictPort: true, hmr: false, watch: null } });
      await server.listen();
      try {
        const page = await fetch(`http://localhost:${port}/${TEST_PAGES.encoder}`);
        expect(page.status, mode).toBe(mode === 'test' ? 200 : 404);
        expect((await fetch(`http://localhost:${port}/`)).status).toBe(200);
      } finally {
        await server.close();
      }
    }
  });
});
