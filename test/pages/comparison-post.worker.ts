/** Answers every message at once: comparison-harness.ts times how long reports take to reach a worker. */
self.onmessage = () => self.postMessage(0);
