/**
 * The worker's device decisions with a stand-in for transformers.js' pipeline(): the WebGPU probe
 * that disagrees, and a GPU device lost in the middle of a job. (The real pipeline on WebGPU and
 * WASM runs in the browser tests, test/e2e/encoder-devices.test.ts.)
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from './worker-protocol';

interface Call {
  device: string;
  dtype: string;
}
const calls: Call[] = [];
/** Per device: the row every text gets, and whether embedding throws. */
const behaviour: Record<string, { row: number[]; fail?: string; createFail?: string; delayMs?: number; fetchFirst?: string }> = {};

vi.mock('@huggingface/transformers', () => {
  const env: { backends: object; fetch?: typeof fetch } = { backends: { onnx: { wasm: {} } } };
  return {
    env,
    pipeline: async (_task: string, _name: string, opts: Call) => {
      calls.push({ device: opts.device, dtype: opts.dtype });
      // As transformers.js does: the model's files come through env.fetch before any session exists.
      const b0 = behaviour[opts.device];
      if (b0.fetchFirst) {
        const response = await env.fetch!(b0.fetchFirst);
        if (response.status !== 200) throw new Error(`Could not locate file: "${b0.fetchFirst}".`);
      }
      if (b0.createFail) throw new Error(b0.createFail);
      const extractor = async (texts: string[]) => {
        const b = behaviour[opts.device];
        if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
        if (b.fail) throw new Error(b.fail);
        return { data: Float32Array.from(texts.flatMap(() => b.row)), dims: [texts.length, b.row.length] };
      };
      // The load-time output check (checked-extractor.ts) tokenises one probe text and calls the model.
      const tokens = { dims: [1, 5], data: new BigInt64Array(5) };
      const tokenizer = Object.assign(() => ({ input_ids: tokens, attention_mask: tokens }), { encode: (t: string) => Array.from(t, () => 0) });
      const hidden = async () => ({ last_hidden_state: { dims: [1, 5, b0.row.length], data: new Float32Array(5 * b0.row.length) } });
      return Object.assign(extractor, { dispose: async () => {}, tokenizer, model: hidden });
    },
  };
});

const { startWorkerHost } = await import('./worker-host');
const { findModel } = await import('./model-registry');

const unit = (i: number) => Array.from({ length: 64 }, (_, j) => (j === i ? 1 : 0));
const paths = { mjs: '/ort.mjs', wasm: '/ort.wasm' };

function host() {
  const posted: FromWorker[] = [];
  let listener: ((e: MessageEvent<ToWorker>) => void) | null = null;
  const stop = startWorkerHost(
    { postMessage: (m) => void posted.push(m), addEventListener: (_t, l) => void (listener = l) },
    { plain: paths, asyncify: paths },
  );
  const send = (m: ToWorker) => listener!({ data: m } as MessageEvent<ToWorker>);
  const reply = async (job: number) => {
    await vi.waitFor(() => expect(posted.some((m) => 'job' in m && m.job === job && m.type !== 'progress')).toBe(true));
    return posted.find((m) => 'job' in m && m.job === job && m.type !== 'progress')!;
  };
  return {
    posted,
    send,
    reply,
    stop,
    notices: () => posted.filter((m) => m.type === 'notice').map((m) => (m as { notice: { kind: string; message: string } }).notice),
  };
}

const model = findModel('fixture/xlmr-tiny')!;

let adapterInfo: Record<string, unknown> = { vendor: 'nvidia', architecture: 'ampere' };

