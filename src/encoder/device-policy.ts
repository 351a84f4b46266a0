/**
 * Which device and dtype to run on, as pure decisions from what the browser reports, so they can
 * be tested without one. Pitfalls behind the rules (shared/reference/models.md): int8 graphs are
 * slow on WebGPU and fp32/fp16 are the usual choice there; q8 is the usual WASM choice; WebGPU
 * can return wrong numbers silently, hence the probe comparison.
 */

export type WebDevice = 'webgpu' | 'wasm';
export type DevicePreference = 'auto' | WebDevice;

/** What the environment says about WebGPU, gathered by probeWebGpu() (gpu-report.ts). */
export interface GpuReport {
  /** navigator.gpu exists. */
  api: boolean;
  /** requestAdapter() returned an adapter. */
  adapter: boolean;
  /** The adapter has the 'shader-f16' feature. */
  shaderF16: boolean;
  /** Why not, when requestAdapter threw. */
  error?: string;
  /** The adapter emulates a GPU on the CPU: its name for a person ('SwiftShader'), see softwareAdapterName. */
  software?: string;
}

/** What GPUAdapter says about itself (adapter.info, and isFallbackAdapter on the adapter or its info). */
export interface AdapterFacts {
  isFallbackAdapter?: boolean;
  vendor?: string;
  architecture?: string;
  device?: string;
  description?: string;
}

/** CPU implementations of a GPU API that browsers expose as WebGPU adapters. */
const SOFTWARE_RENDERERS: readonly [RegExp, string][] = [
  [/swiftshader/i, 'SwiftShader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/lavapipe/i, 'lavapipe'],
  [/softpipe/i, 'softpipe'],
  [/basic render driver|\bwarp\b/i, 'Microsoft WARP'],
];

/**
 * The name of a software adapter, or undefined for a real GPU. Chromium reports SwiftShader as
 * vendor 'google', architecture 'swiftshader' and isFallbackAdapter true; older builds lack the
 * flag, so the names are checked as well.
 */
export function softwareAdapterName(facts: AdapterFacts): string | undefined {
  const text = [facts.vendor, facts.architecture, facts.device, facts.description].filter(Boolean).join(' ');
  const known = SOFTWARE_RENDERERS.find(([pattern]) => pattern.test(text));
  if (known) return known[1];
  return facts.isFallbackAdapter ? 'a fallback adapter' : undefined;
}

export interface DeviceChoice {
  device: WebDevice;
  /** For a person: why this device. */
  reason: string;
  /** True when the choice went against an explicit or automatic wish for WebGPU. */
  fellBack: boolean;
  /** Time the probe on both devices and keep the faster one that agrees ('auto' on a real GPU). */
  race: boolean;
}

export function chooseDevice(gpu: GpuReport, preference: DevicePreference = 'auto'): DeviceChoice {
  if (preference === 'wasm') return { device: 'wasm', reason: 'WASM chosen by the user', fellBack: false, race: false };
  const wanted = preference === 'webgpu' ? 'WebGPU was asked for' : 'WebGPU preferred';
  if (!gpu.api)
    return { device: 'wasm', reason: `${wanted}, but this browser has no WebGPU (navigator.gpu is missing): using WASM`, fellBack: true, race: false };
  if (!gpu.adapter) {
    const why = gpu.error ? `requesting a WebGPU adapter failed (${gpu.error})` : 'no WebGPU adapter is available';
    return { device: 'wasm', reason: `${wanted}, but ${why}: using WASM`, fellBack: true, race: false };
  }
  if (gpu.software) {
    const what = `software adapter (${gpu.software})`;
    // An emulated GPU runs the model on the CPU, far slower than WASM (11 min against 4 s measured).
    return preference === 'webgpu'
      ? {
          device: 'webgpu',
          reason: `WebGPU chosen by the user, on a ${what} that emulates a GPU on the CPU (usually much slower than WASM)`,
          fellBack: false,
          race: false,
        }
      : {
          device: 'wasm',
          reason: `the only WebGPU adapter is a ${what} that emulates a GPU on the CPU: using WASM (choose WebGPU to use it anyway)`,
          fellBack: true,
          race: false,
        };
  }
  return preference === 'webgpu'
    ? { device: 'webgpu', reason: 'WebGPU chosen by the user', fellBack: false, race: false }
    : { device: 'webgpu', reason: 'a WebGPU adapter is available', fellBack: false, race: true };
}

/** Probe timings (warm: after a first run that compiles shaders) on both devices, same dtype. */
export interface ProbeTiming {
  webgpuMs: number;
  wasmMs: number;
}

/**
 * After the probe agreed: on 'auto', the faster device wins; an explicit WebGPU stays. Both ran
 * the same dtype, and WASM's own choice (q8) is usually faster still, so WASM winning is safe.
 */
export function judgeSpeed(timing: ProbeTiming, race: boolean): { device: WebDevice; message: string } {
  const figures = `WebGPU ${timing.webgpuMs.toFixed(0)} ms, WASM ${timing.wasmMs.toFixed(0)} ms on the probe sentences`;
  if (!race) return { device: 'webgpu', message: figures };
  return timing.wasmMs < timing.webgpuMs
    ? { device: 'wasm', message: `WASM is faster here (${figures}): using WASM` }
    : { device: 'webgpu', message: `WebGPU is faster here (${figures})` };
}

// The dtype rules (sizes, external data, never q8 on WebGPU) live in dtype-policy.ts.
export { chooseDtype, dtypeRefusal, dtypeRefusals, WASM_MAX_MODEL_MB, type DtypeChoice } from './dtype-policy';

/** Below this cosine between WebGPU and WASM on a probe sentence, WebGPU is not trusted. */
export const PROBE_MIN_COSINE = 0.99;

/** Sentences embedded on both backends before trusting WebGPU: several scripts and lengths. */
export const PROBE_SENTENCES: readonly string[] = [
  'The river flows through the old city.',
  'Der Fluss fließt durch die alte Stadt.',
  '河流穿过古老的城市。',
  'النهر يتدفق عبر المدينة القديمة.',
  'แม่น้ำไหลผ่านเมืองเก่า',
  'नदी पुराने शहर से होकर बहती है।',
];

/** The lowest row-wise cosine of two row-major matrices with the same shape. */
export function lowestRowCosine(a: Float32Array, b: Float32Array, dim: number): number {
  if (a.length !== b.length) throw new Error(`probe outputs differ in size (${a.length} vs ${b.length})`);
  let lowest = 1;
  for (let off = 0; off < a.length; off += dim) {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let j = 0; j < dim; j++) {
      ab += a[off + j] * b[off + j];
      aa += a[off + j] * a[off + j];
      bb += b[off + j] * b[off + j];
    }
    // A NaN anywhere (fp16 overflow) must fail the probe, not slip through a comparison.
    if (Number.isNaN(ab + aa + bb)) return -1;
    lowest = Math.min(lowest, aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : 0);
  }
  return lowest;
}

