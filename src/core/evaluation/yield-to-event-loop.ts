/** Lets messages (a cancel from the UI, progress to it) through between blocks of long work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
