/// <reference lib="webworker" />
/** Runs PCA or UMAP off the main thread so the page stays responsive while a map is computed. */
import { projectTo2d } from '../../../core/analysis/project-2d';
import type { ProjectionRequest, ProjectionResponse } from './projection-messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function reply(message: ProjectionResponse, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

scope.onmessage = async (event: MessageEvent<ProjectionRequest>) => {
  const { id, vectors, dim, method, seed } = event.data;
  try {
    let last = 0;
    const projection = await projectTo2d(vectors, dim, {
      method,
      seed,
      onProgress: (fraction) => {
        // A message per 5% is plenty for a progress bar.
        if (fraction - last >= 0.05 || fraction === 1) {
          last = fraction;
          reply({ id, type: 'progress', fraction });
        }
      },
    });
    reply({ id, type: 'done', projection }, [projection.coords.buffer]);
  } catch (e) {
    reply({ id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
