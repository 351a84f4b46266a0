/**
 * The scoring backend on onnxruntime, for any of its JavaScript packages (onnxruntime-node in
 * the CLI, onnxruntime-web in the browser's workers): one Gemm session (onnx/gemm-model.ts) run
 * per block of queries against a pool's passages, which are wrapped in a tensor once per pool.
 * onnxruntime sums in float32 (MLAS natively, 128-bit SIMD in WASM, shaders on WebGPU); the
 * ranking code re-scores near-ties exactly (core/scoring/settle-row.ts).
 */
import type { PreparedPassages, ScoreBackend } from '../core/scoring/score-backend';
import { gemmABtModel } from './onnx/gemm-model';

/** The part of onnxruntime-common's API used here, which both packages implement. */
export interface OrtTensorLike {
  readonly data: unknown;
  dispose?(): void;
}
export interface OrtSessionLike {
  run(feeds: Record<string, OrtTensorLike>): Promise<Record<string, OrtTensorLike>>;
  release(): Promise<void>;
}
export interface OrtLike {
  InferenceSession: { create(model: Uint8Array, options?: object): Promise<OrtSessionLike> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensorLike;
}

export interface OrtBackendOptions {
  /** For a person: "onnxruntime-node (cpu, 2 threads)". */
  name: string;
  /** InferenceSession options: execution providers, threads. */
  sessionOptions: object;
}

/** A scoring backend that also multiplies general matrices (adapter application, training). */
export interface OrtScoreBackend extends ScoreBackend {
  /** out (n x m) = A (n x k) B^T (m x k), float32 sums. */
  multiplyABt(a: Float32Array, b: Float32Array, n: number, m: number, k: number): Promise<Float32Array>;
  release(): Promise<void>;
}

export function createOrtScoreBackend(ort: OrtLike, opts: OrtBackendOptions): OrtScoreBackend {
  let session: Promise<OrtSessionLike> | null = null;
  // No spinning: between two products the ranking code runs on the same cores, and idle
  // onnxruntime threads spinning for work took a third of the CPU time of an evaluation.
  const sessionOf = () =>
    (session ??= ort.InferenceSession.create(gemmABtModel(), {
      graphOptimizationLevel: 'all',
      extra: { session: { intra_op: { allow_spinning: '0' } } },
      ...opts.sessionOptions,
    }));

  async function run(a: OrtTensorLike, b: OrtTensorLike, n: number, m: number): Promise<Float32Array> {
    const s = await sessionOf();
    const out = (await s.run({ a, b })).s;
    const data = out.data;
    if (!(data instanceof Float32Array) || data.length !== n * m) {
      out.dispose?.();
      throw new Error(`the Gemm session returned ${data instanceof Float32Array ? `${data.length} values` : 'no float32 data'} for ${n} x ${m}`);
    }
    return data;
  }

  return {
    name: opts.name,
    async prepare(passages, dim): Promise<PreparedPassages> {
      await sessionOf(); // fail here, not on the first block, when the runtime cannot start
      const rows = passages.length / dim;
      let b: OrtTensorLike | null = new ort.Tensor('float32', passages, [rows, dim]);
      return {
        rows,
        async score(queries) {
          if (!b) throw new Error('these passages were disposed');
          const n = queries.length / dim;
          const a = new ort.Tensor('float32', queries, [n, dim]);
          try {
            return { scores: await run(a, b, n, rows), exact: false };
          } finally {
            a.dispose?.();
          }
        },
        dispose() {
          b?.dispose?.();
          b = null;
        },
      };
    },
    async multiplyABt(a, b, n, m, k) {
      const ta = new ort.Tensor('float32', a, [n, k]);
      const tb = new ort.Tensor('float32', b, [m, k]);
      try {
        return await run(ta, tb, n, m);
      } finally {
        ta.dispose?.();
        tb.dispose?.();
      }
    },
    async release() {
      const s = session;
      session = null;
      if (s) await (await s).release();
    },
  };
}
