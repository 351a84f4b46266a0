/**
 * Which dtype (which ONNX file) to run on a device, as a pure decision. Rules and why
 * (shared/reference/models.md): q8 (MatMulInteger, DynamicQuantizeLinear) falls back to the CPU
 * under WebGPU and runs slower than WASM, so never q8 on WebGPU; fp16 and q4f16 need the
 * adapter's shader-f16; WASM has a 4 GB address space and a session holds the weights more than
 * once while it builds, so files over WASM_MAX_MODEL_MB (fp32 of the large models, kept in
 * external data) are never offered there.
 */
import type { GpuReport, WebDevice } from './device-policy';
import type { Dtype, ModelEntry } from './model-registry';

/** Largest model (graph + external data, MB) offered on WASM. */
export const WASM_MAX_MODEL_MB = 2000;

export interface DtypeChoice {
  dtype: Dtype;
  reason: string;
}

const WASM_ORDER: readonly Dtype[] = ['q8', 'fp32', 'fp16'];
const WEBGPU_F16_ORDER: readonly Dtype[] = ['fp16', 'q4f16', 'fp32'];
const WEBGPU_ORDER: readonly Dtype[] = ['fp32'];

/** Why a dtype cannot run on this device, or null when it can. */
export function dtypeRefusal(device: WebDevice, dtype: Dtype, gpu: GpuReport, files?: ModelEntry['dtypes']): string | null {
  if (device === 'webgpu') {
    if (dtype === 'q8') return 'q8 runs slower on WebGPU than on WASM (its int8 MatMulInteger nodes fall back to the CPU)';
    if ((dtype === 'fp16' || dtype === 'q4f16') && !gpu.shaderF16) return `${dtype} needs the WebGPU adapter's 'shader-f16' feature, which this adapter lacks`;
    return null;
  }
  if (dtype === 'q4f16') return 'q4f16 is a WebGPU format (4-bit weights, fp16 arithmetic); WASM runs q8, fp32 or fp16';
  const mb = files?.[dtype]?.approxMB;
  if (mb !== undefined && mb > WASM_MAX_MODEL_MB) {
    const where = files?.[dtype]?.externalData?.length ? ' (weights in external data)' : '';
    return `${dtype} is ${(mb / 1000).toFixed(2)} GB${where}: WASM has a 4 GB address space and a session needs the weights more than once while it builds, so WASM takes models up to ${WASM_MAX_MODEL_MB / 1000} GB`;
  }
  return null;
}

/** Every dtype the model has that this device will not run, with why (for the set-up panel). */
export function dtypeRefusals(device: WebDevice, available: readonly Dtype[], gpu: GpuReport, files?: ModelEntry['dtypes']): DtypeChoice[] {
  return available.flatMap((dtype) => {
    const reason = dtypeRefusal(device, dtype, gpu, files);
    return reason ? [{ dtype, reason }] : [];
  });
}

/**
 * q8 on WASM; on WebGPU fp16 (then q4f16) when the adapter has shader-f16, else fp32. A user's
 * dtype wins when the model has it and the device can run it; otherwise the automatic choice,
 * with the reason. `files` (sizes) keeps over-large files off WASM. Throws when the model has
 * nothing this device can run (WebGPU with q8 only, WASM with q4f16 or huge files only).
 */
export function chooseDtype(
  device: WebDevice,
  available: readonly Dtype[],
  gpu: GpuReport,
  override: Dtype | 'auto' = 'auto',
  files?: ModelEntry['dtypes'],
): DtypeChoice {
  if (available.length === 0) throw new Error('the model lists no ONNX files');
  const on = device === 'wasm' ? 'WASM' : 'WebGPU';
  const order = device === 'wasm' ? WASM_ORDER : gpu.shaderF16 ? WEBGPU_F16_ORDER : WEBGPU_ORDER;
  const auto = order.find((d) => available.includes(d) && !dtypeRefusal(device, d, gpu, files));
  if (override !== 'auto') {
    if (!available.includes(override)) throw new Error(`dtype ${override} is not available for this model (it has ${available.join(', ')})`);
    const refusal = dtypeRefusal(device, override, gpu, files);
    if (!refusal) return { dtype: override, reason: `${override} chosen by the user` };
    if (!auto) throw new Error(`${override} was asked for, but ${refusal}; this model has no other dtype ${on} can run`);
    return { dtype: auto, reason: `${override} was asked for, but ${refusal}: using ${auto}` };
  }
  if (!auto) {
    const why = dtypeRefusals(device, available, gpu, files)
      .map((r) => r.reason)
      .join('; ');
    throw new Error(`this model has no dtype ${on} can run (${why})${device === 'webgpu' ? ': use WASM' : ''}`);
  }
  // On WebGPU the f16 formats the model has are named with why they were passed over (no shader-f16).
  const preferred = device === 'webgpu' ? WEBGPU_F16_ORDER : order;
  const skipped = dtypeRefusals(
    device,
    preferred.filter((d) => preferred.indexOf(d) < preferred.indexOf(auto) && available.includes(d)),
    gpu,
    files,
  );
  const why = device === 'wasm' ? 'q8 is the fast choice on WASM' : gpu.shaderF16 ? "the adapter has 'shader-f16'" : "the adapter lacks 'shader-f16'";
  const also = skipped.map((s) => `; not ${s.dtype}: ${s.reason}`).join('');
  return { dtype: auto, reason: `${auto} on ${on} (${why})${also}` };
}
