import { describe, expect, it } from 'vitest';
import {
  chooseDevice,
  chooseDtype,
  chooseThreads,
  isDeviceLostError,
  judgeProbe,
  judgeSpeed,
  lowestRowCosine,
  softwareAdapterName,
  type GpuReport,
} from './device-policy';

const noApi: GpuReport = { api: false, adapter: false, shaderF16: false };
const noAdapter: GpuReport = { api: true, adapter: false, shaderF16: false };
const gpu: GpuReport = { api: true, adapter: true, shaderF16: false };
const gpuF16: GpuReport = { api: true, adapter: true, shaderF16: true };

describe('chooseDevice', () => {
  it('takes WebGPU when an adapter exists, else WASM with a reason a person can read', () => {
    expect(chooseDevice(gpu)).toMatchObject({ device: 'webgpu', fellBack: false });
    const none = chooseDevice(noApi);
    expect(none).toMatchObject({ device: 'wasm', fellBack: true });
    expect(none.reason).toMatch(/no WebGPU.*using WASM/);
    expect(chooseDevice(noAdapter).reason).toMatch(/no WebGPU adapter/);
    expect(chooseDevice({ ...noAdapter, error: 'blocked' }).reason).toMatch(/failed \(blocked\)/);
  });

  it('follows the user: WASM always, WebGPU only when it exists', () => {
    expect(chooseDevice(gpuF16, 'wasm')).toMatchObject({ device: 'wasm', fellBack: false });
    expect(chooseDevice(gpu, 'webgpu')).toMatchObject({ device: 'webgpu', reason: 'WebGPU chosen by the user' });
    expect(chooseDevice(noApi, 'webgpu')).toMatchObject({ device: 'wasm', fellBack: true });
  });

  it('races WebGPU against WASM only on auto with a real GPU', () => {
    expect(chooseDevice(gpu).race).toBe(true);
    expect(chooseDevice(gpu, 'webgpu').race).toBe(false);
    expect(chooseDevice(gpu, 'wasm').race).toBe(false);
  });

  it('does not trust a software adapter on auto, but runs on it when the user chooses WebGPU', () => {
    const swiftshader: GpuReport = { ...gpu, software: 'SwiftShader' };
    const auto = chooseDevice(swiftshader);
    expect(auto).toMatchObject({ device: 'wasm', fellBack: true, race: false });
    expect(auto.reason).toBe(
      'the only WebGPU adapter is a software adapter (SwiftShader) that emulates a GPU on the CPU: using WASM (choose WebGPU to use it anyway)',
    );
    const chosen = chooseDevice(swiftshader, 'webgpu');
    expect(chosen).toMatchObject({ device: 'webgpu', fellBack: false, race: false });
    expect(chosen.reason).toMatch(/^WebGPU chosen by the user, on a software adapter \(SwiftShader\)/);
  });
});

