/**
 * The page's side of the encoder: starts the worker that owns the model, loads, embeds in parts
 * (the unit of resume), keeps embeddings in the IndexedDB cache, and watches the worker. A worker
 * that errors or goes silent for heartbeatTimeoutMs during a job is terminated, restarted with the
 * same model, and the unfinished part is sent again. API described in docs/encoder.md.
 */
import type { Encoder, RunOptions, TextKind } from '../core/retrieval/types';
import { readDevicePreference } from './device-preference';
import { createIndexedDbCache, embeddingCacheKey, isQuotaError, type EmbeddingCache } from './embedding-store';
import { charLengths, scatterRows, sortByLengthDescending } from './length-buckets';
import type { LoadProgress } from './load-progress';
import { superviseWorker, withRestarts, WorkerStoppedError, type JobReply, type WorkerLike as SupervisedWorkerLike } from './supervised-worker';
import type { EncoderNotice, FromWorker, LoadedModelInfo, LoadRequest, ToWorker } from './worker-protocol';

/** The parts of a Worker the client uses (a fake in tests). */
export type WorkerLike = SupervisedWorkerLike<ToWorker, FromWorker>;

export interface EncoderClientOptions {
  /** Default: the bundled encoder.worker.ts as a module worker. */
  createWorker?: () => WorkerLike;
  /**
   * A worker silent this long while embedding is restarted. Default 60000: one batch of a large
   * model on a slow CPU blocks the worker (and its heartbeat) for a while.
   */
  heartbeatTimeoutMs?: number;
  /** The same while loading, where compiling WASM and building sessions block it longer. Default 300000. */
  loadTimeoutMs?: number;
  /** Restarts allowed per load or embed call before it fails. Default 2. */
  maxRestarts?: number;
  /** Default: IndexedDB; null turns the embedding cache off. */
  cache?: EmbeddingCache | null;
  /** Texts per worker message (the unit of resume after a restart). Default 256. */
  partSize?: number;
  /** Prefix under which the app serves public/ (for the 'served' source). Default import.meta.env.BASE_URL. */
  baseUrl?: string;
  onNotice?: (n: EncoderNotice) => void;
}

export interface LoadOptions {
  signal?: AbortSignal;
  onProgress?: (p: LoadProgress) => void;
}

export interface BrowserEncoder extends Encoder {
  /** The current state: device and dtype may change after a fallback. */
  readonly info: LoadedModelInfo;
}

export interface EncoderClient {
  /** Loads a model in a fresh worker (terminating the previous one). Aborting terminates the worker. */
  load(request: LoadRequest, opts?: LoadOptions): Promise<BrowserEncoder>;
  readonly notices: readonly EncoderNotice[];
  /** Terminates the worker: the only way to free a model's memory for sure. */
  dispose(): void;
}

type Progress = Extract<FromWorker, { type: 'progress' }>;

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./encoder.worker.ts', import.meta.url), { type: 'module', name: 'encoder' }) as unknown as WorkerLike;
}

/** What a message from the encoder worker means for its job (heartbeats and notices are about none). */
function readReply(m: FromWorker): JobReply | null {
  if (m.type === 'heartbeat' || m.type === 'notice') return null;
  if (m.type === 'progress') return { job: m.job, kind: 'progress' };
  if (m.type === 'error') return { job: m.job, kind: 'failed', error: Object.assign(new Error(m.message), { code: m.code }) };
  return { job: m.job, kind: 'done' };
}

