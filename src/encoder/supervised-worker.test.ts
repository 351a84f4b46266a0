import { describe, expect, it } from 'vitest';
import { superviseWorker, withRestarts, WorkerStoppedError, type JobReply, type SupervisorOptions, type WorkerLike } from './supervised-worker';

type In = { type: 'square'; job: number; n: number } | { type: 'cancel'; job: number } | { type: 'hello' };
type Out =
  | { type: 'step'; job: number }
  | { type: 'answer'; job: number; value: number }
  | { type: 'failed'; job: number; message: string }
  | { type: 'note'; text: string };

/** A worker in this process: squares numbers after one step, or does what `behave` says. */
class FakeWorker implements WorkerLike<In, Out> {
  readonly received: In[] = [];
  terminated = false;
  private listeners: Record<string, ((e: unknown) => void)[]> = {};
  constructor(private readonly behave: (m: In, w: FakeWorker) => boolean = () => false) {}
  addEventListener(type: string, listener: (e: never) => void): void {
    (this.listeners[type] ??= []).push(listener as (e: unknown) => void);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(m: Out): void {
    if (!this.terminated) for (const l of this.listeners.message ?? []) l({ data: m });
  }
  crash(message: string): void {
    for (const l of this.listeners.error ?? []) l({ message, preventDefault() {} });
  }
  postMessage(m: In): void {
    this.received.push(m);
    setTimeout(() => {
      if (this.terminated || this.behave(m, this)) return;
      if (m.type === 'square') {
        this.emit({ type: 'step', job: m.job });
        if (m.n < 0) this.emit({ type: 'failed', job: m.job, message: `cannot square ${m.n}` });
        else this.emit({ type: 'answer', job: m.job, value: m.n * m.n });
      }
    }, 1);
  }
}

const readReply = (m: Out): JobReply | null =>
  m.type === 'step'
    ? { job: m.job, kind: 'progress' }
    : m.type === 'answer'
      ? { job: m.job, kind: 'done' }
      : m.type === 'failed'
        ? { job: m.job, kind: 'failed', error: new Error(m.message) }
        : null;

function setup(behave?: (m: In, w: FakeWorker) => boolean, opts: Partial<SupervisorOptions<In, Out>> = {}) {
  const workers: FakeWorker[] = [];
  const others: Out[] = [];
  const supervisor = superviseWorker<In, Out>({
    name: 'squaring',
    createWorker: () => {
      const w = new FakeWorker(behave);
      workers.push(w);
      return w;
    },
    readReply,
    onOther: (m) => others.push(m),
    cancelMessage: (job) => ({ type: 'cancel', job }),
    ...opts,
  });
  supervisor.start();
  const square = (n: number, runOpts: Parameters<typeof supervisor.run>[2] = {}) => {
    const job = supervisor.nextJob();
    return supervisor.run(job, { type: 'square', job, n }, runOpts);
  };
  return { supervisor, workers, others, square };
}

describe('superviseWorker', () => {
  it('gives each job its own reply and progress, rejects a failed job with the worker’s message, and passes on messages about no job', async () => {
    const { supervisor, workers, others, square } = setup((m, w) => {
      if (m.type === 'hello') w.emit({ type: 'note', text: 'hi' });
      return m.type === 'hello';
    });
    const steps: Out[] = [];
    const [a, b, c] = await Promise.allSettled([square(3, { onProgress: (m) => steps.push(m) }), square(4), square(-1)]);
    expect(a).toEqual({ status: 'fulfilled', value: { type: 'answer', job: 1, value: 9 } });
    expect(b).toEqual({ status: 'fulfilled', value: { type: 'answer', job: 2, value: 16 } });
    expect(c.status === 'rejected' && (c.reason as Error).message).toBe('cannot square -1');
    expect(steps).toEqual([{ type: 'step', job: 1 }]);
    supervisor.post({ type: 'hello' });
    await new Promise((r) => setTimeout(r, 10));
    expect(others).toEqual([{ type: 'note', text: 'hi' }]);
    expect(workers).toHaveLength(1);
    supervisor.dispose();
  });

  it('on abort tells the worker to cancel and rejects at once with the abort reason; the worker keeps serving', async () => {
    const { supervisor, workers, square } = setup((m) => m.type === 'square' && m.n === 7);
    const controller = new AbortController();
    const waiting = square(7, { signal: controller.signal });
    controller.abort(new Error('no longer needed'));
    await expect(waiting).rejects.toThrow('no longer needed');
    expect(workers[0].received.at(-1)).toEqual({ type: 'cancel', job: 1 });
    await expect(square(2)).resolves.toMatchObject({ value: 4 });
    expect(workers[0].terminated).toBe(false);
    supervisor.dispose();
  });

  it('with a grace period, waits for the worker to stop the job, and stops a worker that does not', async () => {
    const stubborn = setup((m) => m.type === 'square' || m.type === 'cancel', { cancelGraceMs: 30 });
    const controller = new AbortController();
    const waiting = stubborn.square(5, { signal: controller.signal });
    controller.abort(new Error('cancelled by the person'));
    await expect(waiting).rejects.toThrow('cancelled by the person');
    expect(stubborn.workers[0].terminated).toBe(true);

    const polite = setup(
      (m, w) => {
        if (m.type === 'cancel') w.emit({ type: 'failed', job: m.job, message: 'stopped as asked' });
        return true;
      },
      { cancelGraceMs: 1000 },
    );
    const second = new AbortController();
    const stopped = polite.square(5, { signal: second.signal });
    second.abort();
    await expect(stopped).rejects.toThrow('stopped as asked');
    expect(polite.workers[0].terminated).toBe(false);
    polite.supervisor.dispose();
  });

  it('stops a worker that goes silent during a job, with a longer limit for jobs tagged so', async () => {
    const { supervisor, workers, square } = setup(() => true, { heartbeatTimeoutMs: (tags) => (tags.includes('slow') ? 10_000 : 60) });
    await expect(square(3)).rejects.toThrow(/^the squaring worker stopped responding \(no heartbeat for \d+ s\)$/);
    expect(workers[0].terminated).toBe(true);
    expect(supervisor.running).toBe(false);

    supervisor.start();
    const slow = square(3, { tag: 'slow' });
    const outcome = await Promise.race([
      slow.then(
        () => 'answered',
        () => 'stopped',
      ),
      new Promise((r) => setTimeout(() => r('still waiting'), 200)),
    ]);
    expect(outcome).toBe('still waiting');
    supervisor.dispose();
    await expect(slow).rejects.toThrow('the squaring worker was disposed');
  });

  it('a crash stops the worker and fails its jobs as restartable, unless the worker is kept', async () => {
    const crashing = setup((m, w) => (m.type === 'square' && m.n === 13 ? (w.crash('out of memory'), true) : false));
    const error = await crashing.square(13).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerStoppedError);
    expect((error as Error).message).toBe('the squaring worker crashed (out of memory)');
    await expect(crashing.square(2)).rejects.toThrow('the squaring worker is not running');

    const kept = setup((m, w) => (m.type === 'square' && m.n === 13 ? (w.crash('bad input'), true) : false), { onError: 'fail-jobs' });
    await expect(kept.square(13)).rejects.toThrow('the squaring worker crashed (bad input)');
    await expect(kept.square(2)).resolves.toMatchObject({ value: 4 });
    kept.supervisor.dispose();
  });
});

describe('withRestarts', () => {
  it('runs again on a restarted worker, and gives up after maxRestarts naming the cause', async () => {
    let attempts = 0;
    const restarts: string[] = [];
    const flaky = () => (++attempts < 3 ? Promise.reject(new WorkerStoppedError('the squaring worker crashed')) : Promise.resolve(attempts));
    await expect(withRestarts('squaring', flaky, async (reason) => void restarts.push(reason), 2)).resolves.toBe(3);
    expect(restarts).toEqual(['the squaring worker crashed', 'the squaring worker crashed']);

    const dead = () => Promise.reject(new WorkerStoppedError('the squaring worker crashed'));
    await expect(withRestarts('squaring 4', dead, async () => {}, 1)).rejects.toThrow('the squaring worker crashed while squaring 4; gave up after 1 restart');
    // Other errors are the job's own: no restart.
    await expect(
      withRestarts(
        'squaring',
        () => Promise.reject(new Error('cannot square -1')),
        async () => void restarts.push('no'),
        2,
      ),
    ).rejects.toThrow('cannot square -1');
    expect(restarts).toHaveLength(2);
  });
});
