/**
 * What WebGPU this browser offers, for the device policy: in the worker before a load, and on the
 * page for the set-up panel's model card (which device and dtype a load would choose, and why).
 */
import { softwareAdapterName, type AdapterFacts, type GpuReport } from './device-policy';

interface GpuAdapterLike {
  features: { has(name: string): boolean };
  isFallbackAdapter?: boolean;
  info?: AdapterFacts;
}

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> };
}

export async function probeWebGpu(): Promise<GpuReport> {
  const gpu = (globalThis.navigator as unknown as GpuNavigator | undefined)?.gpu;
  if (!gpu) return { api: false, adapter: false, shaderF16: false };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { api: true, adapter: false, shaderF16: false };
    // GPUAdapterInfo's fields are prototype getters: a spread would copy nothing.
    const info = adapter.info;
    const software = softwareAdapterName({
      vendor: info?.vendor,
      architecture: info?.architecture,
      device: info?.device,
      description: info?.description,
      // isFallbackAdapter moved from the adapter to adapter.info; older browsers have neither.
      isFallbackAdapter: info?.isFallbackAdapter ?? adapter.isFallbackAdapter,
    });
    return { api: true, adapter: true, shaderF16: adapter.features.has('shader-f16'), software };
  } catch (e) {
    return { api: true, adapter: false, shaderF16: false, error: e instanceof Error ? e.message : String(e) };
  }
}
