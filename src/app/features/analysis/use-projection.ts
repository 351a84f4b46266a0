import { useEffect, useRef, useState } from 'react';
import { projectTo2d, type Projection, type ProjectionMethod } from '../../../core/analysis/project-2d';
import { superviseWorker } from '../../../encoder/supervised-worker';
import type { ProjectionRequest, ProjectionResponse } from './projection-messages';

export interface ProjectionState {
  projection: Projection | null;
  /** 0..1 while computing, null when idle. */
  progress: number | null;
  error: string | null;
}

let nextId = 0;

/**
 * 2-D coordinates for `vectors`, computed in a Web Worker (a fresh one per job, terminated when
 * superseded, which is how a long UMAP run is cancelled). Results are remembered per vectors
 * array and method, so switching PCA <-> UMAP back and forth is instant.
 */
export function useProjection(vectors: Float32Array | null, dim: number, method: ProjectionMethod): ProjectionState {
  const cache = useRef(new WeakMap<Float32Array, Map<ProjectionMethod, Projection>>());
  const [state, setState] = useState<ProjectionState>({ projection: null, progress: null, error: null });

  useEffect(() => {
    if (!vectors || vectors.length === 0) {
      setState({ projection: null, progress: null, error: null });
      return;
    }
    const cached = cache.current.get(vectors)?.get(method);
    if (cached) {
      setState({ projection: cached, progress: null, error: null });
      return;
    }
    const remember = (p: Projection) => {
      const byMethod = cache.current.get(vectors) ?? new Map<ProjectionMethod, Projection>();
      byMethod.set(method, p);
      cache.current.set(vectors, byMethod);
    };
    setState((s) => ({ projection: s.projection, progress: 0, error: null }));

    if (typeof Worker === 'undefined') {
      let live = true;
      projectTo2d(vectors, dim, { method }).then(
        (p) => {
          remember(p);
          if (live) setState({ projection: p, progress: null, error: null });
        },
        (e: unknown) => live && setState({ projection: null, progress: null, error: String(e) }),
      );
      return () => {
        live = false;
      };
    }

    const id = ++nextId;
    const worker = superviseWorker<ProjectionRequest, ProjectionResponse>({
      name: 'projection',
      createWorker: () => new Worker(new URL('./projection.worker.ts', import.meta.url), { type: 'module' }),
      readReply: (m) =>
        m.type === 'progress'
          ? { job: m.id, kind: 'progress' }
          : m.type === 'done'
            ? { job: m.id, kind: 'done' }
            : { job: m.id, kind: 'failed', error: new Error(m.message) },
    });
    worker.start();
    let live = true;
    const request: ProjectionRequest = { id, vectors: vectors.slice(), dim, method };
    worker
      .run(id, request, { transfer: [request.vectors.buffer], onProgress: (m) => m.type === 'progress' && setState((s) => ({ ...s, progress: m.fraction })) })
      .then(
        (m) => {
          if (m.type !== 'done') return;
          remember(m.projection);
          if (live) setState({ projection: m.projection, progress: null, error: null });
        },
        (e: unknown) => live && setState({ projection: null, progress: null, error: e instanceof Error ? e.message : String(e) }),
      )
      .finally(() => worker.dispose());
    // Superseded or unmounted: the worker goes, which is how a long UMAP run is cancelled.
    return () => {
      live = false;
      worker.dispose();
    };
  }, [vectors, dim, method]);

  return state;
}
