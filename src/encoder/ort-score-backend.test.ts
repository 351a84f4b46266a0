/**
 * The onnxruntime scoring backend in Node (onnxruntime-node, the CLI's): its product against the
 * TypeScript kernel, and whole evaluations that must give the TypeScript path's metrics exactly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadJsonlCorpus } from '../core/corpus/jsonl-loader';
import { evaluateCorpus } from '../core/evaluation/evaluate-corpus';
import { dotScores } from '../core/numeric/row-matrix';
import { createDenseRetriever } from '../core/retrieval/dense-retriever';
import type { Encoder } from '../core/retrieval/types';
import { createProbedBackend } from '../core/scoring/probed-backend';
import { rowNorms, scoreTolerance, type ScoreBackend } from '../core/scoring/score-backend';
import { createMemorySource } from '../core/corpus/memory-source';
import type { Corpus } from '../core/corpus/types';
import { generateSyntheticBenchmark } from '../core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../core/training/synthetic-corpus';
import { createNodeEncoder, resolveNodeModel } from './node-encoder';
import { createOrtNodeBackend } from './ort-node-backend';

const ort = createOrtNodeBackend(2);
afterAll(() => ort.release());

async function evaluateBoth(corpus: Corpus, encoder: Encoder) {
  const notices: string[] = [];
  const probed = createProbedBackend([ort], { onNotice: (m) => notices.push(m) });
  const run = async (backend?: ScoreBackend) => ({
    ...(await evaluateCorpus(corpus, createDenseRetriever(encoder, { backend }), { queryBlock: 64, runDepth: 20 })),
    elapsedMs: 0,
  });
  return { typescript: await run(), onnxruntime: await run(probed), notices, status: probed.status };
}

describe('onnxruntime-node scoring backend', () => {
  it('multiplies a block of queries by the passages within the float32 bound of the TypeScript kernel', async () => {
    const bench = generateSyntheticBenchmark({ seed: 2, questions: 40, dim: 96 });
    const dim = bench.dim;
    // Rows scaled to unequal lengths, as an untrained or adapted encoder may give.
    const queries = bench.queryEmb.slice(0, 50 * dim).map((x, i) => x * (1 + (Math.floor(i / dim) % 7)));
    const passages = bench.passageEmb;
    const prepared = await ort.prepare(passages, dim);
    const { scores, exact } = await prepared.score(queries);
    const reference = dotScores(queries, passages, dim);
    expect(exact).toBe(false);
    expect(scores).toHaveLength(reference.length);
    const np = passages.length / dim;
    const qNorm = rowNorms(queries, dim);
    const pMax = Math.max(...rowNorms(passages, dim));
    let worst = 0;
    for (let i = 0; i < reference.length; i++) {
      worst = Math.max(worst, Math.abs(scores[i] - reference[i]) / scoreTolerance(dim, qNorm[Math.floor(i / np)], pMax));
    }
    expect(worst).toBeLessThan(1);
    expect(worst).toBeGreaterThan(0); // float32 sums do differ: the exact re-scoring is needed
    prepared.dispose();
  });

  it("gives the TypeScript path's metrics, ranks and top lists on the synthetic benchmark", async () => {
    const { corpus, encoder } = buildSyntheticCorpus(generateSyntheticBenchmark({ seed: 1, questions: 60 }));
    const { typescript, onnxruntime, notices, status } = await evaluateBoth(corpus, encoder);
    expect(onnxruntime).toEqual(typescript);
    expect(notices).toEqual([]);
    expect(status).toMatch(/^onnxruntime-node \(cpu, 2 threads\): agrees with the TypeScript kernel on the first block/);
  }, 120_000);

  it("gives the TypeScript path's metrics on the fixture model and the lexicon corpus", async () => {
    const text = readFileSync(path.resolve(__dirname, '../../test/fixtures/lexicon-corpus.jsonl'), 'utf8');
    const { corpus } = await loadJsonlCorpus(createMemorySource([{ name: 'lexicon-corpus.jsonl', text }]), ['lexicon-corpus.jsonl']);
    const encoder = await createNodeEncoder(resolveNodeModel('fixture/xlmr-tiny'), { dtype: 'fp32' });
    try {
      const { typescript, onnxruntime, notices } = await evaluateBoth(corpus, encoder);
      expect(onnxruntime).toEqual(typescript);
      expect(notices).toEqual([]);
      expect(typescript.settings.mono!.macro.ap).toBeGreaterThan(0.9);
    } finally {
      await encoder.dispose();
    }
  }, 120_000);
});
