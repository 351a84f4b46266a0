import { describe, expect, it } from 'vitest';
import { encoderIdOf, findModel, MODEL_REGISTRY, ONNX_FILE, requiredFilesFor } from './model-registry';

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
    expect(findModel('Xenova/multilingual-e5-small')).toMatchObject({ dimensions: 384, vocab: 250037, pooling: 'mean', prefixes: { query: 'query: ', passage: 'passage: ' } });
    expect(findModel('Xenova/paraphrase-multilingual-MiniLM-L12-v2')!.prefixes).toEqual({ query: '', passage: '' });
    const labse = findModel('Xenova/LaBSE')!;
    expect(labse.pooling).toBe('cls');
    expect(labse.notes).toMatch(/approximation/);
    expect(findModel('Xenova/xlm-roberta-base')!.kind).toBe('baseline');
    expect(findModel('fixture/xlmr-tiny')).toMatchObject({ local: 'fixture/xlmr-tiny', dimensions: 64 });
    expect(findModel('fixture/xlmr-tiny')!.hub).toBeUndefined();
    expect(findModel('bench-e5-small-random')).toMatchObject({ dimensions: 384, layers: 12, vocab: 250037 });
    expect(findModel('nope/nothing')).toBeUndefined();
  });

  it('lists the files a dtype needs and a cache-stable encoder id', () => {
    const e5 = findModel('Xenova/multilingual-e5-small')!;
    expect(requiredFilesFor(e5, 'q8')).toEqual(['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx']);
    expect(encoderIdOf(e5, 'fp16')).toBe('Xenova/multilingual-e5-small@fp16/mean');
  });
});