export function judgeProbe(lowestCosine: number): { trusted: boolean; message: string } {
  const shown = lowestCosine.toFixed(4);
  return lowestCosine >= PROBE_MIN_COSINE
    ? { trusted: true, message: `WebGPU agrees with WASM on the probe sentences (lowest cosine ${shown})` }
    : { trusted: false, message: `WebGPU disagrees with WASM on the probe sentences (lowest cosine ${shown} < ${PROBE_MIN_COSINE}): using WASM` };
}

/** Whether an error means the GPU device went away (driver reset, device.destroy(), lost context). */
export function isDeviceLostError(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /device (was |is |has been )?lost|GPUDevice.*lost|lost.*GPUDevice|DXGI_ERROR_DEVICE|context lost|Device is destroyed|device destroyed/i.test(text);
}

/** WASM threads: every core when the page is cross-origin isolated (SharedArrayBuffer), else 1. */
export function chooseThreads(crossOriginIsolated: boolean, hardwareConcurrency: number | undefined, override?: number): { threads: number; reason: string } {
  if (!crossOriginIsolated) return { threads: 1, reason: 'the page is not cross-origin isolated (no COOP/COEP headers), so WASM runs on one thread' };
  const cores = Math.max(1, hardwareConcurrency ?? 1);
  if (override !== undefined && override >= 1)
    return { threads: Math.min(Math.floor(override), cores), reason: `${Math.min(Math.floor(override), cores)} WASM threads (chosen)` };
  return { threads: cores, reason: `${cores} WASM threads (cross-origin isolated)` };
}
