/**
 * Long work on the page cut into slices: between slices the page paints and answers input, so no
 * one task runs long (the long-task bound of issue 12). A slice ends after `budgetMs`.
 */

/** One slice of page time: 30 ms leaves room under the 50 ms long-task line for what else runs. */
export const SLICE_MS = 30;

type Scheduler = { yield?: () => Promise<void> };

/** Lets the page run other tasks (scheduler.yield keeps this work's place in the queue where it exists). */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Call `next()` between small steps: it yields once the slice is used up, and throws once `signal` aborts. */
export function pageSlices(opts: { signal?: AbortSignal; budgetMs?: number } = {}): { next(): Promise<void> | undefined } {
  const budget = opts.budgetMs ?? SLICE_MS;
  let sliceStart = performance.now();
  return {
    next() {
      opts.signal?.throwIfAborted();
      if (performance.now() - sliceStart < budget) return undefined;
      return yieldToPage().then(() => {
        opts.signal?.throwIfAborted();
        sliceStart = performance.now();
      });
    },
  };
}

/** fn for each item, `step` items per check of the clock. */
export async function forEachInSlices<T>(items: readonly T[], fn: (item: T) => void, opts: { signal?: AbortSignal; step?: number } = {}): Promise<void> {
  const slices = pageSlices(opts);
  const step = opts.step ?? 512;
  for (let i = 0; i < items.length; i += step) {
    const end = Math.min(items.length, i + step);
    for (let j = i; j < end; j++) fn(items[j]);
    await slices.next();
  }
}
