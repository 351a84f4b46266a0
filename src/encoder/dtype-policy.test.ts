import { describe, expect, it } from 'vitest';
import type { GpuReport } from './device-policy';
import { chooseDtype, dtypeRefusals, WASM_MAX_MODEL_MB } from './dtype-policy';
import { findModel } from './model-registry';

const gpu: GpuReport = { api: true, adapter: true, shaderF16: false };
const gpuF16: GpuReport = { api: true, adapter: true, shaderF16: true };
const none: GpuReport = { api: false, adapter: false, shaderF16: false };

describe('chooseDtype with sizes and external data', () => {
  const e5Large = findModel('Xenova/multilingual-e5-large')!;
  const arcticL = findModel('Snowflake/snowflake-arctic-embed-l-v2.0')!;

  it('never offers fp32 over 2 GB on WASM, and says why', () => {
    const asked = chooseDtype('wasm', ['fp32', 'q8'], none, 'fp32', e5Large.dtypes);
    expect(asked.dtype).toBe('q8');
    expect(asked.reason).toBe(
      `fp32 was asked for, but fp32 is 2.24 GB (weights in external data): WASM has a 4 GB address space and a session needs the weights more than once while it builds, so WASM takes models up to ${WASM_MAX_MODEL_MB / 1000} GB: using q8`,
    );
    expect(() => chooseDtype('wasm', ['fp32'], none, 'auto', e5Large.dtypes)).toThrow(/no dtype WASM can run \(fp32 is 2.24 GB/);
    expect(dtypeRefusals('wasm', ['q8', 'fp16', 'fp32'], none, e5Large.dtypes).map((r) => r.dtype)).toEqual(['fp32']);
    // A small model's fp32 is fine on WASM.
    expect(chooseDtype('wasm', ['fp32', 'q8'], none, 'fp32', findModel('Xenova/multilingual-e5-small')!.dtypes).dtype).toBe('fp32');
  });

  it('never runs q8 on WebGPU: an asked-for q8 is replaced, with the reason', () => {
    const r = chooseDtype('webgpu', ['q8', 'fp32'], gpu, 'q8');
    expect(r.dtype).toBe('fp32');
    expect(r.reason).toMatch(/^q8 was asked for, but q8 runs slower on WebGPU than on WASM .*: using fp32$/);
  });

  it('q4f16 only on WebGPU with shader-f16, where the files exist', () => {
    const all = Object.keys(arcticL.dtypes) as (keyof typeof arcticL.dtypes)[];
    expect(all).toContain('q4f16');
    expect(chooseDtype('webgpu', all, gpuF16, 'q4f16', arcticL.dtypes).dtype).toBe('q4f16');
    expect(chooseDtype('webgpu', all, gpuF16, 'auto', arcticL.dtypes).dtype).toBe('fp16');
    expect(chooseDtype('webgpu', ['q8', 'q4f16'], gpuF16).dtype).toBe('q4f16');
    const noF16 = chooseDtype('webgpu', all, gpu, 'q4f16', arcticL.dtypes);
    expect(noF16).toMatchObject({ dtype: 'fp32' });
    expect(noF16.reason).toMatch(/q4f16 needs the WebGPU adapter's 'shader-f16'/);
    // Not asked for: the automatic choice still says why the f16 files were passed over.
    const auto = chooseDtype('webgpu', all, gpu, 'auto', arcticL.dtypes);
    expect(auto.dtype).toBe('fp32');
    expect(auto.reason).toBe(
      "fp32 on WebGPU (the adapter lacks 'shader-f16'); not fp16: fp16 needs the WebGPU adapter's 'shader-f16' feature, which this adapter lacks; " +
        "not q4f16: q4f16 needs the WebGPU adapter's 'shader-f16' feature, which this adapter lacks",
    );
    expect(chooseDtype('wasm', all, none, 'q4f16', arcticL.dtypes).reason).toMatch(/q4f16 is a WebGPU format.*: using q8/);
    expect(findModel('Xenova/multilingual-e5-base')!.dtypes.q4f16).toBeUndefined();
  });
});
