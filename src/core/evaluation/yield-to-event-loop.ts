/**
 * Lets messages (a cancel from the UI, progress to it) through between blocks of long work.
 * A MessageChannel round trip is a macrotask like setTimeout(0) but is not clamped to 4 ms after
 * nested calls in browsers, which costs seconds over thousands of blocks.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
