/**
 * The CLI's scoring and products backend: onnxruntime-node on the CPU (MLAS, AVX2/FMA kernels), one
 * intra-op thread per core, without thread spinning (set for every onnxruntime backend in
 * ort-score-backend.ts). Node only; the browser's is ort-web-backend.ts.
 */
import { availableParallelism } from 'node:os';
import * as ort from 'onnxruntime-node';
import { createOrtScoreBackend, type OrtLike, type OrtScoreBackend } from './ort-score-backend';

export function createOrtNodeBackend(threads = availableParallelism()): OrtScoreBackend {
  return createOrtScoreBackend(ort as unknown as OrtLike, {
    name: `onnxruntime-node (cpu, ${threads} thread${threads === 1 ? '' : 's'})`,
    sessionOptions: { executionProviders: ['cpu'], intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential' },
  });
}
