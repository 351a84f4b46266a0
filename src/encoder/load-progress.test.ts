import { describe, expect, it } from 'vitest';
import { createProgressTracker } from './load-progress';

describe('createProgressTracker', () => {
  it('gives one byte-weighted figure over all files, with per-file detail', () => {
    const t = createProgressTracker({ 'onnx/model_quantized.onnx': 900 });
    t.update({ status: 'initiate', file: 'config.json' });
    t.update({ status: 'initiate', file: 'onnx/model_quantized.onnx' });
    t.update({ status: 'progress', file: 'config.json', loaded: 100, total: 100 });
    t.update({ status: 'done', file: 'config.json' });
    const p = t.update({ status: 'progress', file: 'onnx/model_quantized.onnx', loaded: 450, total: 900 })!;
    expect(p.fraction).toBeCloseTo(550 / 1000);
    expect(p.totalBytes).toBe(1000);
    expect(p.files).toEqual([
      { file: 'config.json', loaded: 100, total: 100, done: true },
      { file: 'onnx/model_quantized.onnx', loaded: 450, total: 900, done: false },
    ]);
  });

  it('counts a file not started yet at its expected size, so the bar never jumps back', () => {
    const t = createProgressTracker({ 'onnx/model.onnx': 1000 });
    t.update({ status: 'progress_total', files: { 'tokenizer.json': { loaded: 50, total: 100 }, 'onnx/model.onnx': { loaded: 0, total: 0 } } });
    expect(t.snapshot().fraction).toBeCloseTo(50 / 1100);
  });

  it('reaches 1 when every file is done, and reports the stage', () => {
    const t = createProgressTracker();
    t.update({ status: 'initiate', file: 'a' });
    expect(t.update({ status: 'done', file: 'a' })!.fraction).toBe(1);
    expect(t.setStage('probe').stage).toBe('probe');
    expect(t.update({ status: 'ready' })).toBeNull();
  });
});
