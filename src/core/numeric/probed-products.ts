/**
 * Matrix products on a faster float32 backend (onnxruntime), trusted only after a parity probe:
 * the first call of each shape is also computed on the TypeScript kernel for its first
 * PROBE_PRODUCT_ROWS rows, and every entry must be within PRODUCT_TOLERANCE x |a_i| |b_j| of it.
 * That bound is relative to the entry's own scale (Cauchy-Schwarz: |a_i . b_j| <= |a_i| |b_j|),
 * so entries near zero are judged fairly. Float32 inputs and sums give about sqrt(k) x 6e-8
 * (1.2e-6 at k = 384) and at worst k x 6e-8 (2.3e-5, never seen); a wrong kernel (a transpose, a
 * lost term, half precision) is orders above it. A backend that disagrees or fails is dropped for
 * the TypeScript kernel, and the reason is told.
 */
import { multiplyABt } from './dense-kernels';
import type { MatrixProducts, ProductRequest } from './matrix-products';

export const PRODUCT_TOLERANCE = 1e-5;
export const PROBE_PRODUCT_ROWS = 8;

/** A float32 product backend: returns A (n x k) B^T (m x k), n x m. OrtScoreBackend is one. */
export interface Float32Products {
  readonly name: string;
  multiplyABt(a: Float32Array, b: Float32Array, n: number, m: number, k: number): Promise<Float32Array>;
}

export interface ProbedProducts extends MatrixProducts {
  /** For a person: which backend multiplies now, and why (the probe's figures, or why not). */
  readonly status: string;
}

interface Verdict {
  ok: boolean;
  detail: string;
  worst: number;
}

function rowNorm(m: Float64Array, row: number, k: number): number {
  let s = 0;
  for (let t = 0; t < k; t++) s += m[row * k + t] * m[row * k + t];
  return Math.sqrt(s);
}

/** Compares the first rows of a candidate's product with the TypeScript kernel's. */
export function judgeProduct(p: ProductRequest, given: ArrayLike<number>): Verdict {
  const rows = Math.min(PROBE_PRODUCT_ROWS, p.n);
  const reference = new Float64Array(rows * p.m);
  multiplyABt(p.a, p.b, reference, rows, p.m, p.k);
  const bNorm = Float64Array.from({ length: p.m }, (_, j) => rowNorm(p.b, j, p.k));
  let worst = 0;
  for (let i = 0; i < rows; i++) {
    const aNorm = rowNorm(p.a, i, p.k);
    for (let j = 0; j < p.m; j++) {
      const scale = aNorm * bNorm[j];
      const diff = Math.abs(given[i * p.m + j] - reference[i * p.m + j]);
      if (!(diff <= PRODUCT_TOLERANCE * scale)) {
        return {
          ok: false,
          worst: Number.NaN,
          detail: `row ${i}, column ${j} of ${p.n} x ${p.m} x ${p.k}: ${given[i * p.m + j]} against ${reference[i * p.m + j]} (allowed ${PRODUCT_TOLERANCE} x ${scale.toPrecision(3)})`,
        };
      }
      if (scale > 0) worst = Math.max(worst, diff / scale);
    }
  }
  return { ok: true, worst, detail: '' };
}

export function createProbedProducts(candidate: Float32Products, opts: { onNotice?: (message: string) => void } = {}): ProbedProducts {
  let dropped = false;
  let status = `${candidate.name}, until the probe on the first product`;
  const probed = new Set<string>();
  let worst = 0;

  const drop = (why: string) => {
    dropped = true;
    status = `TypeScript (${candidate.name} ${why})`;
    opts.onNotice?.(`${candidate.name} ${why}: multiplying with the TypeScript kernel`);
  };

  return {
    get name() {
      return dropped ? 'TypeScript' : candidate.name;
    },
    get status() {
      return status;
    },
    async multiplyABt(p) {
      const { a, b, out, n, m, k } = p;
      if (!dropped) {
        let got: Float32Array | null = null;
        try {
          got = await candidate.multiplyABt(new Float32Array(a.subarray(0, n * k)), new Float32Array(b.subarray(0, m * k)), n, m, k);
          if (got.length !== n * m) throw new Error(`returned ${got.length} values for ${n} x ${m}`);
        } catch (e) {
          drop(`failed (${e instanceof Error ? e.message : String(e)})`);
        }
        const shape = `${n}x${m}x${k}`;
        if (got && !probed.has(shape)) {
          const verdict = judgeProduct(p, got);
          if (!verdict.ok) drop(`disagrees with the TypeScript kernel beyond relative ${PRODUCT_TOLERANCE} (${verdict.detail})`);
          else {
            probed.add(shape);
            worst = Math.max(worst, verdict.worst);
            status = `${candidate.name}: agrees with the TypeScript kernel on ${probed.size} product shape(s), largest difference ${worst.toExponential(1)} x |a_i| |b_j| (allowed ${PRODUCT_TOLERANCE})`;
          }
        }
        if (!dropped && got) {
          for (let i = 0; i < n * m; i++) out[i] = got[i];
          return;
        }
      }
      multiplyABt(a, b, out, n, m, k);
    },
  };
}
