/**
 * The encoder test page (test/pages/encoder-harness.html): shows load progress, device, dtype, the reason for
 * them and every notice, and exposes window.harness for the end-to-end tests and the benchmark.
 */
import { createEncoderClient, type BrowserEncoder, type EncoderClient, type WorkerLike } from '../encoder-client';
import type { LengthMeasure } from '../pipeline-embedder';
import { findModel, type Dtype, type ModelEntry } from '../model-registry';
import { describePickedModel, readPickedFileList, type PickedFolder } from '../picked-folder';
import type { DevicePreference } from '../device-policy';
import type { EncoderNotice, LoadRequest, ModelSource } from '../worker-protocol';

export interface HarnessLoadArgs {
  /** A registry id; `entry` replaces the registry's entry (e.g. a conformance fixture's stand-in). */
  model: string;
  entry?: ModelEntry;
  source: 'served' | 'hub' | 'picked';
  /** For source 'hub': a server with the hub's layout instead of huggingface.co. */
  hubHost?: string;
  device?: DevicePreference;
  dtype?: Dtype | 'auto';
  probe?: boolean;
  threads?: number;
  lengths?: LengthMeasure;
  heartbeatTimeoutMs?: number;
  partSize?: number;
  /** Use the IndexedDB embedding cache. Default true. */
  cache?: boolean;
  wasmBuild?: LoadRequest['wasmBuild'];
}

export type HarnessResult<T> = ({ ok: true } & T) | { ok: false; error: string };

const $ = (id: string) => document.getElementById(id)!;
let client: EncoderClient | null = null;
let encoder: BrowserEncoder | null = null;
let picked: PickedFolder | null = null;
let workers: WorkerLike[] = [];
const shown: EncoderNotice[] = [];

function showStatus(fields: Record<string, string | number | undefined>): void {
  const dl = $('status');
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    let dd = dl.querySelector<HTMLElement>(`dd[data-key="${k}"]`);
    if (!dd) {
      const dt = document.createElement('dt');
      dt.textContent = k;
      dd = document.createElement('dd');
      dd.dataset.key = k;
      dl.append(dt, dd);
    }
    dd.textContent = String(v);
  }
}

function showNotice(n: EncoderNotice): void {
  shown.push(n);
  const li = document.createElement('li');
  li.textContent = `${n.kind}: ${n.message}`;
  $('notices').append(li);
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

$('pick').addEventListener('change', async (event) => {
  const input = event.target as HTMLInputElement;
  try {
    picked = await readPickedFileList(input.files ?? []);
    $('picked').textContent = `${picked.name}: ${Object.keys(picked.files).sort().join(', ')}`;
  } catch (e) {
    $('error').textContent = errorText(e);
  }
});

async function load(args: HarnessLoadArgs): Promise<HarnessResult<{ info: BrowserEncoder['info'] }>> {
  client?.dispose();
  encoder = null;
  $('error').textContent = '';
  const entry = args.entry ?? findModel(args.model);
  let model = entry;
  let source: ModelSource;
  if (args.source === 'picked') {
    if (!picked) return { ok: false, error: 'no folder picked' };
    model = describePickedModel(picked, entry);
    source = { type: 'files', name: picked.name, files: picked.files };
  } else source = args.source === 'hub' ? { type: 'hub', host: args.hubHost } : { type: 'served' };
  if (!model) return { ok: false, error: `unknown model ${args.model}` };
  client = createEncoderClient({
    onNotice: showNotice,
    heartbeatTimeoutMs: args.heartbeatTimeoutMs,
    partSize: args.partSize,
    cache: args.cache === false ? null : undefined,
    createWorker: () => {
      const w = new Worker(new URL('../encoder.worker.ts', import.meta.url), { type: 'module', name: 'encoder' }) as unknown as WorkerLike;
      workers.push(w);
      return w;
    },
  });
  const request: LoadRequest = {
    model,
    source,
    device: args.device,
    dtype: args.dtype,
    probe: args.probe,
    threads: args.threads,
    lengths: args.lengths,
    wasmBuild: args.wasmBuild,
  };
  showStatus({ model: model.label, source: args.source, state: 'loading' });
  try {
    encoder = await client.load(request, {
      onProgress: (p) => {
        ($('progress') as HTMLProgressElement).value = p.fraction;
        showStatus({
          state: `${p.stage} ${(p.fraction * 100).toFixed(0)}% of ${(p.totalBytes / 1e6).toFixed(2)} MB`,
          files: p.files.map((f) => `${f.file}${f.done ? ' ✓' : ''}`).join(', '),
        });
      },
    });
  } catch (e) {
    showStatus({ state: 'failed' });
    $('error').textContent = errorText(e);
    return { ok: false, error: errorText(e) };
  }
  const info = encoder.info;
  ($('progress') as HTMLProgressElement).value = 1;
  showStatus({
    state: 'ready',
    'wasm build': args.wasmBuild ?? 'auto',
    device: info.device,
    dtype: info.dtype,
    reason: info.deviceReason,
    threads: info.threads,
    isolated: String(info.crossOriginIsolated),
    'probe cosine': info.probeCosine?.toFixed(5) ?? 'not probed',
    dim: info.dim,
    'load ms': info.loadMs,
  });
  return { ok: true, info };
}

export interface HarnessEmbedOptions {
  /** Default true; false returns timing only (large benchmark runs). */
  returnRows?: boolean;
  /** Terminate the worker once this many texts are done, as a browser killing it mid-job would. */
  killWorkerAfter?: number;
}

async function embed(
  texts: string[],
  kind: 'query' | 'passage',
  opts: HarnessEmbedOptions = {},
): Promise<HarnessResult<{ rows: number[]; dim: number; ms: number; info: BrowserEncoder['info'] }>> {
  if (!encoder) return { ok: false, error: 'no model loaded' };
  const started = performance.now();
  let killed = false;
  try {
    const rows = await encoder.embed(texts, kind, {
      onProgress: (p) => {
        showStatus({ embedding: `${p.stage} ${p.done}/${p.total}` });
        if (opts.killWorkerAfter !== undefined && !killed && p.done >= opts.killWorkerAfter) killed = killWorker();
      },
    });
    const ms = performance.now() - started;
    showStatus({ embedded: `${texts.length} texts in ${ms.toFixed(0)} ms (${((texts.length / ms) * 1000).toFixed(1)}/s)`, device: encoder.info.device });
    return { ok: true, rows: opts.returnRows === false ? [] : Array.from(rows), dim: encoder.dim, ms, info: encoder.info };
  } catch (e) {
    $('error').textContent = errorText(e);
    return { ok: false, error: errorText(e) };
  }
}

/** Terminates the current worker behind the client's back, as a browser killing it would. */
function killWorker(): boolean {
  const w = workers.at(-1);
  w?.terminate();
  return Boolean(w);
}

const harness = {
  load,
  embed,
  killWorker,
  notices: () => shown.map((n) => ({ ...n })),
  workersStarted: () => workers.length,
  picked: () => (picked ? { name: picked.name, files: Object.keys(picked.files).sort() } : null),
  reset: () => {
    workers = [];
  },
};

declare global {
  interface Window {
    harness: typeof harness;
  }
}
window.harness = harness;
document.body.dataset.ready = 'true';
