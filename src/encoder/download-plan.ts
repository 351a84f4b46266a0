/**
 * What loading a model would download, decided before anything is fetched: the device and dtype
 * the policy would choose (and why), the files and their size, and whether to ask first. The
 * set-up panel shows it as the model's card.
 */
import { chooseDevice, chooseDtype, type DevicePreference, type GpuReport, type WebDevice } from './device-policy';
import { type Dtype, type ModelEntry } from './model-registry';
import { requiredFilesFor } from './model-files';

/** Downloads larger than this ask before they start. */
export const ASK_ABOVE_MB = 500;

export interface DownloadPlan {
  device: WebDevice;
  deviceReason: string;
  dtype: Dtype;
  dtypeReason: string;
  /** Files the load reads (the model's ONNX file(s) plus config and tokenizer). */
  files: string[];
  /** Approximate download in MB (1e6 bytes) for the chosen dtype. */
  approxMB: number;
  /** True when the download is over ASK_ABOVE_MB: the person agrees first. */
  askFirst: boolean;
  /** Set when WebGPU's final say waits for the probe (agreement and speed against WASM). */
  probeNote?: string;
}

export function planDownload(entry: ModelEntry, gpu: GpuReport, preference: DevicePreference = 'auto', dtypeOverride: Dtype | 'auto' = 'auto'): DownloadPlan {
  let device = chooseDevice(gpu, preference);
  const available = Object.keys(entry.dtypes) as Dtype[];
  let choice;
  try {
    choice = chooseDtype(device.device, available, gpu, dtypeOverride, entry.dtypes);
  } catch (e) {
    // No dtype WebGPU can run: the worker falls back to WASM, and so does the plan.
    if (device.device !== 'webgpu') throw e;
    device = {
      device: 'wasm',
      reason: `WebGPU cannot run this model (${e instanceof Error ? e.message : String(e)}): using WASM`,
      fellBack: true,
      race: false,
    };
    choice = chooseDtype('wasm', available, gpu, dtypeOverride, entry.dtypes);
  }
  const { dtype, reason } = choice;
  const approxMB = entry.dtypes[dtype]?.approxMB ?? 0;
  const probeNote =
    device.device === 'webgpu'
      ? device.race
        ? 'the probe then keeps WebGPU only if it agrees with WASM and is faster'
        : 'the probe then checks that WebGPU agrees with WASM'
      : undefined;
  return {
    device: device.device,
    deviceReason: device.reason,
    dtype,
    dtypeReason: reason,
    files: requiredFilesFor(entry, dtype),
    approxMB,
    askFirst: approxMB > ASK_ABOVE_MB,
    probeNote,
  };
}

/** "118 MB", "1.12 GB", "<1 MB". */
export function formatMB(mb: number): string {
  if (mb < 1) return '<1 MB';
  return mb >= 1000 ? `${(mb / 1000).toFixed(2)} GB` : `${Math.round(mb)} MB`;
}
