import { describe, expect, it } from 'vitest';
import { findModel } from './model-registry';
import { explainLoadError, MissingModelFileError } from './model-source';

const entry = findModel('Xenova/multilingual-e5-small')!;

describe('explainLoadError', () => {
  it("names the missing file from transformers.js' not-found message", () => {
    const e = explainLoadError(
      new Error(
        '`local_files_only=true` or `env.allowRemoteModels=false` and file was not found locally at "/models/Xenova/multilingual-e5-small/onnx/model_quantized.onnx".',
      ),
      { type: 'served' },
      entry,
    );
    expect(e).toBeInstanceOf(MissingModelFileError);
    expect(e.message).toBe(
      "multilingual-e5-small: onnx/model_quantized.onnx is missing from the app's models folder (/models/Xenova/multilingual-e5-small/onnx/model_quantized.onnx)",
    );
    expect((e as MissingModelFileError).file).toBe('onnx/model_quantized.onnx');
    const tok = explainLoadError(
      new Error('file was not found locally at "/__picked-model__/3/tokenizer.json".'),
      { type: 'files', name: 'e5', files: {} },
      entry,
    );
    expect(tok.message).toBe('multilingual-e5-small: tokenizer.json is missing from the picked folder "e5"');
  });

  it('passes other errors through unchanged', () => {
    const other = new Error('Aborted()');
    expect(explainLoadError(other, { type: 'hub' }, entry)).toBe(other);
  });
});
