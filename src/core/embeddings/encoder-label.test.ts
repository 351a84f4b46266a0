import { describe, expect, it } from 'vitest';
import { adaptedEncoderLabel, parseEncoderLabel } from './encoder-label';

describe('parseEncoderLabel', () => {
  it('reads model, dtype and pooling, model ids with a slash included', () => {
    expect(parseEncoderLabel('intfloat/multilingual-e5-small@q8/mean')).toEqual({
      modelId: 'intfloat/multilingual-e5-small',
      dtype: 'q8',
      pooling: 'mean',
      adapter: null,
    });
  });

  it('reads the strategy of adapted rows back from the label it wrote', () => {
    expect(parseEncoderLabel(adaptedEncoderLabel('fixture/xlmr-tiny@fp32/mean', 'hybrid'))).toEqual({
      modelId: 'fixture/xlmr-tiny',
      dtype: 'fp32',
      pooling: 'mean',
      adapter: 'hybrid',
    });
  });

  it('gives null for labels in another form, so the model counts as unknown', () => {
    for (const label of [undefined, '', 'sentence-transformers', 'rows.parquet', 'model@fp32', 'a b@fp32/mean']) expect(parseEncoderLabel(label)).toBeNull();
  });
});
