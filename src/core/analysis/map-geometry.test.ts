import { describe, expect, it } from 'vitest';
import { centroidOf, findNearestPoint, fitToBox } from './map-geometry';

describe('fitToBox', () => {
  it('keeps the aspect ratio, centres the cloud and puts larger y higher on screen', () => {
    // A 2 x 1 cloud into a 100 x 100 box with padding 10: scale 40, centred vertically.
    const p = fitToBox(Float32Array.from([0, 0, 2, 1]), 100, 100, 10);
    expect(Array.from(p.xs)).toEqual([10, 90]);
    expect(Array.from(p.ys)).toEqual([70, 30]);
  });

  it('puts a single point in the middle', () => {
    const p = fitToBox(Float32Array.from([5, 5]), 100, 60, 10);
    expect([p.xs[0], p.ys[0]]).toEqual([50, 30]);
  });
});

describe('findNearestPoint and centroidOf', () => {
  const points = { xs: Float32Array.from([0, 10, 20]), ys: Float32Array.from([0, 0, 0]) };
  it('finds the nearest visible point within reach', () => {
    expect(findNearestPoint(points, 12, 1, 5)).toBe(1);
    expect(findNearestPoint(points, 12, 1, 5, (i) => i !== 1)).toBe(-1);
    expect(findNearestPoint(points, 16, 0, 5, (i) => i !== 1)).toBe(2);
  });
  it('averages positions', () => {
    expect(centroidOf(points, [0, 2])).toEqual([10, 0]);
    expect(centroidOf(points, [])).toBeNull();
  });
});
