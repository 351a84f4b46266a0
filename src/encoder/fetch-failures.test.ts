import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blameFetchFailure, describeFetchFailure, fileOfUrl, watchFetch } from './fetch-failures';
import { findModel } from './model-registry';

const e5 = findModel('Xenova/multilingual-e5-small')!;
const hubUrl = 'https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/onnx/model_quantized.onnx';

describe('watchFetch (real requests to localhost)', () => {
  let server: Server;
  let base: string;
  let closedPort: number;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/ok') res.end('fine');
      else res.writeHead(404, 'Not Found').end();
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
    // A port that was free a moment ago: nothing answers there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, 'localhost', resolve));
    closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('records a 404 and a host that does not answer, and lets good answers through', async () => {
    const watch = watchFetch(globalThis.fetch.bind(globalThis));
    expect(await (await watch.fetch(`${base}/ok`)).text()).toBe('fine');
    expect((await watch.fetch(`${base}/missing.onnx`)).status).toBe(404);
    await expect(watch.fetch(`http://localhost:${closedPort}/x/resolve/main/config.json`)).rejects.toThrow();
    expect(watch.failures).toHaveLength(2);
    expect(watch.failures[0]).toMatchObject({ url: `${base}/missing.onnx`, status: 404, statusText: 'Not Found' });
    expect(watch.failures[1].url).toBe(`http://localhost:${closedPort}/x/resolve/main/config.json`);
    expect(watch.failures[1].status).toBeUndefined();
    expect(watch.failures[1].error).toBeTruthy();
  });
});

describe('blameFetchFailure', () => {
  const notFound = { url: hubUrl, status: 404 };
  const optional = { url: 'https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/preprocessor_config.json', status: 404 };
  const noAnswer = { url: 'https://huggingface.co/Xenova/multilingual-e5-small/resolve/main/config.json', error: 'Failed to fetch' };

  it('blames the failure the error names, else one that got no answer', () => {
    expect(blameFetchFailure(new Error(`Could not locate file: "${hubUrl}".`), [optional, notFound])).toBe(notFound);
    expect(blameFetchFailure(new TypeError('Failed to fetch'), [optional, noAnswer])).toBe(noAnswer);
  });

  it('takes a bare network error as the network even without a record', () => {
    expect(blameFetchFailure(new TypeError('Failed to fetch'), [])).toEqual({ url: '', error: 'Failed to fetch' });
  });

  it('does not blame a tolerated 404 for a device error', () => {
    expect(blameFetchFailure(new Error('no available backend found. ERR: [webgpu] RuntimeError'), [optional])).toBeUndefined();
  });
});

describe('describeFetchFailure', () => {
  it('names host, file and "no answer" for an unreachable hub, and suggests /models/ or a picked folder', () => {
    const text = describeFetchFailure({ url: hubUrl, error: 'Failed to fetch' }, { entry: e5, source: { type: 'hub' } });
    expect(text).toBe(
      `onnx/model_quantized.onnx could not be downloaded: huggingface.co did not answer (offline, or the host is blocked or unreachable) (${hubUrl}). ` +
        "Load it from the app's /models/ folder instead (on a machine that reaches the hub: npm run models:fetch -- Xenova/multilingual-e5-small) or pick a folder that holds it",
    );
    expect(describeFetchFailure({ url: hubUrl, error: 'x' }, { entry: e5, source: { type: 'hub' }, online: false })).toContain(
      'huggingface.co did not answer (the browser is offline)',
    );
  });

  it('tells a 404 (the file is not there) from no answer, and names other statuses', () => {
    const local = 'http://localhost:4000/Xenova/multilingual-e5-small/resolve/main/onnx/model_fp16.onnx';
    expect(
      describeFetchFailure({ url: local, status: 404, statusText: 'Not Found' }, { entry: e5, source: { type: 'hub', host: 'http://localhost:4000' } }),
    ).toMatch(
      /^onnx\/model_fp16.onnx could not be downloaded: localhost:4000 answered HTTP 404 Not Found: the file is not there \(http:\/\/localhost:4000\/.*\)\. Load it from the app's \/models\/ folder/,
    );
    expect(describeFetchFailure({ url: hubUrl, status: 403 }, { entry: e5, source: { type: 'hub' } })).toContain(
      'huggingface.co refused access (HTTP 403 Forbidden)',
    );
    expect(describeFetchFailure({ url: hubUrl, status: 503, statusText: '' }, { entry: e5, source: { type: 'hub' } })).toContain(
      'huggingface.co answered HTTP 503 Service Unavailable',
    );
  });

  it("blames the app's server for a served folder that does not answer", () => {
    const text = describeFetchFailure(
      { url: 'http://localhost:5173/models/Xenova/multilingual-e5-small/config.json', error: 'Failed to fetch' },
      { entry: e5, source: { type: 'served' } },
    );
    expect(text).toMatch(/^config.json could not be downloaded: localhost:5173 did not answer .* Check that the app's server is running/);
  });
});

describe('fileOfUrl', () => {
  it('finds the file inside the model folder for hub and served URLs', () => {
    expect(fileOfUrl(hubUrl, e5)).toBe('onnx/model_quantized.onnx');
    expect(fileOfUrl('http://localhost:5173/models/Xenova/multilingual-e5-small/tokenizer.json', e5)).toBe('tokenizer.json');
    expect(fileOfUrl('http://elsewhere/some/thing.bin', e5)).toBe('thing.bin');
  });
});
