import { describe, expect, it } from 'vitest';
import { multiplyABt } from './dense-kernels';
import { runProducts, product, typescriptProducts } from './matrix-products';
import { createProbedProducts, PRODUCT_TOLERANCE, type Float32Products } from './probed-products';
import { createRng } from './rng';

/** A float32 backend in TypeScript: inputs rounded to `bits` of mantissa, sums in float32, as a runtime would. */
function roundedBackend(name: string, bits: number): Float32Products {
  const scale = 2 ** bits;
  const round = (x: number) => {
    if (x === 0) return 0;
    const e = 2 ** Math.floor(Math.log2(Math.abs(x)));
    return (Math.round((x / e) * scale) / scale) * e;
  };
  return {
    name,
    async multiplyABt(a, b, n, m, k) {
      const out = new Float32Array(n * m);
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          let s = 0;
          for (let t = 0; t < k; t++) s = Math.fround(s + Math.fround(round(a[i * k + t]) * round(b[j * k + t])));
          out[i * m + j] = s;
        }
      return out;
    },
  };
}

const rng = createRng(7);
const n = 12;
const m = 20;
const k = 64;
const a = Float64Array.from({ length: n * k }, () => rng.normal());
const b = Float64Array.from({ length: m * k }, () => rng.normal());
const reference = new Float64Array(n * m);
multiplyABt(a, b, reference, n, m, k);

describe('createProbedProducts', () => {
  it('uses a float32 backend that agrees to relative 1e-5, and says so', async () => {
    const notices: string[] = [];
    const probed = createProbedProducts(roundedBackend('float32 kernel', 23), { onNotice: (msg) => notices.push(msg) });
    const out = new Float64Array(n * m);
    await probed.multiplyABt(product(a, b, out, n, m, k));
    expect(notices).toEqual([]);
    expect(probed.name).toBe('float32 kernel');
    expect(probed.status).toMatch(/^float32 kernel: agrees with the TypeScript kernel on 1 product shape\(s\), largest difference .* \(allowed 0.00001\)$/);
    expect(out).not.toEqual(reference); // float32 sums
    out.forEach((x, i) => expect(Math.abs(x - reference[i])).toBeLessThan(1e-4));
  });

  it('refuses a backend that disagrees beyond the tolerance, names the entry, and multiplies in TypeScript from then on', async () => {
    const notices: string[] = [];
    // bfloat16-like inputs: 8 bits of mantissa, a relative error near 4e-3.
    const probed = createProbedProducts(roundedBackend('bfloat16 kernel', 7), { onNotice: (msg) => notices.push(msg) });
    const out = new Float64Array(n * m);
    await probed.multiplyABt(product(a, b, out, n, m, k));
    expect(out).toEqual(reference); // this very call was redone on the TypeScript kernel
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      new RegExp(
        `^bfloat16 kernel disagrees with the TypeScript kernel beyond relative ${PRODUCT_TOLERANCE} \\(row 0, column \\d+ of 12 x 20 x 64: .* against .*\\): multiplying with the TypeScript kernel$`,
      ),
    );
    expect(probed.name).toBe('TypeScript');
    expect(probed.status).toMatch(/^TypeScript \(bfloat16 kernel disagrees/);
    const again = new Float64Array(n * m);
    await probed.multiplyABt(product(a, b, again, n, m, k));
    expect(again).toEqual(reference);
    expect(notices).toHaveLength(1);
  });

  it('falls back with the error when the backend fails', async () => {
    const notices: string[] = [];
    const broken: Float32Products = {
      name: 'broken runtime',
      async multiplyABt() {
        throw new Error('no session');
      },
    };
    const probed = createProbedProducts(broken, { onNotice: (msg) => notices.push(msg) });
    const out = new Float64Array(n * m);
    await runProducts(
      (function* () {
        yield product(a, b, out, n, m, k);
      })(),
      probed,
    );
    expect(out).toEqual(reference);
    expect(notices).toEqual(['broken runtime failed (no session): multiplying with the TypeScript kernel']);
  });

  it('leaves the TypeScript kernel exact', async () => {
    const out = new Float64Array(n * m);
    await typescriptProducts.multiplyABt(product(a, b, out, n, m, k));
    expect(out).toEqual(reference);
  });
});
