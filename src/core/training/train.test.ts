import { describe, expect, it } from 'vitest';
import { typescriptProducts, type MatrixProducts } from '../numeric/matrix-products';
import { applyAdapter } from './adapter';
import { deserializeAdapter, serializeAdapter } from './adapter-file';
import { generateSyntheticBenchmark } from './synthetic-benchmark';
import { trainAdapter, type TrainOptions } from './train';

// Little isotropic noise, so a few dozen steps visibly learn (the large benchmark below is harder).
const tiny = generateSyntheticBenchmark({ seed: 11, questions: 60, dim: 32, languages: ['en', 'de', 'zh', 'ar'], noise: 0.8 });

function tinyOptions(overrides: Partial<TrainOptions> = {}): TrainOptions {
  return {
    queryEmb: tiny.queryEmb,
    passageEmb: tiny.passageEmb,
    dim: tiny.dim,
    pairs: tiny.pairs,
    strategy: 'hybrid',
    epochs: 3,
    batchSize: 16,
    seed: 1,
    ...overrides,
  };
}

describe('trainAdapter', () => {
  it('is reproducible: the same seed gives identical weights and losses, another seed does not', async () => {
    const a = await trainAdapter(tinyOptions());
    const b = await trainAdapter(tinyOptions());
    const c = await trainAdapter(tinyOptions({ seed: 2 }));
    expect(b.adapter.params).toEqual(a.adapter.params);
    expect(b.lossCurve).toEqual(a.lossCurve);
    expect(c.adapter.params).not.toEqual(a.adapter.params);
  });

  it('lowers the training loss, full and low-rank', async () => {
    for (const rank of [0, 4]) {
      const { lossCurve, adapter } = await trainAdapter(tinyOptions({ strategy: 'cross-lingual', epochs: 12, rank, lr: 1e-2 }));
      expect(adapter.rank).toBe(rank);
      const mean = (epochs: number[]) => {
        const points = lossCurve.filter((p) => epochs.includes(p.epoch));
        return points.reduce((s, p) => s + p.loss, 0) / points.length;
      };
      expect(mean([10, 11])).toBeLessThan(0.75 * mean([0]));
    }
  });

  it('reports every step with its epoch, step, loss and the total', async () => {
    const calls: number[][] = [];
    const { lossCurve } = await trainAdapter(tinyOptions({ onProgress: (...args) => calls.push(args) }));
    // 60 qids / 16 per batch = 4 batches per epoch, 3 epochs.
    expect(calls).toHaveLength(12);
    expect(calls.map((c) => c[1])).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(calls.map((c) => c[0])).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]);
    expect(calls.every((c) => c[3] === 12)).toBe(true);
    expect(lossCurve.map((p) => p.loss)).toEqual(calls.map((c) => c[2]));
  });

  it('stops with "training cancelled" when the signal aborts, between steps or from a timer', async () => {
    const controller = new AbortController();
    let steps = 0;
    const run = trainAdapter(
      tinyOptions({
        signal: controller.signal,
        onProgress: () => {
          if (++steps === 2) controller.abort();
        },
      }),
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError', message: 'training cancelled' });
    expect(steps).toBe(2);

    // A timer can only fire if training hands control back to the event loop (as a worker needs).
    const timed = new AbortController();
    setTimeout(() => timed.abort(), 20);
    const started = Date.now();
    await expect(trainAdapter(tinyOptions({ epochs: 100_000, signal: timed.signal }))).rejects.toThrow('training cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives the same weights and losses, bit for bit, when its products are awaited from a backend', async () => {
    // The TypeScript kernel behind the asynchronous interface a runtime uses: the same arithmetic.
    const awaited: MatrixProducts = { name: 'awaited TypeScript', multiplyABt: (p) => typescriptProducts.multiplyABt(p) };
    for (const rank of [0, 3]) {
      const direct = await trainAdapter(tinyOptions({ rank }));
      const viaBackend = await trainAdapter(tinyOptions({ rank, products: awaited }));
      expect(viaBackend.adapter.params).toEqual(direct.adapter.params);
      expect(viaBackend.lossCurve).toEqual(direct.lossCurve);
    }
  });

  it('produces an adapter that survives serialisation unchanged', async () => {
    const { adapter } = await trainAdapter(tinyOptions({ rank: 3 }));
    const loaded = deserializeAdapter(serializeAdapter(adapter), { dim: tiny.dim }).adapter;
    const rows = tiny.queryEmb.length / tiny.dim;
    expect(applyAdapter(loaded, tiny.queryEmb, rows, tiny.dim)).toEqual(applyAdapter(adapter, tiny.queryEmb, rows, tiny.dim));
  });

  it('names the pair whose row is outside the embeddings', async () => {
    const short = tiny.queryEmb.subarray(0, 10 * tiny.dim);
    await expect(trainAdapter(tinyOptions({ queryEmb: short }))).rejects.toThrow(
      /pairs give qid "q\d+" in "\w+" query row \d+, but the query embeddings have 10 rows/,
    );
  });
});
