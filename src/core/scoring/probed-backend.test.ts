import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../evaluation/evaluate-corpus';
import { createDenseRetriever } from '../retrieval/dense-retriever';
import { generateSyntheticBenchmark } from '../training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../training/synthetic-corpus';
import { createProbedBackend } from './probed-backend';
import type { ScoreBackend } from './score-backend';

/**
 * Another way to compute the same product: float32 sums, last dimension first, as a SIMD or GPU
 * kernel would round. `skipLast` reproduces a stride bug (the last dimension left out); `failAt`
 * throws on that block, like a lost GPU device.
 */
function float32Backend(name: string, opts: { skipLast?: boolean; failAt?: number; failPrepare?: string } = {}): ScoreBackend & { blocks: number } {
  const backend = {
    name,
    blocks: 0,
    async prepare(passages: Float32Array, dim: number) {
      if (opts.failPrepare) throw new Error(opts.failPrepare);
      const np = passages.length / dim;
      return {
        rows: np,
        async score(queries: Float32Array) {
          if (++backend.blocks === opts.failAt) throw new Error('the device was lost');
          const nq = queries.length / dim;
          const out = new Float32Array(nq * np);
          const used = opts.skipLast ? dim - 1 : dim;
          for (let i = 0; i < nq; i++) {
            for (let j = 0; j < np; j++) {
              let s = 0;
              for (let t = used - 1; t >= 0; t--) s = Math.fround(s + Math.fround(queries[i * dim + t] * passages[j * dim + t]));
              out[i * np + j] = s;
            }
          }
          return { scores: out, exact: false };
        },
        dispose() {},
      };
    },
  };
  return backend;
}

const { corpus, encoder } = buildSyntheticCorpus(generateSyntheticBenchmark({ seed: 3, questions: 25, dim: 48, languages: ['de', 'en', 'zh'] }));
const evaluate = async (backend?: ScoreBackend) => ({
  ...(await evaluateCorpus(corpus, createDenseRetriever(encoder, { backend }), { queryBlock: 20, runDepth: 5 })),
  elapsedMs: 0,
});

describe('createProbedBackend', () => {
  it('keeps a backend that agrees on the first block, and ranks exactly as the TypeScript kernel', async () => {
    const notices: string[] = [];
    const probed = createProbedBackend([float32Backend('float32 kernel')], { onNotice: (m) => notices.push(m) });
    const reference = await evaluate();
    expect(await evaluate(probed)).toEqual(reference);
    expect(notices).toEqual([]);
    expect(probed.name).toBe('float32 kernel');
    expect(probed.status).toMatch(/^float32 kernel: agrees with the TypeScript kernel on the first block \(largest score difference [\d.e-]+ over 8 x 90\)$/); // the first block is the multilingual pool's: 3 languages x 30 passages, every cell reads its columns
  });

  it('falls back to the TypeScript kernel, and says why, when the first block disagrees', async () => {
    const notices: string[] = [];
    const probed = createProbedBackend([float32Backend('strided kernel', { skipLast: true })], { onNotice: (m) => notices.push(m) });
    expect(await evaluate(probed)).toEqual(await evaluate());
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /^strided kernel disagrees with the TypeScript kernel on the first block \(query 0, passage \d+: score \S+ against \S+ \(allowed difference [\d.e-]+\)\): scoring with the TypeScript kernel$/,
    );
    expect(probed.name).toBe('TypeScript');
  });

  it('tries the next candidate when one cannot start, and one that fails mid-run hands over the rest', async () => {
    const notices: string[] = [];
    const flaky = float32Backend('flaky GPU', { failAt: 3 });
    const probed = createProbedBackend([float32Backend('WebGPU', { failPrepare: 'no adapter' }), flaky], { onNotice: (m) => notices.push(m) });
    expect(await evaluate(probed)).toEqual(await evaluate());
    expect(notices).toEqual([
      'WebGPU failed to take the passages (no adapter): scoring with flaky GPU',
      'flaky GPU failed while scoring (the device was lost): scoring with the TypeScript kernel',
    ]);
    expect(probed.status).toBe('TypeScript (WebGPU failed to take the passages (no adapter); flaky GPU failed while scoring (the device was lost))');
  });
});
