/**
 * AdamW (Loshchilov & Hutter): Adam's moment estimates with bias correction, plus weight decay
 * applied to the parameters directly rather than through the gradient, as PyTorch's AdamW does:
 *   p <- p - lr * weightDecay * p;   p <- p - lr * mhat / (sqrt(vhat) + eps).
 * Decay pulls parameters toward 0. The adapter's parameters are the deviation from the identity
 * (W = I + Delta, or I + U V^T), so here decay pulls W toward the identity, i.e. toward the frozen
 * encoder, which is the regulariser an adapter wants.
 */
export interface AdamWOptions {
  /**
   * 5e-4 default. The paper's 3e-5 is for fine-tuning a whole transformer; a single linear map
   * that starts at identity and trains for a few hundred steps needs a far larger step to move
   * at all (Adam's step per parameter is about lr). On the synthetic benchmark (10 epochs of
   * 100-pair batches) 3e-4..5e-4 did best on held-out questions; 1e-3 and above already overfit
   * the full 384 x 384 map to the training questions.
   */
  lr: number;
  /** Decoupled weight decay, 0.01 as in the paper. */
  weightDecay: number;
  beta1: number;
  beta2: number;
  eps: number;
}

export const DEFAULT_ADAMW: AdamWOptions = { lr: 5e-4, weightDecay: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 };

export interface AdamW {
  /** Updates params in place from grad; returns the step count so far. */
  step(params: Float64Array, grad: Float64Array): number;
}

export function createAdamW(size: number, options: Partial<AdamWOptions> = {}): AdamW {
  const { lr, weightDecay, beta1, beta2, eps } = { ...DEFAULT_ADAMW, ...options };
  if (!(lr > 0)) throw new RangeError(`createAdamW: lr must be positive, got ${lr}`);
  if (!(weightDecay >= 0)) throw new RangeError(`createAdamW: weightDecay must be >= 0, got ${weightDecay}`);
  if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
    throw new RangeError(`createAdamW: betas must be in [0, 1), got ${beta1}, ${beta2}`);
  }
  if (!(eps > 0)) throw new RangeError(`createAdamW: eps must be positive, got ${eps}`);
  const m = new Float64Array(size);
  const v = new Float64Array(size);
  let t = 0;
  // beta^t by running product rather than **, whose rounding the spec leaves to each engine.
  let beta1Power = 1;
  let beta2Power = 1;
  const step = (params: Float64Array, grad: Float64Array): number => {
    if (params.length !== size || grad.length !== size) {
      throw new RangeError(`AdamW.step: expected ${size} parameters and gradients, got ${params.length} and ${grad.length}`);
    }
    t++;
    beta1Power *= beta1;
    beta2Power *= beta2;
    const c1 = 1 / (1 - beta1Power);
    const c2 = 1 / (1 - beta2Power);
    const decay = 1 - lr * weightDecay;
    for (let i = 0; i < size; i++) {
      const g = grad[i];
      const mi = beta1 * m[i] + (1 - beta1) * g;
      const vi = beta2 * v[i] + (1 - beta2) * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] = params[i] * decay - (lr * (mi * c1)) / (Math.sqrt(vi * c2) + eps);
    }
    return t;
  };
  return { step };
}
