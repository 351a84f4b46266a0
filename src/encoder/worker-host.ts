/**
 * What runs inside the encoder worker: loads the model (device and dtype policy, WebGPU probe,
 * fallbacks), embeds on request, answers cancel, and says it is alive every HEARTBEAT_MS.
 * encoder.worker.ts hands it the worker scope; the page side is encoder-client.ts.
 */
import { env, pipeline } from '@huggingface/transformers';
import { chooseDevice, chooseDtype, chooseThreads, isDeviceLostError, type WebDevice } from './device-policy';
import { tryWebGpu } from './device-trial';
import { probeWebGpu } from './gpu-report';
import { blameFetchFailure, describeFetchFailure, ModelFetchError, watchFetch, type FetchWatch } from './fetch-failures';
import { createProgressTracker, type ProgressTracker } from './load-progress';
import { checkLoadedPipeline, type LoadedPipeline } from './checked-extractor';
import { encoderIdOf, ONNX_FILE, type Dtype } from './model-registry';
import { externalDataOption } from './model-files';
import { explainLoadError, MissingModelFileError, useModelSource } from './model-source';
import { embedTexts, type Extractor } from './pipeline-embedder';
import { ModelOutputError } from './validate-model-output';
import {
  HEARTBEAT_MS,
  type ErrorCode,
  type FromWorker,
  type LoadedModelInfo,
  type LoadRequest,
  type ToWorker,
  type WasmBuild,
  type WasmBuilds,
} from './worker-protocol';

export interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
}

interface GpuNavigator {
  hardwareConcurrency?: number;
  onLine?: boolean;
}

interface LostableDevice {
  lost?: Promise<{ message?: string; reason?: string }>;
}

interface Loaded {
  request: LoadRequest;
  baseUrl: string;
  extractor: Extractor;
  info: LoadedModelInfo;
  /** Set when the GPU device reports itself lost. */
  lostReason?: string;
}

/**
 * `wasmBuilds`: where onnxruntime-web's .wasm and .mjs are served from this origin; without them
 * it would fetch them from a CDN, and nothing may leave the browser but the models asked for.
 */
