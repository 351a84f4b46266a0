import { describe, expect, it } from 'vitest';
import type { GpuReport } from './device-policy';
import { ASK_ABOVE_MB, formatMB, planDownload } from './download-plan';
import { findModel } from './model-registry';

const noGpu: GpuReport = { api: true, adapter: false, shaderF16: false };
const swiftshader: GpuReport = { api: true, adapter: true, shaderF16: false, software: 'SwiftShader' };
const realGpu: GpuReport = { api: true, adapter: true, shaderF16: true };
const e5 = findModel('Xenova/multilingual-e5-small')!;
const labse = findModel('Xenova/LaBSE')!;

describe('planDownload', () => {
  it('plans q8 on WASM without a GPU, with its size and files, and asks nothing for a small model', () => {
    const plan = planDownload(e5, noGpu);
    expect(plan).toMatchObject({ device: 'wasm', dtype: 'q8', approxMB: e5.dtypes.q8!.approxMB, askFirst: false, probeNote: undefined });
    expect(plan.dtypeReason).toBe('q8 on WASM (q8 is the fast choice on WASM)');
    expect(plan.files).toContain(e5.dtypes.q8!.file);
    expect(plan.files).toContain('tokenizer.json');
  });

  it('plans WASM on a software adapter and says why; WebGPU when the user chose it', () => {
    expect(planDownload(e5, swiftshader).deviceReason).toMatch(/software adapter \(SwiftShader\)/);
    expect(planDownload(e5, swiftshader, 'webgpu')).toMatchObject({ device: 'webgpu', probeNote: 'the probe then checks that WebGPU agrees with WASM' });
  });

  it('plans the WebGPU dtype on a real GPU, pending the probe', () => {
    const plan = planDownload(e5, realGpu);
    expect(plan).toMatchObject({ device: 'webgpu', dtype: 'fp16', approxMB: e5.dtypes.fp16!.approxMB });
    expect(plan.probeNote).toMatch(/agrees with WASM and is faster/);
  });

  it('plans WASM when the model has no dtype WebGPU can run (never q8 on WebGPU)', () => {
    const q8Only = { ...e5, dtypes: { q8: e5.dtypes.q8! } };
    const plan = planDownload(q8Only, realGpu);
    expect(plan).toMatchObject({ device: 'wasm', dtype: 'q8' });
    expect(plan.deviceReason).toMatch(/^WebGPU cannot run this model \(.*\): using WASM$/);
  });

  it(`asks first above ${ASK_ABOVE_MB} MB`, () => {
    const fp16 = planDownload(labse, realGpu);
    expect(fp16.approxMB).toBeGreaterThan(ASK_ABOVE_MB);
    expect(fp16.askFirst).toBe(true);
  });
});

describe('formatMB', () => {
  it('reads as a person would write it', () => {
    expect(formatMB(0.3)).toBe('<1 MB');
    expect(formatMB(118.4)).toBe('118 MB');
    expect(formatMB(1120)).toBe('1.12 GB');
  });
});
