import { describe, expect, it } from 'vitest';
import { adapterParamCount, type AdapterShape } from './adapter';
import { createInfoNceLoss, type InfoNceOptions, type LossBatch } from './loss';
import { createRng } from '../numeric/rng';

function randomBatch(dim: number, size: number, seed: number, groups?: number[]): LossBatch {
  const rng = createRng(seed);
  const x = new Float64Array(2 * size * dim);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  // Make each passage resemble its question, as real pairs do, so the softmax is not uniform.
  for (let i = 0; i < size; i++) {
    for (let c = 0; c < dim; c++) x[(size + i) * dim + c] += 1.5 * x[i * dim + c];
  }
  return { x, size, groups: groups ? Int32Array.from(groups) : undefined };
}

function randomParams(shape: AdapterShape, seed: number, scale: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: adapterParamCount(shape) }, () => rng.normal() * scale);
}

/** Largest |analytic - central difference| relative to their size, over every parameter. */
function gradientError(shape: AdapterShape, options: InfoNceOptions, batch: LossBatch, params: Float64Array): number {
  const loss = createInfoNceLoss(shape, options);
  const grad = new Float64Array(params.length);
  loss.evaluate(params, batch, grad);
  const h = 1e-6;
  let worst = 0;
  for (let i = 0; i < params.length; i++) {
    const keep = params[i];
    params[i] = keep + h;
    const up = loss.evaluate(params, batch, null);
    params[i] = keep - h;
    const down = loss.evaluate(params, batch, null);
    params[i] = keep;
    const numeric = (up - down) / (2 * h);
    const error = Math.abs(grad[i] - numeric) / Math.max(Math.abs(grad[i]), Math.abs(numeric), 1e-4);
    worst = Math.max(worst, error);
  }
  return worst;
}

describe('InfoNCE loss', () => {
  it('equals the cross-entropy of cosine/tau logits for a hand-checkable batch at W = I', () => {
    // Two orthogonal pairs in 2-d: q0 = p0 = e0, q1 = p1 = e1, so logits = I / tau.
    const x = Float64Array.from([1, 0, 0, 1, 1, 0, 0, 1]);
    const tau = 0.5;
    const loss = createInfoNceLoss({ dim: 2, rank: 0 }, { tau, symmetric: false });
    const expected = -Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(0)));
    expect(loss.evaluate(new Float64Array(4), { x, size: 2 }, null)).toBeCloseTo(expected, 12);
  });

  it('leaves a same-answer passage out of the negatives', () => {
    // q0 is as close to p1 as to p0; in one answer group p1 no longer competes, so the loss of row 0 is 0.
    const x = Float64Array.from([1, 0, 1, 0, 1, 0, 1, 0]);
    const loss = createInfoNceLoss({ dim: 2, rank: 0 }, { tau: 0.05, symmetric: false });
    const params = new Float64Array(4);
    expect(loss.evaluate(params, { x, size: 2 }, null)).toBeCloseTo(Math.log(2), 12);
    expect(loss.evaluate(params, { x, size: 2, groups: Int32Array.from([7, 7]) }, null)).toBeCloseTo(0, 12);
  });

  it('gives no loss and no gradient for a batch of one pair (no negatives)', () => {
    const loss = createInfoNceLoss({ dim: 3, rank: 0 });
    const grad = new Float64Array(9).fill(5);
    expect(loss.evaluate(new Float64Array(9), randomBatch(3, 1, 1), grad)).toBe(0);
    expect(Array.from(grad)).toEqual(new Array(9).fill(0));
  });

  const cases: { name: string; shape: AdapterShape; options: InfoNceOptions; groups?: number[] }[] = [
    { name: 'full map, q->p', shape: { dim: 6, rank: 0 }, options: { tau: 0.05, symmetric: false } },
    { name: 'full map, symmetric', shape: { dim: 6, rank: 0 }, options: { tau: 0.1, symmetric: true } },
    { name: 'full map, masked answer group', shape: { dim: 5, rank: 0 }, options: { tau: 0.2, symmetric: true }, groups: [0, 1, 0, 2, 3] },
    { name: 'low rank 2, q->p', shape: { dim: 7, rank: 2 }, options: { tau: 0.05, symmetric: false } },
    { name: 'low rank 3, symmetric, masked', shape: { dim: 6, rank: 3 }, options: { tau: 0.1, symmetric: true }, groups: [4, 4, 1, 2, 3] },
  ];
  for (const { name, shape, options, groups } of cases) {
    it(`has analytic gradients matching central differences: ${name}`, () => {
      const batch = randomBatch(shape.dim, groups?.length ?? 4, 11, groups);
      const params = randomParams(shape, 3, 0.3);
      expect(gradientError(shape, options, batch, params)).toBeLessThan(1e-3);
    });
  }

  it('gives a nonzero gradient on U at the low-rank identity start (U = 0)', () => {
    const shape = { dim: 6, rank: 2 };
    const params = randomParams(shape, 5, 0.4);
    params.fill(0, 0, shape.dim * shape.rank);
    const grad = new Float64Array(params.length);
    createInfoNceLoss(shape).evaluate(params, randomBatch(6, 4, 2), grad);
    const uGradNorm = Math.hypot(...grad.subarray(0, 12));
    expect(uGradNorm).toBeGreaterThan(1e-3);
    expect(gradientError(shape, { tau: 0.05, symmetric: false }, randomBatch(6, 4, 2), params)).toBeLessThan(1e-3);
  });
});
