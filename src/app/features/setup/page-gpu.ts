/** The page's view of WebGPU, asked once: the model card and the consent check plan with it. */
import type { GpuReport } from '../../../encoder/device-policy';
import { probeWebGpu } from '../../../encoder/gpu-report';

let report: Promise<GpuReport> | null = null;

export function pageGpuReport(): Promise<GpuReport> {
  report ??= probeWebGpu();
  return report;
}
