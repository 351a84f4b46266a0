/**
 * The CLI's scoring backend: onnxruntime-node on the CPU (MLAS, AVX2/FMA kernels), one intra-op
 * thread per core. Node only; the browser's is ort-web-backend.ts.
 */
import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import { createOrtScoreBackend, type OrtLike, type OrtScoreBackend } from './ort-score-backend';

export interface OrtNodeOptions {
  /**
   * Whether idle intra-op threads spin (default true, onnxruntime's default). Off for the training
   * step's many small products: spinning threads took the cores from the JavaScript between them
   * (a full-rank step measured 21-30 ms without spinning, 48-76 ms with, under load on 2 cores).
   */
  spinning?: boolean;
}

export function createOrtNodeBackend(threads = availableParallelism(), opts: OrtNodeOptions = {}): OrtScoreBackend {
  const spinning = opts.spinning ?? true;
  return createOrtScoreBackend(ort as unknown as OrtLike, {
    name: `onnxruntime-node (cpu, ${threads} thread${threads === 1 ? '' : 's'}${spinning ? '' : ', no spinning'})`,
    sessionOptions: {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      ...(spinning ? {} : { extra: { session: { intra_op: { allow_spinning: '0' } } } }),
    },
  });
}
