import { describe, expect, it } from 'vitest';
import { createAdamW } from './adamw';

describe('createAdamW', () => {
  it('moves each parameter by about lr against its gradient on the first step (bias-corrected)', () => {
    const params = Float64Array.from([0, 0, 0]);
    createAdamW(3, { lr: 0.01, weightDecay: 0 }).step(params, Float64Array.from([3, -0.5, 1e-3]));
    expect(params[0]).toBeCloseTo(-0.01, 6);
    expect(params[1]).toBeCloseTo(0.01, 6);
    expect(params[2]).toBeCloseTo(-0.01, 4);
  });

  it('decays parameters toward zero, decoupled from the gradient', () => {
    // With zero gradient the Adam part is 0, so only p <- p (1 - lr * wd) is left.
    const params = Float64Array.from([2, -4]);
    const opt = createAdamW(2, { lr: 0.1, weightDecay: 0.5 });
    opt.step(params, new Float64Array(2));
    opt.step(params, new Float64Array(2));
    expect(params[0]).toBeCloseTo(2 * 0.95 ** 2, 12);
    expect(params[1]).toBeCloseTo(-4 * 0.95 ** 2, 12);
  });

  it('matches a direct transcription of the AdamW update over several steps', () => {
    const lr = 0.05;
    const wd = 0.1;
    const params = Float64Array.from([1, -2]);
    const opt = createAdamW(2, { lr, weightDecay: wd });
    let m = [0, 0];
    let v = [0, 0];
    const ref = [1, -2];
    for (let t = 1; t <= 5; t++) {
      const g = ref.map((p, i) => (i === 0 ? 2 * p : Math.sin(t)));
      const g64 = Float64Array.from(params, (p, i) => (i === 0 ? 2 * p : Math.sin(t)));
      opt.step(params, g64);
      m = m.map((mi, i) => 0.9 * mi + 0.1 * g[i]);
      v = v.map((vi, i) => 0.999 * vi + 0.001 * g[i] * g[i]);
      for (let i = 0; i < 2; i++) {
        ref[i] = ref[i] - lr * wd * ref[i] - (lr * (m[i] / (1 - 0.9 ** t))) / (Math.sqrt(v[i] / (1 - 0.999 ** t)) + 1e-8);
      }
      expect(params[0]).toBeCloseTo(ref[0], 12);
      expect(params[1]).toBeCloseTo(ref[1], 12);
    }
  });

  it('minimises a quadratic', () => {
    const params = Float64Array.from([5, -3]);
    const opt = createAdamW(2, { lr: 0.1, weightDecay: 0 });
    const grad = new Float64Array(2);
    for (let t = 0; t < 500; t++) {
      grad[0] = 2 * (params[0] - 1);
      grad[1] = 2 * (params[1] + 2);
      opt.step(params, grad);
    }
    expect(params[0]).toBeCloseTo(1, 2);
    expect(params[1]).toBeCloseTo(-2, 2);
  });

  it('rejects bad settings and mismatched lengths', () => {
    expect(() => createAdamW(2, { lr: 0 })).toThrow('lr must be positive, got 0');
    expect(() => createAdamW(2, { beta2: 1 })).toThrow(/betas must be in \[0, 1\)/);
    expect(() => createAdamW(2).step(new Float64Array(3), new Float64Array(3))).toThrow('expected 2 parameters and gradients, got 3 and 3');
  });
});
