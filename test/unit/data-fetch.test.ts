import { readFile, mkdtemp, readdir, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDataset, main } from '../../scripts/data-fetch';
import { MLQA_R_COMMIT } from '../../src/core/corpus/lareqa-sources';
import { loadCorpus } from '../../src/core/corpus/load-corpus';
import { createFsSource } from '../../src/cli/fs-source';
import { XQUAD_R_DIR } from '../fixtures/corpus/sources';

let work: string;
let server: Server;
let host: string;

/** A loopback web server laid out like the upstream repository, serving a copy of ../shared's XQuAD-R. */
beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'data-fetch-'));
  const served = path.join(work, 'served', 'google-research-datasets/lareqa/master/xquad-r');
  await mkdir(served, { recursive: true });
  await cp(XQUAD_R_DIR, served, { recursive: true });
  await writeFile(path.join(served, 'tr.json.bad'), 'tampered');
  server = createServer(async (req, res) => {
    const file = path.join(work, 'served', decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    const body = await readFile(req.url!.endsWith('/tr.json') && process.env.TAMPER ? `${file}.bad` : file).catch(() => null);
    res.writeHead(body ? 200 : 404).end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server?.close();
  await rm(work, { recursive: true, force: true });
});

async function closedPort(): Promise<number> {
  const s = createNetServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('data:fetch', () => {
  it('downloads XQuAD-R, checks every file against its pinned SHA-256, and writes a manifest the loaders read', async () => {
    const out = path.join(work, 'out');
    const folder = await fetchDataset({ dataset: 'xquad-r', host, outDir: out, log: () => {} });
    expect(folder).toBe(path.join(out, 'xquad-r'));
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'squad', name: 'XQuAD-R' });
    expect(manifest.files).toHaveLength(11);
    const { corpus } = await loadCorpus(createFsSource(folder));
    expect(corpus.name).toBe('XQuAD-R');
    expect(corpus.questions).toHaveLength(11 * 1190);
  });

  it('keeps nothing when a file differs from its pinned checksum', async () => {
    const out = path.join(work, 'out-tampered');
    process.env.TAMPER = '1';
    try {
      await expect(fetchDataset({ dataset: 'xquad-r', host, outDir: out, log: () => {} })).rejects.toThrow(
        /tr\.json: SHA-256 [0-9a-f]{64} differs from the pinned f3e8c130.*nothing was written/,
      );
    } finally {
      delete process.env.TAMPER;
    }
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('says plainly when the host cannot be reached, and what to do instead', async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    await expect(fetchDataset({ dataset: 'xquad-r', host: dead, outDir: path.join(work, 'none'), log: () => {} })).rejects.toThrow(
      /cannot reach .*ar\.json \(ECONNREFUSED\); nothing was written\.\nRun `npm run data:fetch -- xquad-r` on a machine with internet access/,
    );
    await expect(fetchDataset({ dataset: 'squad', outDir: work })).rejects.toThrow('unknown dataset squad; expected one of xquad-r, mlqa-r');
  });
});

describe('data:fetch mlqa-r', () => {
  const langs = ['ar', 'de', 'en', 'es', 'hi', 'vi', 'zh'];
  const sums: Record<string, string> = {};
  beforeAll(async () => {
    // The real files cannot be had here: stand-ins at the pinned commit's path, with their own sums injected.
    const served = path.join(work, 'served', 'google-research-datasets/lareqa', MLQA_R_COMMIT, 'mlqa-r');
    await mkdir(served, { recursive: true });
    for (const l of langs) {
      const text = JSON.stringify({ version: 'stand-in', data: [{ title: l, paragraphs: [] }] });
      await writeFile(path.join(served, `${l}.json`), text);
      sums[`${l}.json`] = createHash('sha256').update(text).digest('hex');
    }
  });

  it('fetches from the pinned commit under mlqa-r/, checks each sum, and records the non-commercial licence', async () => {
    const lines: string[] = [];
    const folder = await fetchDataset({ dataset: 'mlqa-r', host, outDir: path.join(work, 'mlqa'), sums, log: (l) => lines.push(l) });
    expect(lines[0]).toBe(`MLQA-R from ${host}/google-research-datasets/lareqa/${MLQA_R_COMMIT}/mlqa-r/ (CC BY-NC 4.0: non-commercial use only)`);
    expect((await readdir(folder)).sort()).toEqual([...langs.map((l) => `${l}.json`), 'manifest.json'].sort());
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'MLQA-R', licence: 'CC BY-NC 4.0', licenceNote: 'CC BY-NC 4.0: non-commercial use only' });
  });

  it('refuses a file whose sum is not the pinned one, and writes nothing', async () => {
    const out = path.join(work, 'mlqa-bad');
    await expect(fetchDataset({ dataset: 'mlqa-r', host, outDir: out, log: () => {} })).rejects.toThrow(
      `${host}/google-research-datasets/lareqa/${MLQA_R_COMMIT}/mlqa-r/ar.json: SHA-256 ${sums['ar.json']} differs from the pinned 2132fbc03208535c0fe01f2e2c5121d06f9c2aa799af93b0a719dbc105bdf137; nothing was written`,
    );
    expect(await readdir(out).catch(() => [])).toEqual([]);
    // The command line says the same and exits with 2.
    expect(await main(['mlqa-r', '--host', host, '--out', out])).toBe(2);
  });
});