export function createEncoderClient(opts: EncoderClientOptions = {}): EncoderClient {
  const heartbeatTimeoutMs = opts.heartbeatTimeoutMs ?? 60_000;
  const loadTimeoutMs = Math.max(heartbeatTimeoutMs, opts.loadTimeoutMs ?? 300_000);
  const maxRestarts = opts.maxRestarts ?? 2;
  const partSize = Math.max(1, opts.partSize ?? 256);
  const baseUrl = new URL(opts.baseUrl ?? import.meta.env?.BASE_URL ?? '/', globalThis.location?.href ?? 'http://localhost/').href;
  let cache: EmbeddingCache | null = opts.cache === undefined ? createIndexedDbCache() : opts.cache;
  const notices: EncoderNotice[] = [];
  let request: LoadRequest | null = null;
  let info: LoadedModelInfo | null = null;
  let restarting: Promise<void> | null = null;

  const notify = (n: EncoderNotice) => {
    notices.push(n);
    opts.onNotice?.(n);
  };

  const worker = superviseWorker<ToWorker, FromWorker>({
    name: 'encoder',
    createWorker: opts.createWorker ?? defaultWorker,
    readReply,
    onOther: (m) => m.type === 'notice' && notify(m.notice),
    cancelMessage: (job) => ({ type: 'cancel', job }),
    // Loading (compiling WASM, building sessions) blocks the worker, and its heartbeat, longer than a batch.
    heartbeatTimeoutMs: (tags) => (tags.includes('load') ? loadTimeoutMs : heartbeatTimeoutMs),
  });

  function send<T extends FromWorker['type']>(
    message: ToWorker & { job: number },
    sendOpts: { signal?: AbortSignal; onProgress?: (m: Progress) => void } = {},
  ): Promise<Extract<FromWorker, { type: T }>> {
    // Picked files are copied, not transferred: a restarted worker needs them again.
    return worker.run(message.job, message, {
      signal: sendOpts.signal,
      onProgress: (m) => sendOpts.onProgress?.(m as Progress),
      tag: message.type,
    }) as Promise<Extract<FromWorker, { type: T }>>;
  }

  async function startAndLoad(req: LoadRequest, loadOpts: LoadOptions = {}): Promise<LoadedModelInfo> {
    worker.start('replaced by a new load');
    const onAbort = () => worker.stop('loading was cancelled');
    loadOpts.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const ready = await send<'ready'>(
        { type: 'load', job: worker.nextJob(), request: req, baseUrl },
        { signal: loadOpts.signal, onProgress: (m) => m.load && loadOpts.onProgress?.(m.load) },
      );
      return ready.info;
    } finally {
      loadOpts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /** One restart shared by every job that saw the worker stop: a new worker with the same model. */
  function restart(reason: string): Promise<void> {
    restarting ??= (async () => {
      notify({ kind: 'worker-restarted', message: `${reason}; restarted it and reloaded ${request!.model.label}` });
      info = await startAndLoad(request!);
    })().finally(() => {
      restarting = null;
    });
    return restarting;
  }

  async function cacheGet(key: string): Promise<Float32Array | undefined> {
    if (!cache) return undefined;
    try {
      return await cache.get(key);
    } catch (e) {
      turnCacheOff(e);
      return undefined;
    }
  }

  function turnCacheOff(e: unknown): void {
    if (!cache) return;
    cache = null;
    const why = isQuotaError(e) ? "the browser's storage quota is full" : `the embedding cache failed (${e instanceof Error ? e.message : String(e)})`;
    notify({ kind: 'cache-off', message: `${why}: embeddings are not cached for the rest of this session; everything else works` });
  }

  async function embed(texts: readonly string[], kind: TextKind, runOpts: RunOptions = {}): Promise<Float32Array> {
    if (!info || !request) throw new Error('no model is loaded');
    const stage = kind === 'query' ? 'embedding queries' : 'embedding passages';
    const total = texts.length;
    runOpts.onProgress?.({ stage, done: 0, total });
    if (total === 0) return new Float32Array(0);
    const key = embeddingCacheKey({ modelId: request.model.id, dtype: info.dtype, pooling: info.pooling, kind, texts });
    const cached = await cacheGet(key);
    if (cached && cached.length === total * info.dim) {
      runOpts.onProgress?.({ stage, done: total, total });
      return cached;
    }
    const dim = info.dim;
    const out = new Float32Array(total * dim);
    // Parts of similar lengths (characters here; the worker buckets by tokens within a part).
    const order = sortByLengthDescending(charLengths(texts));
    let done = 0;
    for (let start = 0; start < total; start += partSize) {
      const indices = order.subarray(start, Math.min(total, start + partSize));
      const partTexts = Array.from(indices, (i) => texts[i]);
      const result = await withRestarts(
        stage,
        async () => {
          if (restarting) await restarting;
          return send<'result'>(
            { type: 'embed', job: worker.nextJob(), texts: partTexts, kind },
            { signal: runOpts.signal, onProgress: (m) => m.embed && runOpts.onProgress?.({ stage, done: done + m.embed.done, total }) },
          );
        },
        restart,
        maxRestarts,
      );
      if (result.dim !== dim) throw new Error(`the encoder returned ${result.dim}-dimensional rows, expected ${dim}`);
      scatterRows(out, result.rows, indices, dim);
      info = result.info;
      done += indices.length;
      runOpts.onProgress?.({ stage, done, total });
    }
    if (cache) await cache.put(key, out).catch(turnCacheOff);
    return out;
  }

  return {
    async load(asked, loadOpts = {}) {
      // A load that names no device follows the user's stored choice (auto / WebGPU / WASM).
      const req: LoadRequest = { ...asked, device: asked.device ?? readDevicePreference() };
      request = null;
      info = null;
      try {
        info = await startAndLoad(req, loadOpts);
      } catch (e) {
        worker.stop('loading failed');
        if (e instanceof WorkerStoppedError && loadOpts.signal?.aborted) throw loadOpts.signal.reason;
        throw e;
      }
      request = req;
      const loadedInfo = info;
      return {
        id: loadedInfo.encoderId,
        dim: loadedInfo.dim,
        get info() {
          return info ?? loadedInfo;
        },
        embed,
      };
    },
    get notices() {
      return notices;
    },
    dispose() {
      worker.dispose('the encoder was disposed');
      request = null;
      info = null;
    },
  };
}
