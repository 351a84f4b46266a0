import { describe, expect, it } from 'vitest';
import { createProbedProducts } from '../../../core/numeric/probed-products';
import { createOrtNodeBackend } from '../../../encoder/ort-node-backend';
import { createTrainingWorkerHost, type TrainingHostOptions } from './training-job';
import type { TrainingWorkerOut } from './training-messages';

/** Messages the host posts; `ended` resolves at its result or at the end of a cancelled run. */
function collect(opts?: TrainingHostOptions) {
  const messages: TrainingWorkerOut[] = [];
  let notify = () => {};
  const ended = new Promise<void>((resolve) => (notify = resolve));
  const host = createTrainingWorkerHost((m) => {
    messages.push(m);
    if (m.type === 'done' || (m.type === 'error' && m.cancelled)) notify();
  }, opts);
  return { host, messages, ended };
}

describe('training worker host', () => {
  it('generates the synthetic benchmark itself and reports stages, batched losses and the result', async () => {
    const { host, messages, ended } = collect();
    host({
      type: 'run',
      job: { source: { kind: 'synthetic', seed: 3, questions: 40, dim: 16 }, settings: { seed: 1, epochs: 2, batchSize: 8, strategies: ['hybrid'] } },
    });
    await ended;
    expect(messages[0]).toEqual({ type: 'stage', info: { stage: 'generating the synthetic benchmark', done: 0, total: 1 } });
    const done = messages.at(-1)!;
    if (done.type !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.result.corpus).toMatchObject({
      name: 'synthetic benchmark (seed 3)',
      languages: ['ar', 'de', 'el', 'en', 'es', 'hi', 'ru', 'th', 'tr', 'vi', 'zh'],
    });
    const losses = messages.flatMap((m) => (m.type === 'loss' ? m.points : []));
    expect(losses.map((p) => p.step)).toEqual(done.result.strategies[0].lossCurve.map((p) => p.step));
    expect(messages.some((m) => m.type === 'stage' && m.info.stage.startsWith('evaluating the untrained encoder'))).toBe(true);
  });

  it('uses the generator defaults for sizes not given', async () => {
    const { host, messages, ended } = collect();
    host({
      type: 'run',
      job: { source: { kind: 'synthetic', seed: 3, questions: 20 }, settings: { seed: 1, epochs: 1, batchSize: 4, strategies: ['monolingual'] } },
    });
    await ended;
    const done = messages.at(-1)!;
    expect(done.type === 'done' && done.result.encoder).toEqual({ id: 'synthetic-d384', dim: 384 });
  });

  it('answers a cancel with a cancelled error, and a second run while busy with an error', async () => {
    const { host, messages, ended } = collect();
    host({ type: 'run', job: { source: { kind: 'synthetic', seed: 3, questions: 40, dim: 16 }, settings: { seed: 1, epochs: 100_000, batchSize: 8 } } });
    host({ type: 'run', job: { source: { kind: 'synthetic', seed: 4, questions: 40, dim: 16 }, settings: { seed: 1 } } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    host({ type: 'cancel' });
    await ended;
    const errors = messages.filter((m) => m.type === 'error');
    expect(errors).toEqual([
      { type: 'error', message: 'a training run is already in progress in this worker', cancelled: false },
      { type: 'error', message: 'training cancelled', cancelled: true },
    ]);
  });

  it('says which kernel multiplied: the host’s backend once probed, TypeScript when asked for or when it does not start', async () => {
    const job = {
      source: { kind: 'synthetic' as const, seed: 3, questions: 40, dim: 16 },
      settings: { seed: 1, epochs: 1, batchSize: 8, strategies: ['hybrid' as const] },
    };
    const productsOf = async (opts: TrainingHostOptions | undefined, products?: 'typescript') => {
      const { host, messages, ended } = collect(opts);
      host({ type: 'run', job: { ...job, products } });
      await ended;
      const done = messages.at(-1)!;
      return done.type === 'done' ? done.products : null;
    };
    // onnxruntime-node stands in for the browser's onnxruntime-web: the same Gemm session and probe.
    const ort = createOrtNodeBackend(1);
    try {
      const probed = await productsOf({ products: () => createProbedProducts(ort) });
      expect(probed?.backend).toBe('onnxruntime-node (cpu, 1 thread)');
      expect(probed?.detail).toMatch(/^onnxruntime-node .*: agrees with the TypeScript kernel on \d+ product shape\(s\)/);
      await expect(productsOf({ products: () => createProbedProducts(ort) }, 'typescript')).resolves.toEqual({
        backend: 'TypeScript',
        detail: 'TypeScript (asked for)',
      });
    } finally {
      await ort.release();
    }
    const broken = () => {
      throw new Error('onnxruntime-web already started with its jsep build');
    };
    await expect(productsOf({ products: broken })).resolves.toEqual({
      backend: 'TypeScript',
      detail: 'TypeScript (the faster backend did not start: onnxruntime-web already started with its jsep build)',
    });
    await expect(productsOf(undefined)).resolves.toEqual({ backend: 'TypeScript', detail: 'TypeScript (no other backend in this context)' });
  });
});
