import { describe, expect, it } from 'vitest';
import { encoderIdOf, findModel, MODEL_REGISTRY, ONNX_FILE } from './model-registry';
import { externalDataOption, requiredFilesFor } from './model-files';
import { OUT_OF_MENU } from './models-out-of-menu';

describe('MODEL_REGISTRY', () => {
  it('has unique ids, and every hub model is fetched by its own id', () => {
    const ids = MODEL_REGISTRY.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MODEL_REGISTRY.filter((x) => x.hub)) {
      expect(m.hub).toBe(m.id);
      expect(m.local).toBe(m.id);
    }
  });

  it('names files the way transformers.js does, with sizes', () => {
    for (const m of MODEL_REGISTRY) {
      for (const [dtype, f] of Object.entries(m.dtypes)) {
        expect(f!.file).toBe(ONNX_FILE[dtype as keyof typeof ONNX_FILE]);
        expect(f!.approxMB).toBeGreaterThan(0);
      }
      expect(m.dtypes.q8).toBeDefined();
    }
  });

  it('holds the facts that change results: prefixes, pooling, baselines', () => {
    expect(findModel('Xenova/multilingual-e5-small')).toMatchObject({
      dimensions: 384,
      vocab: 250037,
      pooling: 'mean',
      prefixes: { query: 'query: ', passage: 'passage: ' },
    });
    expect(findModel('Xenova/paraphrase-multilingual-MiniLM-L12-v2')!.prefixes).toEqual({ query: '', passage: '' });
    expect(findModel('Xenova/LaBSE')!.pooling).toBe('pooler');
    expect(findModel('Xenova/bge-m3')).toMatchObject({ pooling: 'cls', prefixes: { query: '', passage: '' } });
    expect(findModel('Snowflake/snowflake-arctic-embed-l-v2.0')).toMatchObject({
      pooling: 'cls',
      dimensions: 1024,
      prefixes: { query: 'query: ', passage: '' },
    });
    expect(findModel('Snowflake/snowflake-arctic-embed-m-v2.0')).toMatchObject({
      pooling: 'cls',
      dimensions: 768,
      prefixes: { query: 'query: ', passage: '' },
    });
    expect(findModel('onnx-community/gte-multilingual-base')).toMatchObject({ pooling: 'cls', dimensions: 768 });
    expect(findModel('fixture/xlmr-tiny')).toMatchObject({ local: 'fixture/xlmr-tiny', dimensions: 64 });
    expect(findModel('fixture/xlmr-tiny')!.hub).toBeUndefined();
    expect(findModel('bench-e5-small-random')).toMatchObject({ dimensions: 384, layers: 12, vocab: 250037 });
    expect(findModel('nope/nothing')).toBeUndefined();
  });

  it('keeps the fill-mask exports out of the menu, each with its reason', () => {
    expect(findModel('Xenova/xlm-roberta-base')).toBeUndefined();
    expect(findModel('Xenova/bert-base-multilingual-cased')).toBeUndefined();
    expect(OUT_OF_MENU.map((m) => m.id)).toEqual(['Xenova/xlm-roberta-base', 'Xenova/bert-base-multilingual-cased']);
    for (const m of OUT_OF_MENU) expect(m.reason).toMatch(/fill-mask export .*logits/);
  });

  it('cites a model card for every hub entry', () => {
    for (const m of MODEL_REGISTRY.filter((x) => x.hub)) expect(m.card).toMatch(/^https:\/\/huggingface\.co\/[\w.-]+\/[\w.-]+$/);
  });

  it('needs the external data of the large models, and tells transformers.js about it', () => {
    const large = findModel('Xenova/multilingual-e5-large')!;
    expect(requiredFilesFor(large, 'fp32')).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', 'onnx/model.onnx_data']);
    expect(externalDataOption(large, 'fp32')).toEqual({ 'model.onnx': 1 });
    expect(externalDataOption(large, 'q8')).toBeUndefined();
    expect(findModel('Xenova/bge-m3')!.dtypes.fp32!.externalData).toEqual(['onnx/model.onnx_data']);
  });

  it('lists the files a dtype needs and a cache-stable encoder id', () => {
    const e5 = findModel('Xenova/multilingual-e5-small')!;
    expect(requiredFilesFor(e5, 'q8')).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
    expect(encoderIdOf(e5, 'fp16')).toBe('Xenova/multilingual-e5-small@fp16/mean');
  });
});
