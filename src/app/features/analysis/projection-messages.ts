import type { Projection, ProjectionMethod } from '../../../core/analysis/project-2d';

/** Main thread -> projection worker: project these rows to 2-D. */
export interface ProjectionRequest {
  id: number;
  vectors: Float32Array;
  dim: number;
  method: ProjectionMethod;
  seed?: number;
}

/** Projection worker -> main thread. */
export type ProjectionResponse =
  { id: number; type: 'progress'; fraction: number } | { id: number; type: 'done'; projection: Projection } | { id: number; type: 'error'; message: string };
