/// <reference lib="webworker" />
/** The training worker: runs whole experiments off the page (see training-job.ts). */
import { workerWasmProducts } from '../../shared/workers/worker-products';
import { createTrainingWorkerHost } from './training-job';
import type { TrainingWorkerIn } from './training-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createTrainingWorkerHost((message, transfer) => scope.postMessage(message, { transfer: transfer ?? [] }), { products: workerWasmProducts });
scope.onmessage = (event: MessageEvent<TrainingWorkerIn>) => handle(event.data);