export function startWorkerHost(scope: WorkerScope, wasmBuilds: WasmBuilds): () => void {
  let loaded: Loaded | null = null;
  let queue: Promise<void> = Promise.resolve();
  const running = new Map<number, AbortController>();
  const post = (m: FromWorker, transfer?: Transferable[]) => scope.postMessage(m, transfer);
  const notice = (kind: 'fallback' | 'device-lost' | 'threads', message: string) => post({ type: 'notice', notice: { kind, message } });

  const heartbeat = setInterval(() => post({ type: 'heartbeat' }), HEARTBEAT_MS);

  // Every model request goes through this watch, so a failed load can say which file failed and how.
  let watch: FetchWatch = watchFetch(globalThis.fetch.bind(globalThis));

  async function loadPipeline(
    request: LoadRequest,
    device: WebDevice,
    dtype: Dtype,
    baseUrl: string,
    tracker?: ProgressTracker,
    job?: number,
  ): Promise<Extractor> {
    const name = useModelSource(request.source, request.model, dtype, baseUrl, watch.fetch);
    let pipe: LoadedPipeline;
    try {
      pipe = (await pipeline('feature-extraction', name, {
        device,
        dtype,
        use_external_data_format: externalDataOption(request.model, dtype),
        progress_callback: (event: { status: string }) => {
          const p = tracker?.update(event);
          if (p && job !== undefined) post({ type: 'progress', job, load: p });
        },
      })) as unknown as LoadedPipeline;
    } catch (e) {
      throw explainFailure(e, request);
    }
    // One probe text: the outputs must be what the entry promises (no fill-mask logits, right size).
    return checkLoadedPipeline(pipe, request.model);
  }

  /** A network failure (no answer, or an HTTP error on the hub) is named as one, never blamed on the device. */
  function explainFailure(e: unknown, request: LoadRequest): Error {
    if (e instanceof MissingModelFileError || e instanceof ModelFetchError || e instanceof ModelOutputError) return e;
    const blamed = blameFetchFailure(e, watch.failures);
    if (blamed && (blamed.status === undefined || request.source.type === 'hub')) {
      return new ModelFetchError(
        describeFetchFailure(blamed, { entry: request.model, source: request.source, online: (navigator as GpuNavigator).onLine }),
        blamed,
      );
    }
    return explainLoadError(e, request.source, request.model);
  }

  function watchDeviceLoss(target: Loaded): void {
    const webgpu = (env.backends.onnx as { webgpu?: { device?: LostableDevice } }).webgpu;
    webgpu?.device?.lost?.then((info) => {
      target.lostReason = info.message || info.reason || 'the GPU device was lost';
    });
  }

  async function load(job: number, request: LoadRequest, baseUrl: string): Promise<void> {
    const started = performance.now();
    watch = watchFetch(globalThis.fetch.bind(globalThis));
    const entry = request.model;
    const onnxWasm = env.backends.onnx.wasm!;
    const threads = chooseThreads(self.crossOriginIsolated, (navigator as GpuNavigator).hardwareConcurrency, request.threads);
    onnxWasm.numThreads = threads.threads;
    if (threads.threads === 1 && !self.crossOriginIsolated) notice('threads', threads.reason);

    const gpu = await probeWebGpu();
    const choice = chooseDevice(gpu, request.device ?? 'auto');
    let reasons = [choice.reason];
    if (choice.fellBack) notice('fallback', choice.reason);
    // A picked folder offers the dtypes whose files it holds, external data included.
    const picked = request.source.type === 'files' ? request.source.files : null;
    const available = (Object.keys(entry.dtypes) as Dtype[]).filter(
      (d) => !picked || [entry.dtypes[d]!.file, ...(entry.dtypes[d]!.externalData ?? [])].every((f) => f in picked),
    );
    if (request.source.type === 'files') {
      const wanted = request.dtype && request.dtype !== 'auto' ? request.dtype : available.length ? undefined : 'q8';
      if (wanted && !available.includes(wanted)) {
        const file = entry.dtypes[wanted]?.file ?? ONNX_FILE[wanted];
        throw new MissingModelFileError(`the picked folder "${request.source.name}" has no ${file} (needed for dtype ${wanted})`, file);
      }
    }
    const expected: Record<string, number> = {};
    for (const d of Object.values(entry.dtypes)) expected[d!.file] = d!.approxMB * 1e6;
    const tracker = createProgressTracker(expected);

    // onnxruntime-web initialises once per worker (and a worker serves one load), so the build is
    // chosen here: WebGPU needs the asyncify build; WASM alone runs the smaller plain build.
    const build: WasmBuild = request.wasmBuild && request.wasmBuild !== 'auto' ? request.wasmBuild : choice.device === 'webgpu' ? 'asyncify' : 'plain';
    onnxWasm.wasmPaths = { ...wasmBuilds[build] };
    // Otherwise transformers.js re-imports the runtime's .mjs from a blob: URL, which the site's
    // Content-Security-Policy refuses (script-src 'self'); the browser's HTTP cache keeps the files.
    env.useWasmCache = false;
    let device: WebDevice = choice.device;
    const dtypeFor = (on: WebDevice) => chooseDtype(on, available.length ? available : ['q8'], gpu, request.dtype ?? 'auto', entry.dtypes);
    let dtypeChoice;
    try {
      dtypeChoice = dtypeFor(device);
    } catch (e) {
      // No dtype WebGPU can run (e.g. only q8 files): a WebGPU failure, so the model goes to WASM.
      if (device !== 'webgpu') throw e;
      const why = `WebGPU cannot run this model (${e instanceof Error ? e.message : String(e)}): using WASM`;
      notice('fallback', why);
      device = 'wasm';
      reasons = [why];
      dtypeChoice = dtypeFor('wasm');
    }
    let { dtype, reason } = dtypeChoice;
    reasons.push(reason);
    let extractor: Extractor | null = null;
    let probeCosine: number | undefined;
    if (device === 'webgpu') {
      // WebGPU can fail outright (no device, an unsupported operator), return wrong numbers
      // silently, or be slower than WASM; each time the model goes to WASM and the user is told why.
      // A file that could not be fetched is not WebGPU's fault: that error goes to the user as is.
      let moveToWasm: { message: string; notice: boolean } | null = null;
      try {
        extractor = await loadPipeline(request, device, dtype, baseUrl, tracker, job);
        if (request.probe !== false) {
          post({ type: 'progress', job, load: tracker.setStage('probe') });
          const verdict = await tryWebGpu(extractor, () => loadPipeline(request, 'wasm', dtype, baseUrl), entry, choice.race);
          probeCosine = verdict.probeCosine;
          if (verdict.distrust) moveToWasm = { message: verdict.distrust, notice: true };
          else if (verdict.device === 'wasm') moveToWasm = { message: verdict.messages.join('; '), notice: false };
          else reasons.push(...verdict.messages);
        }
      } catch (e) {
        const why = explainFailure(e, request);
        // Missing or unfetchable files and a model whose outputs are wrong (ModelOutputError) are
        // the same on every device: only other errors are WebGPU's.
        if (why instanceof MissingModelFileError || why instanceof ModelFetchError || why.name === 'ModelOutputError') throw why;
        moveToWasm = { message: `WebGPU failed to run the model (${why.message}): using WASM`, notice: true };
      }
      if (moveToWasm) {
        if (moveToWasm.notice) notice('fallback', moveToWasm.message);
        await extractor?.dispose?.().catch(() => undefined);
        extractor = null;
        device = 'wasm';
        ({ dtype, reason } = chooseDtype('wasm', available, gpu, request.dtype ?? 'auto', entry.dtypes));
        reasons = [moveToWasm.message, reason];
      }
    }
    extractor ??= await loadPipeline(request, device, dtype, baseUrl, tracker, job);
    post({ type: 'progress', job, load: tracker.setStage('initialise') });
    const check = await embedTexts(extractor, entry, ['.'], 'passage');
    if (check.dim !== entry.dimensions) throw new Error(`${entry.label}: the model gives ${check.dim}-dimensional rows, the registry says ${entry.dimensions}`);
    const info: LoadedModelInfo = {
      modelId: entry.id,
      label: entry.label,
      encoderId: encoderIdOf(entry, dtype),
      device,
      dtype,
      pooling: entry.pooling,
      dim: check.dim,
      threads: onnxWasm.numThreads ?? threads.threads,
      crossOriginIsolated: self.crossOriginIsolated,
      deviceReason: reasons.join('; '),
      probeCosine,
      loadMs: Math.round(performance.now() - started),
    };
    loaded = { request, baseUrl, extractor, info };
    if (device === 'webgpu') watchDeviceLoss(loaded);
    post({ type: 'ready', job, info });
  }

  /** After a lost GPU device: the same dtype on WASM, so rows already embedded stay comparable. */
  async function fallBackToWasm(current: Loaded, why: string): Promise<void> {
    const message = `the GPU device was lost (${why}): continuing on WASM`;
    notice('device-lost', message);
    await current.extractor.dispose?.().catch(() => undefined);
    current.extractor = await loadPipeline(current.request, 'wasm', current.info.dtype, current.baseUrl);
    current.info = { ...current.info, device: 'wasm', deviceReason: message };
    current.lostReason = undefined;
  }

  async function embed(job: number, texts: string[], kind: 'query' | 'passage'): Promise<void> {
    if (!loaded) throw new Error('no model is loaded');
    const controller = new AbortController();
    running.set(job, controller);
    const current = loaded;
    try {
      for (let attempt = 0; ; attempt++) {
        if (current.lostReason && current.info.device === 'webgpu') await fallBackToWasm(current, current.lostReason);
        try {
          const { rows, dim } = await embedTexts(current.extractor, current.request.model, texts, kind, {
            lengths: current.request.lengths ?? 'tokens',
            signal: controller.signal,
            onBatch: (done, total) => post({ type: 'progress', job, embed: { done, total } }),
          });
          post({ type: 'result', job, rows, dim, info: current.info }, [rows.buffer]);
          return;
        } catch (e) {
          const lost = current.info.device === 'webgpu' && (isDeviceLostError(e) || current.lostReason);
          if (!lost || attempt > 0) throw e;
          current.lostReason ??= e instanceof Error ? e.message : String(e);
        }
      }
    } finally {
      running.delete(job);
    }
  }

  function fail(job: number, e: unknown): void {
    const code: ErrorCode =
      e instanceof MissingModelFileError
        ? 'missing-file'
        : e instanceof ModelFetchError
          ? 'network'
          : (e as { name?: string })?.name === 'AbortError'
            ? 'cancelled'
            : 'failed';
    post({ type: 'error', job, code, message: e instanceof Error ? e.message : String(e) });
  }

  scope.addEventListener('message', (event) => {
    const m = event.data;
    switch (m.type) {
      case 'cancel':
        running.get(m.job)?.abort(new DOMException('cancelled', 'AbortError'));
        return;
      case 'load':
        queue = queue.then(() => load(m.job, m.request, m.baseUrl).catch((e) => fail(m.job, e)));
        return;
      case 'embed':
        queue = queue.then(() => embed(m.job, m.texts, m.kind).catch((e) => fail(m.job, e)));
        return;
      case 'dispose':
        queue = queue.then(async () => {
          await loaded?.extractor.dispose?.().catch(() => undefined);
          loaded = null;
        });
        return;
    }
  });
  return () => clearInterval(heartbeat);
}
