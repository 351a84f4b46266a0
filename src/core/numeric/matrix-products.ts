/**
 * Where adapter application and the training step send their matrix products. The code that
 * needs products is written as a generator yielding ProductRequests, so one body of arithmetic
 * runs either synchronously on the TypeScript kernel (the reference: runProductsSync) or awaits
 * an injected backend (runProducts), such as onnxruntime in src/encoder, which core may not import.
 */
import { multiplyABt } from './dense-kernels';

/** out (n x m) = A (n x k) B^T (m x k), row-major. */
export interface ProductRequest {
  a: Float64Array;
  b: Float64Array;
  out: Float64Array;
  n: number;
  m: number;
  k: number;
}

export interface MatrixProducts {
  /** For a person: "TypeScript", "onnxruntime-node (cpu, 2 threads)". */
  readonly name: string;
  multiplyABt(request: ProductRequest): Promise<void>;
}

/** The reference: multiplyABt, float64 sums. */
export const typescriptProducts: MatrixProducts = {
  name: 'TypeScript',
  async multiplyABt(p) {
    multiplyABt(p.a, p.b, p.out, p.n, p.m, p.k);
  },
};

export type ProductSteps<T> = Generator<ProductRequest, T, void>;

export function product(a: Float64Array, b: Float64Array, out: Float64Array, n: number, m: number, k: number): ProductRequest {
  return { a, b, out, n, m, k };
}

/** Runs the steps with the TypeScript kernel, synchronously. */
export function runProductsSync<T>(steps: ProductSteps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    const p = next.value;
    multiplyABt(p.a, p.b, p.out, p.n, p.m, p.k);
  }
}

/** Runs the steps on `products`; without one, on the TypeScript kernel (still synchronously inside). */
export async function runProducts<T>(steps: ProductSteps<T>, products?: MatrixProducts): Promise<T> {
  if (!products || products === typescriptProducts) return runProductsSync(steps);
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await products.multiplyABt(next.value);
  }
}
