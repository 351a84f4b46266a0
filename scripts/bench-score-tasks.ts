/**
 * What `npm run bench:score` measures, shared by Node (scripts/bench-score.ts) and the browser
 * worker of test/pages/scoring-harness.html so both time the same code on the same inputs: the
 * synthetic XQuAD-R-scale benchmark (generateSyntheticBenchmark seed 1, 384-d), a product of its
 * first query rows with its first passage rows in blocks of 256 queries (as evaluateCorpus scores),
 * and the whole dense evaluation of it in three settings.
 */
import { evaluateCorpus } from '../src/core/evaluation/evaluate-corpus';
import type { SettingName } from '../src/core/metrics/types';
import type { SettingReport } from '../src/core/evaluation/eval-report';
import { createDenseRetriever } from '../src/core/retrieval/dense-retriever';
import { createProbedBackend, judgeParity } from '../src/core/scoring/probed-backend';
import { typescriptBackend, type ScoreBackend } from '../src/core/scoring/score-backend';
import { generateSyntheticBenchmark, type SyntheticBenchmark } from '../src/core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../src/core/training/synthetic-corpus';

export const BLOCK = 256;

const cached = new Map<number, SyntheticBenchmark>();
/** Seed 1; XQuAD-R's 1,190 question ids unless fewer are asked for (tests). */
export function benchmark(questions = 1190): SyntheticBenchmark {
  if (!cached.has(questions)) cached.set(questions, generateSyntheticBenchmark({ seed: 1, questions }));
  return cached.get(questions)!;
}

export interface ProductTiming {
  backend: string;
  /** Best of the timed repeats. */
  ms: number;
  gflops: number;
  /** Against the TypeScript kernel's product, when given: judgeParity on every row. */
  parity?: string;
}

/** queries x passages^T over the benchmark's first rows, block by block; the scores of the last repeat. */
export async function timeProduct(
  backend: ScoreBackend,
  nq: number,
  np: number,
  repeats: number,
  reference?: Float32Array,
): Promise<ProductTiming & { scores: Float32Array }> {
  const bench = benchmark();
  const dim = bench.dim;
  const queries = bench.queryEmb.subarray(0, nq * dim);
  const passages = bench.passageEmb.subarray(0, np * dim);
  const prepared = await backend.prepare(passages, dim);
  await prepared.score(queries.subarray(0, Math.min(nq, 8) * dim)); // warm-up: session, kernels
  let best = Infinity;
  const scores = new Float32Array(nq * np);
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    for (let q0 = 0; q0 < nq; q0 += BLOCK) {
      const q1 = Math.min(nq, q0 + BLOCK);
      scores.set((await prepared.score(queries.subarray(q0 * dim, q1 * dim))).scores, q0 * np);
    }
    best = Math.min(best, performance.now() - started);
  }
  prepared.dispose();
  const parity = reference ? judgeParity(scores, reference, queries, passages, dim) : undefined;
  return {
    backend: backend.name,
    ms: best,
    gflops: (2 * nq * np * dim) / best / 1e6,
    parity: parity && `${parity.ok ? 'agrees' : 'DISAGREES'}: ${parity.detail}`,
    scores,
  };
}

export interface EvaluationTiming {
  backend: string;
  /** Which backend scored and why (the probe's verdict). */
  status: string;
  notices: string[];
  ms: number;
  /** Process CPU time over the evaluation (Node only: every thread, onnxruntime's included). */
  cpuMs?: number;
  queries: number;
  passages: number;
  macro: Partial<Record<SettingName, SettingReport['macro']>>;
}

/** evaluateCorpus over the whole benchmark, all three settings, from its precomputed rows. */
export async function timeEvaluation(candidates: readonly ScoreBackend[], questions?: number): Promise<EvaluationTiming> {
  const { corpus, encoder } = buildSyntheticCorpus(benchmark(questions));
  const notices: string[] = [];
  const backend = candidates.length ? createProbedBackend(candidates, { onNotice: (m) => notices.push(m) }) : typescriptBackend;
  const cpu = typeof process === 'undefined' ? undefined : process.cpuUsage();
  const started = performance.now();
  const report = await evaluateCorpus(corpus, createDenseRetriever(encoder, { backend }), { keepQueries: false });
  const ms = performance.now() - started;
  const used = cpu && process.cpuUsage(cpu);
  const macro: EvaluationTiming['macro'] = {};
  for (const [setting, r] of Object.entries(report.settings)) macro[setting as SettingName] = r!.macro;
  const status = 'status' in backend ? (backend as { status: string }).status : backend.name;
  return {
    backend: backend.name,
    status,
    notices,
    ms,
    cpuMs: used && (used.user + used.system) / 1000,
    queries: corpus.questions.length,
    passages: corpus.passages.length,
    macro,
  };
}
