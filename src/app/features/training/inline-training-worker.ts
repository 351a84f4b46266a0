/**
 * For tests: the training worker's code (training-job.ts) behind the Worker interface, in this
 * process. Messages stay asynchronous, as with a real worker.
 */
import type { TrainingWorkerLike } from './training-client';
import { createTrainingWorkerHost } from './training-job';
import type { TrainingWorkerOut } from './training-messages';

export function createInlineTrainingWorker(): TrainingWorkerLike {
  const listeners: ((e: MessageEvent<TrainingWorkerOut>) => void)[] = [];
  let terminated = false;
  const handle = createTrainingWorkerHost((message: TrainingWorkerOut) => {
    if (!terminated) for (const l of listeners) l({ data: message } as MessageEvent<TrainingWorkerOut>);
  });
  return {
    postMessage: (message) => setTimeout(() => handle(message), 0),
    terminate: () => void (terminated = true),
    addEventListener(type: string, listener: (e: never) => void) {
      if (type === 'message') listeners.push(listener as (e: MessageEvent<TrainingWorkerOut>) => void);
    },
  };
}
