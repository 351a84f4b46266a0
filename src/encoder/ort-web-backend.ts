/**
 * The browser's scoring backends: onnxruntime-web in a worker, on WASM (threads and 128-bit SIMD),
 * on WebGPU when the device policy trusts it, or on WebNN (CPU device) where the browser exposes
 * navigator.ml. onnxruntime-web starts once per worker with one runtime build, so the build is
 * fixed by the first backend made here: plain (WASM only) or jsep (WebGPU, WebNN and WASM). The
 * worker entry hands over where this origin serves each build.
 */
import * as ort from 'onnxruntime-web';
import { chooseDevice, type DevicePreference } from './device-policy';
import { createOrtScoreBackend, type OrtLike, type OrtScoreBackend } from './ort-score-backend';
import { probeWebGpu } from './gpu-report';
import type { WasmPaths } from './worker-protocol';

export type ScoreDevice = 'wasm' | 'webgpu' | 'webnn';
export type ScoreBuild = 'plain' | 'jsep';
export type ScoreBuilds = Record<ScoreBuild, WasmPaths>;

// The default onnxruntime-web entry drives WebGPU and WebNN through JSEP, so both need that build.
const BUILD_FOR: Record<ScoreDevice, ScoreBuild> = { wasm: 'plain', webgpu: 'jsep', webnn: 'jsep' };
const LABEL: Record<ScoreDevice, string> = { wasm: 'WASM', webgpu: 'WebGPU', webnn: 'WebNN cpu' };
let started: ScoreBuild | null = null;

/** Sets the runtime build and threads for this worker; a second, different build is refused. */
function start(build: ScoreBuild, builds: ScoreBuilds, threads: number): void {
  if (started && started !== build && build !== 'plain') {
    throw new Error(`onnxruntime-web already started with its ${started} build in this worker; ${build} cannot be loaded beside it`);
  }
  if (started) return;
  ort.env.wasm.wasmPaths = { ...builds[build] };
  ort.env.wasm.numThreads = threads;
  started = build;
}

/** One backend on one device. WASM runs in any build; the others need theirs. */
export function createOrtWebBackend(device: ScoreDevice, builds: ScoreBuilds, threads: number): OrtScoreBackend {
  start(BUILD_FOR[device], builds, threads);
  const provider = device === 'webnn' ? { name: 'webnn', deviceType: 'cpu' } : device;
  return createOrtScoreBackend(ort as unknown as OrtLike, {
    name: `onnxruntime-web (${LABEL[device]}${device === 'wasm' ? `, ${threads} thread${threads === 1 ? '' : 's'}` : ''})`,
    sessionOptions: { executionProviders: [provider] },
  });
}

/** Whether the browser exposes WebNN at all (Chromium only behind a flag so far). */
export function hasWebNn(): boolean {
  return typeof (globalThis.navigator as { ml?: unknown } | undefined)?.ml === 'object';
}

/**
 * The candidates, fastest first, for createProbedBackend: WebGPU then WASM when the device policy
 * picks WebGPU, else WASM alone. `reason` says why, for a person.
 */
export async function webScoreCandidates(
  preference: DevicePreference,
  builds: ScoreBuilds,
  threads: number,
): Promise<{ candidates: OrtScoreBackend[]; reason: string }> {
  const choice = chooseDevice(await probeWebGpu(), preference);
  if (choice.device === 'webgpu') {
    return { candidates: [createOrtWebBackend('webgpu', builds, threads), createOrtWebBackend('wasm', builds, threads)], reason: choice.reason };
  }
  return { candidates: [createOrtWebBackend('wasm', builds, threads)], reason: choice.reason };
}
