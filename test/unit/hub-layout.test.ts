// Every menu entry, served under its real hub id from a local server with the hub's URL layout
// (302 redirects for large files, Content-Length, 404 for a missing dtype) holding its family
// fixture, loads through transformers.js' remote loading (the Node encoder with a remote host)
// and through `npm run models:fetch -- --host`, and embeds the same rows as from a local folder.

import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findFixtureInfo, FIXTURES_FOR_ENTRY, fixtureStandIn } from '../../src/encoder/family-fixtures';
import { findModel, MODEL_REGISTRY, type Dtype, type ModelEntry } from '../../src/encoder/model-registry';
import { createNodeEncoder } from '../../src/encoder/node-encoder';
import { main as fetchMain } from '../../scripts/models-fetch';
import { startHubLayoutServer, type HubLayoutServer } from '../support/hub-layout-server';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODELS = join(ROOT, 'public/models');
const TEXTS = ['The river flows through the old city.', 'Der Fluss fließt durch die alte Stadt.'];
const run = promisify(execFile);

/** The fixture that covers most of an entry's dtypes (the external-data one where it has it). */
function mirrorOf(entry: ModelEntry): { fixture: string; standIn: ModelEntry } {
  const fixture = FIXTURES_FOR_ENTRY[entry.id].at(-1)!;
  return { fixture, standIn: { ...fixtureStandIn(entry, findFixtureInfo(fixture)!), hub: entry.hub } };
}

