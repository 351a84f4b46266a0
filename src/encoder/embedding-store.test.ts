import { describe, expect, it } from 'vitest';
import { embeddingCacheKey, EMBEDDING_SCHEMA_VERSION, isQuotaError } from './embedding-store';

const base = { modelId: 'Xenova/multilingual-e5-small', dtype: 'q8', pooling: 'mean', kind: 'passage', texts: ['a', 'b'] } as const;

describe('embeddingCacheKey', () => {
  it('changes with every part that changes the rows', () => {
    const key = embeddingCacheKey(base);
    expect(key.startsWith(`v${EMBEDDING_SCHEMA_VERSION}|`)).toBe(true);
    const variants = [
      { ...base, modelId: 'Xenova/LaBSE' },
      { ...base, dtype: 'fp32' as const },
      { ...base, pooling: 'cls' as const },
      { ...base, kind: 'query' as const },
      { ...base, texts: ['a', 'c'] },
      { ...base, texts: ['b', 'a'] },
    ];
    for (const v of variants) expect(embeddingCacheKey(v)).not.toBe(key);
    expect(embeddingCacheKey({ ...base, texts: ['a', 'b'] })).toBe(key);
  });
});

describe('isQuotaError', () => {
  it('recognises a full quota by name or message', () => {
    expect(isQuotaError(new DOMException('storage full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new Error('The quota has been exceeded.'))).toBe(true);
    expect(isQuotaError(new Error('version change blocked'))).toBe(false);
  });
});