describe('softwareAdapterName', () => {
  it("names Chromium's SwiftShader from its adapter info, and other CPU renderers by name", () => {
    // What headless Chromium here reports (adapter.info).
    expect(softwareAdapterName({ vendor: 'google', architecture: 'swiftshader', device: '', description: '', isFallbackAdapter: true })).toBe('SwiftShader');
    expect(softwareAdapterName({ vendor: 'google', architecture: 'swiftshader' })).toBe('SwiftShader');
    expect(softwareAdapterName({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe('llvmpipe');
    expect(softwareAdapterName({ vendor: 'microsoft', description: 'Microsoft Basic Render Driver' })).toBe('Microsoft WARP');
    expect(softwareAdapterName({ vendor: 'unknown', isFallbackAdapter: true })).toBe('a fallback adapter');
  });

  it('leaves real GPUs alone', () => {
    expect(softwareAdapterName({ vendor: 'nvidia', architecture: 'ampere', isFallbackAdapter: false })).toBeUndefined();
    expect(softwareAdapterName({ vendor: 'apple', architecture: 'metal-3' })).toBeUndefined();
    expect(softwareAdapterName({})).toBeUndefined();
  });
});

describe('judgeSpeed', () => {
  it('keeps the faster device on auto and says both times', () => {
    expect(judgeSpeed({ webgpuMs: 120, wasmMs: 30 }, true)).toEqual({
      device: 'wasm',
      message: 'WASM is faster here (WebGPU 120 ms, WASM 30 ms on the probe sentences): using WASM',
    });
    expect(judgeSpeed({ webgpuMs: 8, wasmMs: 30 }, true)).toEqual({
      device: 'webgpu',
      message: 'WebGPU is faster here (WebGPU 8 ms, WASM 30 ms on the probe sentences)',
    });
  });

  it('keeps WebGPU when the user chose it, slower or not', () => {
    expect(judgeSpeed({ webgpuMs: 120, wasmMs: 30 }, false).device).toBe('webgpu');
  });
});

describe('chooseDtype', () => {
  const all = ['fp32', 'fp16', 'q8'] as const;
  it('q8 on WASM, fp16 on WebGPU with shader-f16, fp32 on WebGPU without', () => {
    expect(chooseDtype('wasm', all, noApi).dtype).toBe('q8');
    expect(chooseDtype('webgpu', all, gpuF16).dtype).toBe('fp16');
    expect(chooseDtype('webgpu', all, gpu).dtype).toBe('fp32');
  });

  it('uses what the model has', () => {
    expect(chooseDtype('wasm', ['fp32'], noApi).dtype).toBe('fp32');
    expect(() => chooseDtype('webgpu', ['q8'], gpu)).toThrow(/no dtype WebGPU can run \(q8 runs slower on WebGPU than on WASM.*\): use WASM/);
    expect(() => chooseDtype('wasm', [], noApi)).toThrow(/no ONNX files/);
  });

  it('honours an override, except fp16 on an adapter without shader-f16', () => {
    expect(chooseDtype('wasm', all, noApi, 'fp32')).toEqual({ dtype: 'fp32', reason: 'fp32 chosen by the user' });
    const f16 = chooseDtype('webgpu', all, gpu, 'fp16');
    expect(f16.dtype).toBe('fp32');
    expect(f16.reason).toMatch(/shader-f16/);
    expect(chooseDtype('webgpu', all, gpuF16, 'fp16').dtype).toBe('fp16');
    expect(() => chooseDtype('wasm', ['fp32'], noApi, 'q8')).toThrow('dtype q8 is not available for this model (it has fp32)');
  });
});

describe('probe comparison', () => {
  it('finds the worst row and rejects below 0.99', () => {
    const a = Float32Array.from([1, 0, 0, 1]);
    const b = Float32Array.from([1, 0, 0.2, 0.98]);
    const low = lowestRowCosine(a, b, 2);
    expect(low).toBeCloseTo(0.98 / Math.hypot(0.2, 0.98), 6);
    expect(judgeProbe(low)).toMatchObject({ trusted: false });
    expect(judgeProbe(low).message).toMatch(/disagrees.*using WASM/);
    expect(judgeProbe(0.995).trusted).toBe(true);
  });

  it('treats NaN output (fp16 overflow) as a failed probe', () => {
    expect(lowestRowCosine(Float32Array.from([1, 0]), Float32Array.from([NaN, 0]), 2)).toBe(-1);
    expect(() => lowestRowCosine(new Float32Array(2), new Float32Array(4), 2)).toThrow(/differ in size/);
  });
});

describe('isDeviceLostError', () => {
  it('recognises lost-device messages and nothing else', () => {
    expect(isDeviceLostError(new Error('GPUDevice was lost: destroyed'))).toBe(true);
    expect(isDeviceLostError('Device is lost (reason: unknown)')).toBe(true);
    expect(isDeviceLostError(new Error('DXGI_ERROR_DEVICE_REMOVED'))).toBe(true);
    expect(isDeviceLostError(new Error('input ids out of range'))).toBe(false);
  });
});

describe('chooseThreads', () => {
  it('uses every core only when cross-origin isolated', () => {
    expect(chooseThreads(false, 8).threads).toBe(1);
    expect(chooseThreads(false, 8).reason).toMatch(/not cross-origin isolated/);
    expect(chooseThreads(true, 8).threads).toBe(8);
    expect(chooseThreads(true, 8, 2).threads).toBe(2);
    expect(chooseThreads(true, 2, 16).threads).toBe(2);
    expect(chooseThreads(true, undefined).threads).toBe(1);
  });
});
