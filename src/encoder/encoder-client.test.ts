import { describe, expect, it } from 'vitest';
import { createEncoderClient, type WorkerLike } from './encoder-client';
import type { EmbeddingCache } from './embedding-store';
import { findModel } from './model-registry';
import type { FromWorker, LoadedModelInfo, LoadRequest, ToWorker } from './worker-protocol';

const model = findModel('fixture/xlmr-tiny')!;
const request: LoadRequest = { model, source: { type: 'served' } };
const info: LoadedModelInfo = {
  modelId: model.id,
  label: model.label,
  encoderId: 'fixture/xlmr-tiny@q8/mean',
  device: 'wasm',
  dtype: 'q8',
  pooling: 'mean',
  dim: 2,
  threads: 1,
  crossOriginIsolated: false,
  deviceReason: 'test',
  loadMs: 1,
};

/** A text's row: [length, 1], so order mistakes show. */
const rowOf = (t: string) => [t.length, 1];

type Behaviour = 'answer' | 'crash' | 'silent';

/** An in-process stand-in for encoder.worker.ts; `plan` says what each embed message meets. */
class FakeWorker implements WorkerLike {
  readonly received: ToWorker[] = [];
  terminated = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  constructor(
    private readonly next: () => Behaviour,
    private readonly loadError?: string,
  ) {}
  addEventListener(type: string, listener: (e: never) => void): void {
    (this.listeners[type] ??= []).push(listener as (e: unknown) => void);
  }
  terminate(): void {
    this.terminated = true;
  }
  private emit(m: FromWorker) {
    if (!this.terminated) for (const l of this.listeners.message ?? []) l({ data: m });
  }
  postMessage(m: ToWorker): void {
    this.received.push(m);
    setTimeout(() => {
      if (this.terminated) return;
      if (m.type === 'load') {
        if (this.loadError) this.emit({ type: 'error', job: m.job, code: 'missing-file', message: this.loadError });
        else this.emit({ type: 'ready', job: m.job, info });
      } else if (m.type === 'embed') {
        const b = this.next();
        if (b === 'crash') for (const l of this.listeners.error ?? []) l({ message: 'out of memory', preventDefault() {} });
        if (b !== 'answer') return;
        this.emit({ type: 'progress', job: m.job, embed: { done: m.texts.length, total: m.texts.length } });
        this.emit({ type: 'result', job: m.job, rows: Float32Array.from(m.texts.flatMap(rowOf)), dim: 2, info });
      }
    }, 1);
  }
}

function setup(plan: Behaviour[] = [], opts: { cache?: EmbeddingCache | null; loadError?: string; maxRestarts?: number } = {}) {
  const workers: FakeWorker[] = [];
  let step = 0;
  const client = createEncoderClient({
    createWorker: () => {
      const w = new FakeWorker(() => plan[step++] ?? 'answer', opts.loadError);
      workers.push(w);
      return w;
    },
    cache: opts.cache === undefined ? null : opts.cache,
    partSize: 2,
    heartbeatTimeoutMs: 80,
    maxRestarts: opts.maxRestarts,
  });
  const embedsSent = () => workers.flatMap((w) => w.received.filter((m) => m.type === 'embed').map((m) => (m as { texts: string[] }).texts));
  return { client, workers, embedsSent };
}

function memoryCache(): EmbeddingCache & { store: Map<string, Float32Array> } {
  const store = new Map<string, Float32Array>();
  return { store, get: async (k) => store.get(k), put: async (k, v) => void store.set(k, v) };
}

const texts = ['a', 'bbbb', 'cc', 'ddddd', 'eee'];
const expected = texts.flatMap(rowOf);

