/**
 * Would the adapter's matrix products be faster on onnxruntime-node? Times each product that
 * adapter application (applyAdapter: 256-row chunks x W^T) and one full-rank training step
 * (InfoNCE, loss.ts, batch 100: forward over 200 rows, logits, the two backward products, the
 * gradient) compute, with the TypeScript kernel (multiplyABt, float64) and with onnxruntime-node's
 * Gemm (float32, the float64 inputs converted each call, as training would have to), in one run.
 *
 *   npx tsx scripts/bench-adapter-products.ts [--repeats 20]
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { multiplyABt } from '../src/core/numeric/dense-kernels';
import { createOrtNodeBackend } from '../src/encoder/ort-node-backend';

const { values } = parseArgs({ options: { repeats: { type: 'string', default: '20' } } });
const repeats = Number(values.repeats);
const d = 384;
const b = 100;
const shapes: { what: string; n: number; m: number; k: number }[] = [
  { what: 'adapter application, one 256-row chunk x W^T', n: 256, m: d, k: d },
  { what: 'adapter application, all 28,798 benchmark rows x W^T in one call', n: 28798, m: d, k: d },
  { what: 'training forward, 200 rows x W^T', n: 2 * b, m: d, k: d },
  { what: 'training logits, 100 x 100 over 384', n: b, m: b, k: d },
  { what: 'training backward, 100 x 384 over 100 (twice a step)', n: b, m: d, k: b },
  { what: 'training gradient, 384 x 384 over 200 rows', n: d, m: d, k: 2 * b },
];

const random = (length: number, seed: number) => Float64Array.from({ length }, (_, i) => Math.sin(i * 12.9898 + seed) * 0.05);
const threads = Math.min(2, availableParallelism());
const ort = createOrtNodeBackend(threads);
console.log(`node ${process.version}, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at the start; best of ${repeats}`);
console.log(`| product | n x m x k | TypeScript (float64) | ${ort.name} | ratio | max relative difference |`);
console.log('|---|---|---:|---:|---:|---:|');
for (const { what, n, m, k } of shapes) {
  const a = random(n * k, 1);
  const bm = random(m * k, 2);
  const out = new Float64Array(n * m);
  const reps = n > 1000 ? Math.max(2, Math.ceil(repeats / 10)) : repeats;
  let ts = Infinity;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    multiplyABt(a, bm, out, n, m, k);
    ts = Math.min(ts, performance.now() - t0);
  }
  await ort.multiplyABt(Float32Array.from(a), Float32Array.from(bm), n, m, k); // warm-up: session
  let native = Infinity;
  let got: Float32Array = new Float32Array(0);
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    got = await ort.multiplyABt(Float32Array.from(a), Float32Array.from(bm), n, m, k);
    const back = Float64Array.from(got); // training continues in float64
    native = Math.min(native, performance.now() - t0);
    if (back.length !== out.length) throw new Error('shape');
  }
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < out.length; i++) scale = Math.max(scale, Math.abs(out[i]));
  for (let i = 0; i < out.length; i++) worst = Math.max(worst, Math.abs(got[i] - out[i]) / scale);
  console.log(`| ${what} | ${n} x ${m} x ${k} | ${ts.toFixed(2)} ms | ${native.toFixed(2)} ms | ${(ts / native).toFixed(1)}x | ${worst.toExponential(1)} |`);
}
console.log(`load average ${loadavg()[0].toFixed(1)} at the end`);
await ort.release();
