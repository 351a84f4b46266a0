import { describe, expect, it } from 'vitest';
import { cachedFilesOf, hubFileUrl } from './model-file-cache';
import { findModel } from './model-registry';

const e5large = findModel('Xenova/multilingual-e5-large')!;

describe('cachedFilesOf: what of a download the browser cache already holds', () => {
  it('counts the files of the chosen dtype found in the listing, and names the rest as still to download', () => {
    const listing = [
      { url: hubFileUrl(e5large, 'config.json'), bytes: 700 },
      { url: hubFileUrl(e5large, 'tokenizer.json'), bytes: 17_000_000 },
      // Another dtype's file and another model's file do not count for this download.
      { url: hubFileUrl(e5large, 'onnx/model_fp16.onnx'), bytes: 1_100_000_000 },
      { url: hubFileUrl(findModel('Xenova/LaBSE')!, 'config.json'), bytes: 650 },
    ];
    const q8 = cachedFilesOf(listing, e5large, 'q8');
    expect(q8.cached).toEqual([
      { file: 'config.json', bytes: 700 },
      { file: 'tokenizer.json', bytes: 17_000_000 },
    ]);
    expect(q8.cachedBytes).toBe(17_000_700);
    expect(q8.missing).toContain('onnx/model_quantized.onnx');
    expect(q8.missing).not.toContain('onnx/model_fp16.onnx');
  });

  it('includes external data, and keys files by the host they came from', () => {
    const host = 'http://localhost:8123';
    const listing = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'onnx/model.onnx', 'onnx/model.onnx_data'].map(
      (file) => ({ url: hubFileUrl(e5large, file, host), bytes: 10 }),
    );
    expect(cachedFilesOf(listing, e5large, 'fp32', host).missing).toEqual([]);
    expect(cachedFilesOf(listing, e5large, 'fp32').cached).toEqual([]);
  });
});