describe('createEncoderClient', () => {
  it('embeds in parts of similar length and returns rows in input order', async () => {
    const { client, embedsSent } = setup();
    const encoder = await client.load(request);
    expect(encoder.dim).toBe(2);
    const progress: number[] = [];
    const rows = await encoder.embed(texts, 'passage', { onProgress: (p) => progress.push(p.done) });
    expect(Array.from(rows)).toEqual(expected);
    expect(embedsSent()).toEqual([['ddddd', 'bbbb'], ['eee', 'cc'], ['a']]);
    expect(progress.at(-1)).toBe(5);
    client.dispose();
  });

  it('serves a repeated request from the embedding cache without asking the worker', async () => {
    const cache = memoryCache();
    const { client, embedsSent } = setup([], { cache });
    const encoder = await client.load(request);
    await encoder.embed(texts, 'passage');
    const sent = embedsSent().length;
    expect(Array.from(await encoder.embed(texts, 'passage'))).toEqual(expected);
    expect(embedsSent().length).toBe(sent);
    await encoder.embed(texts, 'query');
    expect(embedsSent().length).toBeGreaterThan(sent);
    expect(cache.store.size).toBe(2);
    client.dispose();
  });

  it('keeps working without the cache when the storage quota is full, and says so once', async () => {
    let puts = 0;
    const full: EmbeddingCache = {
      get: async () => undefined,
      put: async () => {
        puts++;
        throw new DOMException('the quota has been exceeded', 'QuotaExceededError');
      },
    };
    const { client } = setup([], { cache: full });
    const encoder = await client.load(request);
    expect(Array.from(await encoder.embed(texts, 'passage'))).toEqual(expected);
    expect(Array.from(await encoder.embed(['zz'], 'query'))).toEqual([2, 1]);
    expect(puts).toBe(1);
    expect(client.notices.map((n) => n.kind)).toEqual(['cache-off']);
    expect(client.notices[0].message).toMatch(/storage quota is full.*everything else works/);
    client.dispose();
  });

  it('restarts a crashed worker, reloads the model and resumes at the unfinished part', async () => {
    const { client, workers, embedsSent } = setup(['answer', 'crash']);
    const encoder = await client.load(request);
    expect(Array.from(await encoder.embed(texts, 'passage'))).toEqual(expected);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    expect(workers[1].received[0].type).toBe('load');
    // The first part is not embedded again; the crashed one is.
    expect(embedsSent()).toEqual([['ddddd', 'bbbb'], ['eee', 'cc'], ['eee', 'cc'], ['a']]);
    expect(client.notices[0]).toMatchObject({ kind: 'worker-restarted' });
    expect(client.notices[0].message).toMatch(/crashed \(out of memory\); restarted it and reloaded xlmr-tiny/);
    client.dispose();
  });

  it('restarts a worker that goes silent (no heartbeat)', async () => {
    const { client, workers } = setup(['silent']);
    const encoder = await client.load(request);
    expect(Array.from(await encoder.embed(texts, 'passage'))).toEqual(expected);
    expect(workers).toHaveLength(2);
    expect(client.notices[0].message).toMatch(/stopped responding \(no heartbeat/);
    client.dispose();
  });

  it('reports cleanly when the worker keeps dying', async () => {
    const { client } = setup(['crash', 'crash', 'crash', 'crash'], { maxRestarts: 2 });
    const encoder = await client.load(request);
    await expect(encoder.embed(texts, 'passage')).rejects.toThrow(/crashed \(out of memory\) while embedding passages; gave up after 2 restarts/);
    client.dispose();
  });

  it('cancels: the promise rejects at once and the worker is told', async () => {
    const { client, workers } = setup(['silent']);
    const encoder = await client.load(request);
    const controller = new AbortController();
    const pending = encoder.embed(texts, 'passage', { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toThrow('stop');
    expect(workers[0].received.some((m) => m.type === 'cancel')).toBe(true);
    client.dispose();
  });

  it('passes on a load error naming the file, and an aborted load terminates the worker', async () => {
    const { client } = setup([], { loadError: 'the picked folder "x" has no onnx/model_quantized.onnx (needed for dtype q8)' });
    await expect(client.load(request)).rejects.toThrow('has no onnx/model_quantized.onnx');
    const second = setup();
    const controller = new AbortController();
    const loading = second.client.load(request, { signal: controller.signal });
    controller.abort(new DOMException('cancelled', 'AbortError'));
    await expect(loading).rejects.toThrow('cancelled');
    expect(second.workers[0].terminated).toBe(true);
    second.client.dispose();
  });
});
