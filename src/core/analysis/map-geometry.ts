/** Screen positions for 2-D map coordinates. */
export interface ScreenPoints {
  xs: Float32Array;
  ys: Float32Array;
}

/**
 * Scales rows x 2 coordinates into a width x height box with `padding` on every side, keeping
 * the aspect ratio (distances mean the same across and up) and flipping y so up is up.
 */
export function fitToBox(coords: Float32Array, width: number, height: number, padding: number): ScreenPoints {
  const n = coords.length / 2;
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  if (n === 0) return { xs, ys };
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = coords[i * 2];
    const y = coords[i * 2 + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const spanX = maxX - minX;
  const spanY = maxY - minY;
  const innerW = Math.max(0, width - 2 * padding);
  const innerH = Math.max(0, height - 2 * padding);
  const scale = Math.min(spanX > 0 ? innerW / spanX : Infinity, spanY > 0 ? innerH / spanY : Infinity);
  const s = Number.isFinite(scale) ? scale : 0;
  // Centre the cloud in the box.
  const offsetX = padding + (innerW - spanX * s) / 2;
  const offsetY = padding + (innerH - spanY * s) / 2;
  for (let i = 0; i < n; i++) {
    xs[i] = offsetX + (coords[i * 2] - minX) * s;
    ys[i] = height - (offsetY + (coords[i * 2 + 1] - minY) * s);
  }
  return { xs, ys };
}

/** Index of the visible point nearest (x, y) within maxDistance, or -1. */
export function findNearestPoint(points: ScreenPoints, x: number, y: number, maxDistance: number, visible?: (i: number) => boolean): number {
  let best = -1;
  let bestSq = maxDistance * maxDistance;
  for (let i = 0; i < points.xs.length; i++) {
    if (visible && !visible(i)) continue;
    const dx = points.xs[i] - x;
    const dy = points.ys[i] - y;
    const sq = dx * dx + dy * dy;
    if (sq <= bestSq) {
      bestSq = sq;
      best = i;
    }
  }
  return best;
}

/** Mean position of the given points: the hub the map draws translation lines from. */
export function centroidOf(points: ScreenPoints, indices: readonly number[]): [number, number] | null {
  if (indices.length === 0) return null;
  let x = 0;
  let y = 0;
  for (const i of indices) {
    x += points.xs[i];
    y += points.ys[i];
  }
  return [x / indices.length, y / indices.length];
}
