// The tests' hub stand-in answers as the hub does (test/support/hub-layout-server.ts): the Node and
// browser tests of remote loading rely on each of these answers.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHubLayoutServer, type HubLayoutServer } from '../support/hub-layout-server';

const FOLDER = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'public/models/fixture/xlmr-tiny');
const REPO = 'owner/tiny';
let hub: HubLayoutServer;

beforeAll(async () => {
  hub = await startHubLayoutServer({ repos: { [REPO]: FOLDER } });
});
afterAll(() => hub.close());

const file = (name: string) => `${hub.url}/${REPO}/resolve/main/${name}`;

describe('the hub-layout test server', () => {
  it('answers a small file directly with its Content-Length, and redirects a large one', async () => {
    const config = await fetch(file('config.json'));
    expect(config.status).toBe(200);
    expect(Number(config.headers.get('content-length'))).toBe(statSync(join(FOLDER, 'config.json')).size);
    expect(config.headers.get('access-control-allow-origin')).toBe('*');

    const size = statSync(join(FOLDER, 'onnx/model.onnx')).size;
    const redirect = await fetch(file('onnx/model.onnx'), { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`${hub.url}/cdn/${REPO}/resolve/main/onnx/model.onnx`);
    expect(redirect.headers.get('x-linked-size')).toBe(String(size));
    const followed = await fetch(file('onnx/model.onnx'));
    expect(followed.status).toBe(200);
    expect((await followed.arrayBuffer()).byteLength).toBe(size);
  });

  it('answers a byte range with 206 and the total size, and the CORS preflight with 204', async () => {
    const size = statSync(join(FOLDER, 'tokenizer.json')).size;
    const range = await fetch(file('tokenizer.json'), { headers: { Range: 'bytes=0-0' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 0-0/${size}`);
    expect((await range.arrayBuffer()).byteLength).toBe(1);
    const preflight = await fetch(file('tokenizer.json'), { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe('*');
  });

  it('answers 404 EntryNotFound for a dtype the repo lacks and RepoNotFound for an unknown repo', async () => {
    const missing = await fetch(file('onnx/model_q4f16.onnx'));
    expect([missing.status, missing.headers.get('x-error-code')]).toEqual([404, 'EntryNotFound']);
    const unknown = await fetch(`${hub.url}/nobody/nothing/resolve/main/config.json`);
    expect([unknown.status, unknown.headers.get('x-error-code')]).toEqual([404, 'RepoNotFound']);
    expect(hub.log).toContain(`404 GET /${REPO}/resolve/main/onnx/model_q4f16.onnx`);
  });

  it('holds a file until released, as a slow download would be', async () => {
    const release = hub.hold('config.json');
    let done = false;
    const pending = fetch(file('config.json')).then((r) => {
      done = true;
      return r.status;
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(done).toBe(false);
    release();
    expect(await pending).toBe(200);
  });
});