const hubEntries = MODEL_REGISTRY.filter((m) => m.hub);
let hub: HubLayoutServer;
/** A mirror whose arctic-l repo lacks the q4f16 file (for the 404 cases). */
let bare: HubLayoutServer;
let tmp: string;
beforeAll(async () => {
  hub = await startHubLayoutServer({ repos: Object.fromEntries(hubEntries.map((m) => [m.hub!, join(MODELS, mirrorOf(m).fixture)])) });
  bare = await startHubLayoutServer({ repos: { 'Snowflake/snowflake-arctic-embed-l-v2.0': join(MODELS, 'fixture/xlmr-tiny') } });
  tmp = mkdtempSync(join(tmpdir(), 'hub-layout-'));
});
afterAll(async () => {
  await hub.close();
  await bare.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe("transformers.js' remote loading from a hub-layout server", () => {
  for (const entry of hubEntries) {
    const { fixture, standIn } = mirrorOf(entry);
    for (const dtype of Object.keys(standIn.dtypes) as Dtype[]) {
      it(`${entry.id} ${dtype} (${fixture}): same rows as from the local folder`, async () => {
        const cacheDir = join(tmp, 'cache', `${entry.id}-${dtype}`);
        const remote = await createNodeEncoder({ entry: standIn, folder: '' }, { dtype, remote: { host: hub.url, cacheDir } });
        const local = await createNodeEncoder({ entry: standIn, folder: join(MODELS, fixture) }, { dtype });
        try {
          const a = await remote.embed(TEXTS, 'query');
          const b = await local.embed(TEXTS, 'query');
          expect(Array.from(a)).toEqual(Array.from(b));
        } finally {
          await remote.dispose();
          await local.dispose();
        }
        const file = standIn.dtypes[dtype]!.file;
        // Large files came through the hub's redirect; external data was fetched beside the graph.
        const graphSize = statSync(join(MODELS, fixture, file)).size;
        expect(hub.log).toContain(`${graphSize > 100_000 ? 302 : 200} GET /${entry.hub}/resolve/main/${file}`);
        for (const data of standIn.dtypes[dtype]!.externalData ?? []) expect(hub.log).toContain(`302 GET /${entry.hub}/resolve/main/${data}`);
      });
    }
  }

  it('a dtype the repo lacks is a 404, and the error names the file', async () => {
    // arctic-l's repo as a mirror without its q4f16 file (fixture/xlmr-tiny has none).
    const arctic = mirrorOf(findModel('Snowflake/snowflake-arctic-embed-l-v2.0')!).standIn;
    const error = await createNodeEncoder(
      { entry: arctic, folder: '' },
      { dtype: 'q4f16', remote: { host: bare.url, cacheDir: join(tmp, 'cache', 'q4') } },
    ).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      `Snowflake/snowflake-arctic-embed-l-v2.0 at ${bare.url}: ${bare.url}/Snowflake/snowflake-arctic-embed-l-v2.0/resolve/main/onnx/model_q4f16.onnx was not found (HTTP 404): the repo has no file for dtype q4f16`,
    );
    expect(bare.log).toContain(`404 GET /Snowflake/snowflake-arctic-embed-l-v2.0/resolve/main/onnx/model_q4f16.onnx`);
  });
});

describe('npm run models:fetch -- --host', () => {
  it('vendors graph and external data from the hub layout, and the folder loads', async () => {
    const out = join(tmp, 'fetched');
    const { stderr } = await run(
      'npm',
      ['run', '--silent', 'models:fetch', '--', 'Xenova/multilingual-e5-large', '--dtype', 'fp32,q8', '--host', hub.url, '--out', out],
      { cwd: ROOT },
    );
    expect(stderr).toContain(`done: ${join(out, 'Xenova/multilingual-e5-large')}`);
    const folder = join(out, 'Xenova/multilingual-e5-large');
    const source = join(MODELS, 'fixture/xlmr-external-data');
    expect(readdirSync(join(folder, 'onnx')).sort()).toEqual(['model.onnx', 'model.onnx_data', 'model_quantized.onnx']);
    for (const f of ['onnx/model.onnx', 'onnx/model.onnx_data', 'onnx/model_quantized.onnx', 'tokenizer.json'])
      expect(statSync(join(folder, f)).size).toBe(statSync(join(source, f)).size);
    const { standIn } = mirrorOf(findModel('Xenova/multilingual-e5-large')!);
    for (const dtype of ['fp32', 'q8'] as const) {
      const encoder = await createNodeEncoder({ entry: standIn, folder }, { dtype });
      expect((await encoder.embed(TEXTS, 'passage')).length).toBe(2 * 64);
      await encoder.dispose();
    }
  });

  it('vendors every menu entry with all its dtypes (models:fetch in-process), and each dtype loads from the folder', async () => {
    const out = join(tmp, 'fetched-all');
    for (const entry of hubEntries) {
      const dtypes = Object.keys(entry.dtypes) as Dtype[];
      expect(await fetchMain([entry.id, '--dtype', dtypes.join(','), '--host', hub.url, '--out', out]), entry.id).toBe(0);
      const { standIn } = mirrorOf(entry);
      for (const dtype of dtypes) {
        const encoder = await createNodeEncoder({ entry: standIn, folder: join(out, entry.local) }, { dtype });
        try {
          const rows = await encoder.embed(TEXTS, 'passage');
          expect(rows.length, `${entry.id} ${dtype}`).toBe(TEXTS.length * 64);
        } finally {
          await encoder.dispose();
        }
      }
    }
  });

  it("vendors arctic-l's q4f16 file, and the folder runs it (onnxruntime's MatMulNBits on the CPU)", async () => {
    const out = join(tmp, 'fetched-q4');
    await run(
      'npm',
      ['run', '--silent', 'models:fetch', '--', 'Snowflake/snowflake-arctic-embed-l-v2.0', '--dtype', 'q4f16', '--host', hub.url, '--out', out],
      {
        cwd: ROOT,
      },
    );
    const folder = join(out, 'Snowflake/snowflake-arctic-embed-l-v2.0');
    expect(readdirSync(join(folder, 'onnx'))).toEqual(['model_q4f16.onnx']);
    const { standIn } = mirrorOf(findModel('Snowflake/snowflake-arctic-embed-l-v2.0')!);
    const q4 = await createNodeEncoder({ entry: standIn, folder }, { dtype: 'q4f16' });
    const fp16 = await createNodeEncoder({ entry: standIn, folder: join(MODELS, 'fixture/xlmr-external-data') }, { dtype: 'fp16' });
    try {
      const [a, b] = [await q4.embed(TEXTS, 'query'), await fp16.embed(TEXTS, 'query')];
      for (let r = 0; r < TEXTS.length; r++) {
        let dot = 0;
        for (let j = 0; j < 64; j++) dot += a[r * 64 + j] * b[r * 64 + j];
        expect(dot, 'cosine of unit rows, q4f16 vs fp16').toBeGreaterThan(0.98);
      }
    } finally {
      await q4.dispose();
      await fp16.dispose();
    }
  });

  it('a missing dtype fails with the URL and HTTP 404, and leaves no partial file', async () => {
    const out = join(tmp, 'fetched-missing');
    const failed = await run(
      'npm',
      ['run', '--silent', 'models:fetch', '--', 'Snowflake/snowflake-arctic-embed-l-v2.0', '--dtype', 'q4f16', '--host', bare.url, '--out', out],
      { cwd: ROOT },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((failed as { code: number }).code).toBe(2);
    expect((failed as { stderr: string }).stderr).toContain(
      `error: ${bare.url}/Snowflake/snowflake-arctic-embed-l-v2.0/resolve/main/onnx/model_q4f16.onnx: HTTP 404 Not Found`,
    );
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' });
    expect(written.filter((f) => f.endsWith('.part') || f.endsWith('.onnx'))).toEqual([]);
  });
});
