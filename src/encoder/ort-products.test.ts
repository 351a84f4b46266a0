/**
 * Adapter training and application on onnxruntime-node (the CLI's `experiment` under --scoring
 * auto) against the TypeScript kernel, the reference.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createProbedProducts } from '../core/numeric/probed-products';
import { createRng } from '../core/numeric/rng';
import { applyAdapter, applyAdapterWith, createIdentityAdapter } from '../core/training/adapter';
import { runExperiment, type ExperimentResult } from '../core/training/run-experiment';
import { generateSyntheticBenchmark } from '../core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../core/training/synthetic-corpus';
import { createOrtNodeBackend } from './ort-node-backend';

const ort = createOrtNodeBackend(2);
afterAll(() => ort.release());

const small = buildSyntheticCorpus(
  generateSyntheticBenchmark({ seed: 11, questions: 80, dim: 64, languages: ['en', 'de', 'zh', 'ar'], noise: 0.8 }),
  'small synthetic',
);

function experiment(products?: Parameters<typeof runExperiment>[0]['products']): Promise<ExperimentResult> {
  return runExperiment({ ...small, epochs: 4, batchSize: 16, testFraction: 0.25, seed: 1, products });
}

describe('adapter training on onnxruntime-node', () => {
  it("gives the TypeScript run's losses and metrics within float32 tolerance", async () => {
    const notices: string[] = [];
    const probed = createProbedProducts(ort, { onNotice: (m) => notices.push(m) });
    const reference = await experiment();
    const native = await experiment(probed);
    expect(notices).toEqual([]);
    expect(probed.status).toMatch(/^onnxruntime-node .*: agrees with the TypeScript kernel on \d+ product shape/);
    let worstLoss = 0;
    reference.strategies.forEach((s, i) => {
      const other = native.strategies[i].lossCurve;
      expect(other.map((p) => p.step)).toEqual(s.lossCurve.map((p) => p.step));
      s.lossCurve.forEach((p, k) => (worstLoss = Math.max(worstLoss, Math.abs(other[k].loss - p.loss) / p.loss)));
    });
    // Float32 products move each step's loss by float32 rounding (measured 5.7e-7 relative at
    // most); 1e-5 leaves room for it to grow over the 16 steps without hiding a wrong product.
    expect(worstLoss).toBeGreaterThan(0); // the products did run in float32
    expect(worstLoss).toBeLessThan(1e-5);
    // The weights likewise (AdamW normalises each gradient entry, so relative to the largest).
    reference.strategies.forEach((s, i) => {
      const w = s.adapter.params;
      const v = native.strategies[i].adapter.params;
      const largest = w.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
      const worst = w.reduce((m, x, j) => Math.max(m, Math.abs(v[j] - x)), 0);
      expect(worst / largest, s.name).toBeLessThan(1e-4);
    });
    // The adapted rows move by about 1e-7 relative, so only two scores closer than that could
    // swap; on this fixture none are, and the metrics stay within the 1e-6 of the reference.
    reference.rows.forEach((row, i) => {
      for (const key of ['monoMap', 'monoR1', 'crossMap', 'crossR1', 'multiMap', 'multiR10', 'maxRankDistance'] as const) {
        expect(Math.abs(native.rows[i][key]! - row[key]!), `${row.key} ${key}`).toBeLessThanOrEqual(1e-6);
      }
    });
  }, 120_000);
});

describe('adapter application on onnxruntime-node', () => {
  it('maps rows like the TypeScript kernel, to float32 rounding, full and low-rank', async () => {
    const rng = createRng(3);
    const dim = 48;
    const rows = 5000; // more than one 4096-row chunk
    const matrix = Float32Array.from({ length: rows * dim }, () => rng.normal());
    for (const rank of [0, 6]) {
      const adapter = createIdentityAdapter(dim, rank, 2);
      for (let i = 0; i < adapter.params.length; i++) adapter.params[i] += rng.normal() * 0.1;
      const probed = createProbedProducts(ort);
      const reference = applyAdapter(adapter, matrix, rows, dim);
      const same = await applyAdapterWith(adapter, matrix, rows, dim); // no backend: the TypeScript kernel, exactly
      expect(same.every((x, i) => x === reference[i])).toBe(true);
      const native = await applyAdapterWith(adapter, matrix, rows, dim, probed);
      expect(probed.name).toMatch(/^onnxruntime-node/);
      // Unit rows, so the difference is relative: float32 rounding of a 48-term sum.
      const worst = reference.reduce((m, x, i) => Math.max(m, Math.abs(native[i] - x)), 0);
      expect(worst).toBeGreaterThan(0);
      expect(worst).toBeLessThan(1e-5);
    }
  });
});
