import type { Page } from 'playwright-core';

/**
 * Starts recording the page's long tasks (PerformanceObserver 'longtask': main-thread tasks over
 * 50 ms, in ms of wall time). The function returned gives the durations recorded since the watch
 * began or since its last call, so one watch can time several steps in turn.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
}
