/** What the environment says about WebGPU (device-policy.ts decides from it). Browser or worker. */
import type { GpuReport } from './device-policy';

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<{ features: { has(name: string): boolean } } | null> };
}

export async function probeWebGpu(): Promise<GpuReport> {
  const gpu = (globalThis.navigator as unknown as GpuNavigator | undefined)?.gpu;
  if (!gpu) return { api: false, adapter: false, shaderF16: false };
  try {
    const adapter = await gpu.requestAdapter();
    return { api: true, adapter: Boolean(adapter), shaderF16: Boolean(adapter?.features.has('shader-f16')) };
  } catch (e) {
    return { api: true, adapter: false, shaderF16: false, error: e instanceof Error ? e.message : String(e) };
  }
}
