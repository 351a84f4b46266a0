import { UMAP } from 'umap-js';
import { createRng } from '../numeric/rng';
import { fitPca, projectPca } from '../numeric/pca';

export type ProjectionMethod = 'pca' | 'umap';

export interface ProjectionOptions {
  method: ProjectionMethod;
  /** Same seed, same map. Default 1. */
  seed?: number;
  /** UMAP: neighbours that shape the local structure; default 15 (fewer when there are few points). */
  nNeighbors?: number;
  /** UMAP: how tightly points may pack; default 0.1. */
  minDist?: number;
  /** UMAP: optimisation epochs; default chosen by umap-js (500 for small sets, 200 for large). */
  nEpochs?: number;
  /** PCA: axes are fitted on at most this many rows (a seeded random sample), then every row is projected. Default 4000. */
  pcaSampleRows?: number;
  /** Called now and then with the share of work done, 0..1. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

export interface Projection {
  method: ProjectionMethod;
  /** rows x 2, row-major. */
  coords: Float32Array;
  /** PCA only: share of the total variance along each of the two axes. */
  explained?: [number, number];
}

/**
 * 2-D coordinates for row vectors, by PCA (exact, fast, shows the largest directions of
 * variation, e.g. a language offset) or UMAP (keeps local neighbourhoods, so translations that
 * embed close together visibly cluster). UMAP on a handful of points is meaningless, so fewer
 * than 4 rows always get PCA.
 */
export async function projectTo2d(vectors: Float32Array, dim: number, opts: ProjectionOptions): Promise<Projection> {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`projectTo2d: dim must be a positive integer, got ${dim}`);
  if (vectors.length % dim !== 0) {
    throw new RangeError(`projectTo2d: ${vectors.length} numbers are not a whole number of ${dim}-wide rows`);
  }
  const rows = vectors.length / dim;
  const seed = opts.seed ?? 1;
  if (rows === 0) return { method: opts.method, coords: new Float32Array(0) };
  if (opts.method === 'pca' || rows < 4) return projectByPca(vectors, dim, seed, opts.pcaSampleRows ?? 4000, opts.onProgress);

  const rng = createRng(seed);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.max(2, Math.min(opts.nNeighbors ?? 15, rows - 1)),
    minDist: opts.minDist ?? 0.1,
    ...(opts.nEpochs ? { nEpochs: opts.nEpochs } : {}),
    random: () => rng.uniform(),
  });
  const data: number[][] = [];
  for (let r = 0; r < rows; r++) data.push(Array.from(vectors.subarray(r * dim, (r + 1) * dim)));
  opts.signal?.throwIfAborted();
  const epochs = umap.initializeFit(data);
  // Neighbour search is roughly the first tenth of the time; the epochs are the rest.
  opts.onProgress?.(0.1);
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if (e % 20 === 19) {
      opts.signal?.throwIfAborted();
      opts.onProgress?.(0.1 + (0.9 * (e + 1)) / epochs);
    }
  }
  const embedding = umap.getEmbedding();
  const coords = new Float32Array(rows * 2);
  embedding.forEach(([x, y], r) => {
    coords[r * 2] = x;
    coords[r * 2 + 1] = y;
  });
  opts.onProgress?.(1);
  return { method: 'umap', coords };
}

/**
 * The covariance matrix costs rows x dim^2 to build; beyond a few thousand rows a random sample
 * gives the same axes for a picture, so larger sets are fitted on a sample and all rows projected.
 */
function projectByPca(vectors: Float32Array, dim: number, seed: number, sampleRows: number, onProgress?: (fraction: number) => void): Projection {
  const rows = vectors.length / dim;
  const components = Math.min(2, dim);
  let fitRows: Float32Array = vectors;
  if (rows > sampleRows) {
    const order = createRng(seed)
      .shuffle(Int32Array.from({ length: rows }, (_, i) => i))
      .subarray(0, sampleRows)
      .sort();
    fitRows = new Float32Array(sampleRows * dim);
    order.forEach((r, i) => fitRows.set(vectors.subarray(r * dim, (r + 1) * dim), i * dim));
  }
  const model = fitPca(fitRows, dim, { components, seed, onProgress });
  const projected = projectPca(model, vectors);
  const coords = new Float32Array(rows * 2);
  for (let r = 0; r < rows; r++) {
    coords[r * 2] = projected[r * components];
    coords[r * 2 + 1] = components > 1 ? projected[r * components + 1] : 0;
  }
  const share = (i: number) => (model.totalVariance > 0 && i < components ? model.variances[i] / model.totalVariance : 0);
  onProgress?.(1);
  return { method: 'pca', coords, explained: [share(0), share(1)] };
}
