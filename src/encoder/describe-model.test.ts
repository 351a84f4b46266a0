import { describe, expect, it } from 'vitest';
import { describeModelFolder, findPresetFor } from './describe-model';

const config = JSON.stringify({ model_type: 'bert', hidden_size: 384, num_hidden_layers: 12, vocab_size: 250037 });

describe('describeModelFolder', () => {
  it('reads the shape from config.json and the dtypes from the ONNX files present', () => {
    const e = describeModelFolder('/m/my-encoder', config, { 'config.json': 10, 'onnx/model_quantized.onnx': 118_000_000, 'onnx/model.onnx': 470_000_000 });
    expect(e).toMatchObject({ id: 'folder:my-encoder', dimensions: 384, layers: 12, vocab: 250037, pooling: 'mean', prefixes: { query: '', passage: '' } });
    expect(Object.keys(e.dtypes).sort()).toEqual(['fp32', 'q8']);
    expect(e.dtypes.q8!.approxMB).toBe(118);
  });

  it('takes pooling and prefixes from a registry preset with the same folder name', () => {
    const preset = findPresetFor('/downloads/multilingual-e5-small/');
    expect(preset?.id).toBe('Xenova/multilingual-e5-small');
    const e = describeModelFolder('multilingual-e5-small', config, {}, preset);
    expect(e.prefixes.query).toBe('query: ');
    expect(e.id).toBe('folder:multilingual-e5-small');
    expect(findPresetFor('LaBSE')?.pooling).toBe('pooler');
    // A user's feature-extraction export of a raw model gets the baseline preset.
    expect(findPresetFor('/exports/xlm-roberta-base')).toMatchObject({ kind: 'baseline', pooling: 'mean' });
    expect(findPresetFor('xlmr-tiny')?.id).toBe('fixture/xlmr-tiny');
    expect(findPresetFor('something-else')).toBeUndefined();
  });

  it('finds fp32 weights in external data beside the graph', () => {
    const e = describeModelFolder('/m/e5-large', config, {
      'onnx/model.onnx': 500_000,
      'onnx/model.onnx_data': 2_240_000_000,
      'onnx/model_quantized.onnx': 562_000_000,
    });
    expect(e.dtypes.fp32).toEqual({ file: 'onnx/model.onnx', approxMB: 2240.5, externalData: ['onnx/model.onnx_data'] });
    expect(e.dtypes.q8!.externalData).toBeUndefined();
  });

  it('names the file and what was expected when config.json is wrong', () => {
    expect(() => describeModelFolder('/m/x', '{', {})).toThrow(/^\/m\/x\/config.json: not valid JSON/);
    expect(() => describeModelFolder('/m/x', '{"model_type":"t5"}', {})).toThrow("/m/x/config.json: no hidden_size; expected a transformer encoder's config");
  });
});
