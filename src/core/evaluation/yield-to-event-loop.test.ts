import { describe, expect, it } from 'vitest';
import { yieldToEventLoop } from './yield-to-event-loop';

describe('yieldToEventLoop', () => {
  it('lets a queued task run before the work goes on', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await new Promise((r) => setTimeout(r, 1)); // the timer is due now
    queueMicrotask(() => order.push('microtask'));
    const ctrl = new AbortController();
    setTimeout(() => ctrl.abort(), 0);
    for (let i = 0; i < 50 && !ctrl.signal.aborted; i++) await yieldToEventLoop();
    order.push('after');
    expect(order).toEqual(['timer', 'microtask', 'after']);
    expect(ctrl.signal.aborted).toBe(true);
  });
});
