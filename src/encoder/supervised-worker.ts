/**
 * One supervisor for every Web Worker the app runs (encoder, ranking, evaluation, training,
 * projection): job ids and the map of jobs waiting on the worker, progress, abort -> cancel,
 * a heartbeat watchdog, one wording for a worker that crashed or went silent, and retry on a
 * restarted worker (withRestarts). It lives in src/encoder so the encoder client can use it and
 * the app (which may import encoder, never the other way) can too.
 */

/** The parts of a Worker the supervisor uses (a Worker, or an in-process stand-in in tests). */
export interface WorkerLike<In, Out> {
  postMessage(message: In, transfer?: Transferable[]): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<Out>) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: Event) => void): void;
}

/** The worker crashed, went silent or was stopped; its jobs may be retried on a new worker. */
export class WorkerStoppedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WorkerStoppedError';
  }
}

/** What a message from the worker means for one of its jobs. */
export type JobReply = { job: number; kind: 'progress' } | { job: number; kind: 'done' } | { job: number; kind: 'failed'; error: Error };

export interface SupervisorOptions<In, Out> {
  /** Names the worker in messages: "the <name> worker crashed (...)". */
  name: string;
  createWorker(): WorkerLike<In, Out>;
  /** What a message means for its job; null for messages about no job (heartbeats, notices, embed calls). */
  readReply(message: Out): JobReply | null;
  /** Messages about no job. */
  onOther?(message: Out): void;
  /** The message asking the worker to stop a job, sent when the job's signal aborts. */
  cancelMessage?(job: number): In;
  /**
   * After a cancel, how long the job may take to end by itself before the worker is stopped and
   * the job rejected with the abort reason. Without it the job is rejected at once and the worker
   * keeps running (it ignores replies to jobs no longer waited on).
   */
  cancelGraceMs?: number;
  /**
   * A worker silent this long while jobs wait on it is stopped, and its jobs fail with
   * WorkerStoppedError. A function gets the waiting jobs' tags (see run). Default: no watchdog.
   */
  heartbeatTimeoutMs?: number | ((tags: readonly string[]) => number);
  /**
   * 'stop' (default): an error event stops the worker and fails its jobs with WorkerStoppedError.
   * 'fail-jobs': the waiting jobs fail, the worker keeps running (it holds state worth keeping and
   * an uncaught error does not end a worker).
   */
  onError?: 'stop' | 'fail-jobs';
}

export interface RunOptions<Out> {
  signal?: AbortSignal;
  onProgress?(message: Out): void;
  transfer?: Transferable[];
  /** Passed to a heartbeatTimeoutMs function (e.g. 'load' waits longer than 'embed'). */
  tag?: string;
}

export interface Supervisor<In, Out> {
  /** Starts a fresh worker, stopping the one before (its jobs fail with WorkerStoppedError(reason)). */
  start(reason?: string): void;
  readonly running: boolean;
  /** A new job id, unique for this supervisor. */
  nextJob(): number;
  /** Sends a job's message; resolves with its 'done' message, rejects with its error or the abort reason. */
  run(job: number, message: In, opts?: RunOptions<Out>): Promise<Out>;
  /** Sends a message that starts no job. */
  post(message: In, transfer?: Transferable[]): void;
  /** Terminates the worker; waiting jobs fail with WorkerStoppedError(reason). */
  stop(reason: string): void;
  /** stop, and the watchdog ends. */
  dispose(reason?: string): void;
}

interface Waiting<Out> {
  tag: string;
  resolve(m: Out): void;
  reject(e: unknown): void;
  onProgress?(m: Out): void;
}

