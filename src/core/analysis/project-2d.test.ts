import { describe, expect, it } from 'vitest';
import { createRng } from '../numeric/rng';
import { projectTo2d } from './project-2d';

/** Two tight clouds of 30 points each in 8-D, far apart along the first coordinate. */
function twoClouds(): Float32Array {
  const rng = createRng(3);
  const dim = 8;
  const out = new Float32Array(60 * dim);
  for (let r = 0; r < 60; r++) {
    for (let j = 0; j < dim; j++) out[r * dim + j] = rng.normal() * 0.1;
    out[r * dim] += r < 30 ? -5 : 5;
  }
  return out;
}

function centre(coords: Float32Array, from: number, to: number): [number, number] {
  let x = 0;
  let y = 0;
  for (let r = from; r < to; r++) {
    x += coords[r * 2];
    y += coords[r * 2 + 1];
  }
  return [x / (to - from), y / (to - from)];
}

function spread(coords: Float32Array, from: number, to: number): number {
  const [cx, cy] = centre(coords, from, to);
  let s = 0;
  for (let r = from; r < to; r++) s += Math.hypot(coords[r * 2] - cx, coords[r * 2 + 1] - cy);
  return s / (to - from);
}

describe('projectTo2d', () => {
  it('PCA puts the two clouds apart on the first axis and says how much variance it shows', async () => {
    const p = await projectTo2d(twoClouds(), 8, { method: 'pca' });
    expect(p.coords).toHaveLength(120);
    const [a] = centre(p.coords, 0, 30);
    const [b] = centre(p.coords, 30, 60);
    expect(Math.abs(a - b)).toBeCloseTo(10, 0);
    expect(p.explained![0]).toBeGreaterThan(0.99);
  });

  it('PCA fitted on a sample of a large set draws the same picture', async () => {
    const full = await projectTo2d(twoClouds(), 8, { method: 'pca' });
    const sampled = await projectTo2d(twoClouds(), 8, { method: 'pca', pcaSampleRows: 20 });
    expect(sampled.coords).toHaveLength(120);
    // Same clouds, same separation along the first axis (within the sample's noise).
    const gap = (c: Float32Array) => Math.abs(centre(c, 0, 30)[0] - centre(c, 30, 60)[0]);
    expect(gap(sampled.coords)).toBeCloseTo(gap(full.coords), 1);
  });

  it('UMAP keeps each cloud together and apart from the other, the same on every run', async () => {
    const fractions: number[] = [];
    const p = await projectTo2d(twoClouds(), 8, { method: 'umap', nEpochs: 100, onProgress: (f) => fractions.push(f) });
    const [ax, ay] = centre(p.coords, 0, 30);
    const [bx, by] = centre(p.coords, 30, 60);
    const gap = Math.hypot(ax - bx, ay - by);
    expect(gap).toBeGreaterThan(3 * Math.max(spread(p.coords, 0, 30), spread(p.coords, 30, 60)));
    expect(fractions.at(-1)).toBe(1);
    const again = await projectTo2d(twoClouds(), 8, { method: 'umap', nEpochs: 100 });
    expect(Array.from(again.coords)).toEqual(Array.from(p.coords));
  });

  it('falls back to PCA for fewer than four points and stops when aborted', async () => {
    const few = await projectTo2d(twoClouds().subarray(0, 24), 8, { method: 'umap' });
    expect(few.method).toBe('pca');
    const controller = new AbortController();
    controller.abort();
    await expect(projectTo2d(twoClouds(), 8, { method: 'umap', signal: controller.signal })).rejects.toThrow();
    await expect(projectTo2d(new Float32Array(10), 8, { method: 'pca' })).rejects.toThrow(/10 numbers are not a whole number of 8-wide rows/);
  });
});
