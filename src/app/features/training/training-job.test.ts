import { describe, expect, it } from 'vitest';
import { createTrainingWorkerHost } from './training-job';
import type { TrainingWorkerOut } from './training-messages';

/** Messages the host posts; `ended` resolves at its result or at the end of a cancelled run. */
function collect() {
  const messages: TrainingWorkerOut[] = [];
  let notify = () => {};
  const ended = new Promise<void>((resolve) => (notify = resolve));
  const host = createTrainingWorkerHost((m) => {
    messages.push(m);
    if (m.type === 'done' || (m.type === 'error' && m.cancelled)) notify();
  });
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
});
