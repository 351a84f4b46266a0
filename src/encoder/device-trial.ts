/**
 * The WebGPU trial the worker runs before trusting a GPU: the probe sentences on WebGPU and on
 * WASM with the same dtype, compared row by row (wrong numbers come without errors) and timed warm
 * (the first WebGPU run compiles shaders), so 'auto' keeps the faster device that agrees.
 */
import { judgeProbe, judgeSpeed, lowestRowCosine, PROBE_SENTENCES, type WebDevice } from './device-policy';
import type { ModelEntry } from './model-registry';
import { embedTexts, type Extractor } from './pipeline-embedder';

export interface TrialVerdict {
  /** Where the model should run; 'wasm' also when WebGPU disagreed. */
  device: WebDevice;
  /** Reasons for a person, in order. */
  messages: string[];
  /** Set when WebGPU is not trusted (disagreement); a fallback notice. */
  distrust?: string;
  probeCosine: number;
}

/** Embeds the probe twice and returns the rows of the first run and the time of the second. */
async function timedProbe(extractor: Extractor, entry: ModelEntry): Promise<{ rows: Float32Array; dim: number; ms: number }> {
  const first = await embedTexts(extractor, entry, PROBE_SENTENCES, 'passage');
  const started = performance.now();
  await embedTexts(extractor, entry, PROBE_SENTENCES, 'passage');
  return { rows: first.rows, dim: first.dim, ms: performance.now() - started };
}

/**
 * `race`: on 'auto', the faster of the two wins when they agree; an explicit WebGPU choice only
 * checks agreement. `loadReference` builds the WASM pipeline with the WebGPU one's dtype.
 */
export async function tryWebGpu(gpu: Extractor, loadReference: () => Promise<Extractor>, entry: ModelEntry, race: boolean): Promise<TrialVerdict> {
  const onGpu = await timedProbe(gpu, entry);
  const reference = await loadReference();
  try {
    const onWasm = await timedProbe(reference, entry);
    const probeCosine = lowestRowCosine(onGpu.rows, onWasm.rows, onGpu.dim);
    const agreement = judgeProbe(probeCosine);
    if (!agreement.trusted) return { device: 'wasm', messages: [agreement.message], distrust: agreement.message, probeCosine };
    const speed = judgeSpeed({ webgpuMs: onGpu.ms, wasmMs: onWasm.ms }, race);
    return { device: speed.device, messages: [agreement.message, speed.message], probeCosine };
  } finally {
    await reference.dispose?.().catch(() => undefined);
  }
}
