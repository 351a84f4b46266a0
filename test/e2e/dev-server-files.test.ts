// The dev server as any local process (or a page on another site, via DNS rebinding) can reach
// it: only the project and ../shared/data are served; a malformed escape is a 400, not a 500.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from './browser-harness';

let site: Site;
beforeAll(async () => {
  site = await startSite({ entries: [] });
});
afterAll(async () => site?.close());

const status = async (path: string) => (await fetch(new URL(path, site.url))).status;

describe('the dev server serves files', () => {
  it('from the shared data under /dev-data/, and answers 400 for a malformed %-escape there', async () => {
    expect(await status('/dev-data/xquad-r/manifest.json')).toBe(200);
    expect(await status('/dev-data/xquad-r/%E0%A4%A')).toBe(400);
    expect(await status('/dev-data/%')).toBe(400);
  });

  it('but nothing else outside the project through /@fs/ (the parent folder holds other checkouts and notes)', async () => {
    // A file that exists beside the project on every machine (CI puts ../shared there): a missing
    // file would fall through to the page fallback and prove nothing.
    const outside = new URL('../shared/DESIGN.md', `file://${process.cwd()}/`).pathname;
    expect(existsSync(outside)).toBe(true);
    expect(await status(`/@fs${outside}`)).toBe(403);
    expect(await status('/@fs/etc/passwd')).toBe(403);
    expect(await status(`/@fs${process.cwd()}/package.json`)).toBe(200);
  });
});