beforeEach(() => {
  calls.length = 0;
  adapterInfo = { vendor: 'nvidia', architecture: 'ampere' };
  for (const k of Object.keys(behaviour)) delete behaviour[k];
  vi.stubGlobal('self', { crossOriginIsolated: true, location: { href: 'http://localhost/encoder.worker.js' } });
  vi.stubGlobal('navigator', { hardwareConcurrency: 2, gpu: { requestAdapter: async () => ({ features: new Set<string>(), info: adapterInfo }) } });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('startWorkerHost', () => {
  it('trusts WebGPU when the probe agrees with WASM and WebGPU is faster', async () => {
    behaviour.webgpu = { row: unit(0) };
    behaviour.wasm = { row: unit(0), delayMs: 20 };
    const h = host();
    h.send({ type: 'load', job: 1, request: { model, source: { type: 'served' } }, baseUrl: 'http://localhost/' });
    const ready = await h.reply(1);
    expect(ready).toMatchObject({ type: 'ready', info: { device: 'webgpu', dtype: 'fp32', probeCosine: 1, threads: 2 } });
    // The probe loads the same dtype on WASM as the reference.
    expect(calls).toEqual([
      { device: 'webgpu', dtype: 'fp32' },
      { device: 'wasm', dtype: 'fp32' },
    ]);
    expect((ready as { info: { deviceReason: string } }).info.deviceReason).toMatch(
      /WebGPU agrees with WASM .*; WebGPU is faster here \(WebGPU \d+ ms, WASM \d+ ms on the probe sentences\)/,
    );
    h.stop();
  });

  it('keeps WASM (q8) on auto when it beats an agreeing WebGPU on the probe', async () => {
    behaviour.webgpu = { row: unit(0), delayMs: 30 };
    behaviour.wasm = { row: unit(0) };
    const h = host();
    h.send({ type: 'load', job: 1, request: { model, source: { type: 'served' } }, baseUrl: 'http://localhost/' });
    const ready = (await h.reply(1)) as { type: string; info: { device: string; dtype: string; deviceReason: string } };
    expect(ready).toMatchObject({ type: 'ready', info: { device: 'wasm', dtype: 'q8' } });
    expect(ready.info.deviceReason).toMatch(
      /^WebGPU agrees with WASM .*; WASM is faster here \(WebGPU \d+ ms, WASM \d+ ms on the probe sentences\): using WASM; q8 on WASM/,
    );
    expect(calls.at(-1)).toEqual({ device: 'wasm', dtype: 'q8' });
    h.stop();
  });

  it('stays on WebGPU when the user chose it, even when WASM is faster', async () => {
    behaviour.webgpu = { row: unit(0), delayMs: 30 };
    behaviour.wasm = { row: unit(0) };
    const h = host();
    h.send({ type: 'load', job: 1, request: { model, source: { type: 'served' }, device: 'webgpu' }, baseUrl: 'http://localhost/' });
    expect(await h.reply(1)).toMatchObject({ type: 'ready', info: { device: 'webgpu', dtype: 'fp32' } });
    h.stop();
  });

  it('skips a software adapter (SwiftShader) on auto without loading on it, and uses it when chosen', async () => {
    adapterInfo = { vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true };
    behaviour.webgpu = { row: unit(0) };
    behaviour.wasm = { row: unit(0) };
    const h = host();
    h.send({ type: 'load', job: 1, request: { model, source: { type: 'served' } }, baseUrl: 'http://localhost/' });
    const ready = (await h.reply(1)) as { info: { device: string; deviceReason: string } };
    expect(ready.info.device).toBe('wasm');
    expect(ready.info.deviceReason).toMatch(/software adapter \(SwiftShader\)/);
    expect(calls).toEqual([{ device: 'wasm', dtype: 'q8' }]);
    expect(h.notices().map((n) => n.kind)).toEqual(['fallback']);
    h.send({ type: 'load', job: 2, request: { model, source: { type: 'served' }, device: 'webgpu' }, baseUrl: 'http://localhost/' });
    expect(await h.reply(2)).toMatchObject({ type: 'ready', info: { device: 'webgpu' } });
    h.stop();
  });

  it('reports a model file the network could not deliver as a network error, with no device fallback', async () => {
    // A closed localhost port stands for an unreachable hub: the request gets no answer.
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, 'localhost', resolve));
    const port = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const url = `http://localhost:${port}/Xenova/multilingual-e5-small/resolve/main/config.json`;
    behaviour.webgpu = { row: unit(0), fetchFirst: url };
    behaviour.wasm = { row: unit(0), fetchFirst: url };
    const e5 = findModel('Xenova/multilingual-e5-small')!;
    const h = host();
    h.send({
      type: 'load',
      job: 1,
      request: { model: e5, source: { type: 'hub', host: `http://localhost:${port}` }, device: 'webgpu' },
      baseUrl: 'http://localhost/',
    });
    const reply = (await h.reply(1)) as { type: string; code: string; message: string };
    expect(reply).toMatchObject({ type: 'error', code: 'network' });
    expect(reply.message).toMatch(new RegExp(`^config.json could not be downloaded: localhost:${port} did not answer`));
    expect(h.notices().filter((n) => n.kind === 'fallback')).toEqual([]);
    expect(calls).toEqual([{ device: 'webgpu', dtype: 'fp32' }]);
    h.stop();
  });

  it('falls back to WASM (q8) when WebGPU disagrees with WASM on the probe, and says so', async () => {
    behaviour.webgpu = { row: unit(0) };
    behaviour.wasm = { row: unit(1) };
    const h = host();
    h.send({ type: 'load', job: 1, request: { model, source: { type: 'served' } }, baseUrl: 'http://localhost/' });
    const ready = await h.reply(1);
    expect(ready).toMatchObject({ type: 'ready', info: { device: 'wasm', dtype: 'q8' } });
    expect(h.notices()).toEqual([{ kind: 'fallback', message: 'WebGPU disagrees with WASM on the probe sentences (lowest cosine 0.0000 < 0.99): using WASM' }]);
    expect((ready as { info: { deviceReason: string } }).info.deviceReason).toMatch(/^WebGPU disagrees/);
    h.stop();
  });

  it('falls back to WASM when WebGPU cannot even build the session', async () => {
    behaviour.webgpu = { row: unit(0), createFail: 'no available backend found' };
    behaviour.wasm = { row: unit(0) };
    const h = host();
    h.send({ type: 'load', job: 1, request: { model, source: { type: 'served' }, device: 'webgpu' }, baseUrl: 'http://localhost/' });
    expect(await h.reply(1)).toMatchObject({ type: 'ready', info: { device: 'wasm', dtype: 'q8' } });
    expect(h.notices()).toEqual([{ kind: 'fallback', message: 'WebGPU failed to run the model (no available backend found): using WASM' }]);
    h.stop();
  });

  it('moves to WASM with the same dtype when the GPU device is lost mid-job, and finishes the job', async () => {
    behaviour.webgpu = { row: unit(2) };
    behaviour.wasm = { row: unit(2), delayMs: 20 };
    const h = host();
    h.send({ type: 'load', job: 1, request: { model, source: { type: 'served' } }, baseUrl: 'http://localhost/' });
    await h.reply(1);
    behaviour.webgpu.fail = 'GPUDevice was lost: the device was destroyed';
    h.send({ type: 'embed', job: 2, texts: ['a', 'b'], kind: 'passage' });
    const result = await h.reply(2);
    expect(result).toMatchObject({ type: 'result', dim: 64, info: { device: 'wasm', dtype: 'fp32' } });
    expect((result as { rows: Float32Array }).rows.length).toBe(128);
    expect(h.notices()).toEqual([
      { kind: 'device-lost', message: 'the GPU device was lost (GPUDevice was lost: the device was destroyed): continuing on WASM' },
    ]);
    h.stop();
  });

  it('reports other embedding errors as errors, and a missing picked file by name', async () => {
    behaviour.wasm = { row: unit(0), fail: 'bad input' };
    const h = host();
    h.send({
      type: 'load',
      job: 1,
      request: { model, source: { type: 'files', name: 'mine', files: { 'config.json': new ArrayBuffer(1) } }, device: 'wasm', dtype: 'q8' },
      baseUrl: 'http://localhost/',
    });
    expect(await h.reply(1)).toEqual({
      type: 'error',
      job: 1,
      code: 'missing-file',
      message: 'the picked folder "mine" has no onnx/model_quantized.onnx (needed for dtype q8)',
    });
    h.stop();
  });
});