export function superviseWorker<In, Out>(opts: SupervisorOptions<In, Out>): Supervisor<In, Out> {
  const waiting = new Map<number, Waiting<Out>>();
  let worker: WorkerLike<In, Out> | null = null;
  let lastHeard = 0;
  let jobs = 0;
  let watchdog: ReturnType<typeof setInterval> | null = null;
  const timeout = opts.heartbeatTimeoutMs;

  function stop(reason: string): void {
    const w = worker;
    worker = null;
    w?.terminate();
    failAll(new WorkerStoppedError(reason));
  }

  function failAll(error: Error): void {
    const failed = [...waiting.values()];
    waiting.clear();
    for (const p of failed) p.reject(error);
  }

  function checkHeartbeat(): void {
    if (!worker || waiting.size === 0 || timeout === undefined) return;
    const limit = typeof timeout === 'function' ? timeout([...waiting.values()].map((p) => p.tag)) : timeout;
    const silentMs = Date.now() - lastHeard;
    if (silentMs > limit) stop(`the ${opts.name} worker stopped responding (no heartbeat for ${Math.round(silentMs / 1000)} s)`);
  }

  function start(reason = `replaced by a new ${opts.name} worker`): void {
    stop(reason);
    const w = opts.createWorker();
    worker = w;
    lastHeard = Date.now();
    w.addEventListener('message', (e: MessageEvent<Out>) => {
      if (worker !== w) return;
      lastHeard = Date.now();
      const reply = opts.readReply(e.data);
      if (!reply) return opts.onOther?.(e.data);
      const p = waiting.get(reply.job);
      if (!p) return;
      if (reply.kind === 'progress') return p.onProgress?.(e.data);
      waiting.delete(reply.job);
      if (reply.kind === 'failed') p.reject(reply.error);
      else p.resolve(e.data);
    });
    w.addEventListener('error', (e: Event) => {
      if (worker !== w) return;
      e.preventDefault?.();
      const message = (e as ErrorEvent).message;
      const reason = `the ${opts.name} worker crashed${message ? ` (${message})` : ''}`;
      if (opts.onError === 'fail-jobs') failAll(new Error(reason));
      else stop(reason);
    });
    w.addEventListener('messageerror', () => {
      if (worker === w) stop(`the ${opts.name} worker sent a message that could not be read`);
    });
    if (timeout !== undefined) {
      const every = typeof timeout === 'number' ? timeout : timeout([]);
      watchdog ??= setInterval(checkHeartbeat, Math.max(50, Math.min(1000, every / 4)));
    }
  }

  function run(job: number, message: In, runOpts: RunOptions<Out> = {}): Promise<Out> {
    const w = worker;
    if (!w) return Promise.reject(new WorkerStoppedError(`the ${opts.name} worker is not running`));
    const { signal } = runOpts;
    return new Promise<Out>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      let graceTimer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = () => {
        if (opts.cancelMessage) worker?.postMessage(opts.cancelMessage(job));
        if (opts.cancelGraceMs === undefined) {
          waiting.delete(job);
          return reject(signal!.reason);
        }
        // The job may still end by itself (with its own cancelled reply); if not, the worker goes.
        graceTimer = setTimeout(() => {
          if (!waiting.has(job)) return;
          waiting.delete(job);
          if (worker === w) stop(`the ${opts.name} worker did not stop when asked`);
          reject(signal!.reason);
        }, opts.cancelGraceMs);
      };
      const settle = () => {
        clearTimeout(graceTimer);
        signal?.removeEventListener('abort', onAbort);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.set(job, {
        tag: runOpts.tag ?? '',
        resolve: (m) => {
          settle();
          resolve(m);
        },
        reject: (e) => {
          settle();
          reject(e);
        },
        onProgress: runOpts.onProgress,
      });
      w.postMessage(message, runOpts.transfer);
    });
  }

  return {
    start,
    get running() {
      return worker !== null;
    },
    nextJob: () => ++jobs,
    run,
    post(message, transfer) {
      worker?.postMessage(message, transfer);
    },
    stop,
    dispose(reason = `the ${opts.name} worker was disposed`) {
      stop(reason);
      if (watchdog) clearInterval(watchdog);
      watchdog = null;
    },
  };
}

/**
 * Runs `run`; when the worker stopped under it (WorkerStoppedError), awaits `restart` (which
 * brings up a new worker in the same state: the caller resends what it needs, e.g. the model)
 * and runs it again, up to maxRestarts times. `run` is the unit of resume: parts already done
 * are not repeated.
 */
export async function withRestarts<T>(what: string, run: () => Promise<T>, restart: (reason: string) => Promise<void>, maxRestarts: number): Promise<T> {
  for (let restarts = 0; ;) {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof WorkerStoppedError)) throw e;
      if (restarts >= maxRestarts) throw new Error(`${e.message} while ${what}; gave up after ${restarts} restart${restarts === 1 ? '' : 's'}`);
      restarts++;
      try {
        await restart(e.message);
      } catch (loadError) {
        if (!(loadError instanceof WorkerStoppedError)) throw loadError;
      }
    }
  }
}
