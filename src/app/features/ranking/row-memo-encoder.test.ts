import { describe, expect, it } from 'vitest';
import type { Encoder, TextKind } from '../../../core/retrieval/types';
import { createRowMemoEncoder } from './row-memo-encoder';

/** Rows [length of text, 1 for a query / 2 for a passage]; records every call. */
function createCountingEncoder(fail = false) {
  const calls: { texts: string[]; kind: TextKind }[] = [];
  const encoder: Encoder = {
    id: 'counting',
    dim: 2,
    async embed(texts, kind) {
      calls.push({ texts: [...texts], kind });
      if (fail && calls.length === 1) throw new Error('worker restarted');
      return Float32Array.from(texts.flatMap((t) => [t.length, kind === 'query' ? 1 : 2]));
    },
  };
  return { encoder, calls };
}

describe('row memo encoder', () => {
  it('embeds each text once per kind, however the retrievers of one model ask for it', async () => {
    const { encoder, calls } = createCountingEncoder();
    const memo = createRowMemoEncoder(encoder);
    expect(Array.from(await memo.embed(['ab', 'abc'], 'passage'))).toEqual([2, 2, 3, 2]);
    // A second retriever (another adapter) asks for the same pool plus one passage, and a query with the same text.
    expect(Array.from(await memo.embed(['abc', 'a', 'ab', 'a'], 'passage'))).toEqual([3, 2, 1, 2, 2, 2, 1, 2]);
    expect(Array.from(await memo.embed(['ab'], 'query'))).toEqual([2, 1]);
    expect(calls).toEqual([
      { texts: ['ab', 'abc'], kind: 'passage' },
      { texts: ['a'], kind: 'passage' },
      { texts: ['ab'], kind: 'query' },
    ]);
  });

  it('shares an embed in flight, and forgets one that failed so the next request tries again', async () => {
    const { encoder, calls } = createCountingEncoder(true);
    const memo = createRowMemoEncoder(encoder);
    const first = memo.embed(['xy'], 'query');
    const second = memo.embed(['xy'], 'query');
    await expect(first).rejects.toThrow('worker restarted');
    await expect(second).rejects.toThrow('worker restarted');
    expect(Array.from(await memo.embed(['xy'], 'query'))).toEqual([2, 1]);
    expect(calls).toHaveLength(2);
  });
});
