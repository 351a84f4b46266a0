/**
 * Picks the scoring backend: the first of the candidates (fastest first) that loads, agrees with
 * the TypeScript kernel on a first block, and keeps running; otherwise the TypeScript kernel.
 * Every step down is told, with the reason. The probe compares the first rows of the first block
 * scored: every score within PROBE_MAX_DIFFERENCE (and within the float32 error bound the exact
 * re-scoring relies on), and the same top PROBE_TOP under the ranking order, except where the
 * reference itself has a near-tie that ranking re-scores exactly anyway.
 */
import { selectTopK } from '../metrics/top-k';
import { rowNorms, scoreTolerance, typescriptBackend, type BlockScores, type PreparedPassages, type ScoreBackend } from './score-backend';

export const PROBE_MAX_DIFFERENCE = 1e-4;
export const PROBE_ROWS = 8;
export const PROBE_TOP = 10;

export interface ProbedBackend extends ScoreBackend {
  /** For a person: which backend scores now, and why (the probe's figures, or why not the others). */
  readonly status: string;
}

export interface ProbeOptions {
  /** Told each time a candidate is dropped, with the reason. */
  onNotice?: (message: string) => void;
  /**
   * Blocks of fewer queries go to the TypeScript kernel (default 1: none do): for one query the
   * call into a runtime and the copy of the passages can cost more than the product.
   */
  minQueries?: number;
}

interface ProbeVerdict {
  ok: boolean;
  detail: string;
}

/** Compares a candidate's first rows with the reference's. */
export function judgeParity(given: Float32Array, reference: Float32Array, queries: Float32Array, passages: Float32Array, dim: number): ProbeVerdict {
  const np = passages.length / dim;
  const rows = reference.length / np;
  const qNorm = rowNorms(queries.subarray(0, rows * dim), dim);
  const pMax = rowNorms(passages, dim).reduce((a, b) => Math.max(a, b), 0);
  const keys = Int32Array.from({ length: np }, (_, j) => j);
  let worst = 0;
  for (let i = 0; i < rows; i++) {
    const tol = Math.min(PROBE_MAX_DIFFERENCE, scoreTolerance(dim, qNorm[i], pMax));
    for (let j = 0; j < np; j++) {
      const diff = Math.abs(given[i * np + j] - reference[i * np + j]);
      if (!(diff <= tol))
        return {
          ok: false,
          detail: `query ${i}, passage ${j}: score ${given[i * np + j]} against ${reference[i * np + j]} (allowed difference ${tol.toExponential(1)})`,
        };
      worst = Math.max(worst, diff);
    }
    const k = Math.min(PROBE_TOP, np);
    const a = selectTopK(given, i * np, np, k, keys).indices;
    const b = selectTopK(reference, i * np, np, k, keys).indices;
    for (let r = 0; r < k; r++) {
      if (a[r] !== b[r] && Math.abs(reference[i * np + a[r]] - reference[i * np + b[r]]) > 2 * tol) {
        return { ok: false, detail: `query ${i}: rank ${r + 1} is passage ${a[r]}, the reference has ${b[r]}` };
      }
    }
  }
  return { ok: true, detail: `largest score difference ${worst.toExponential(1)} over ${rows} x ${np}` };
}

export function createProbedBackend(candidates: readonly ScoreBackend[], opts: ProbeOptions = {}): ProbedBackend {
  let active = 0; // index into candidates; candidates.length = the TypeScript kernel
  let trusted = false;
  const dropped: string[] = [];
  let status = candidates.length ? `${candidates[0].name}, until the probe on the first block` : 'TypeScript (no other backend offered)';

  const drop = (index: number, why: string) => {
    if (index !== active) return; // already dropped by another pool
    const name = candidates[index].name;
    const next = candidates[index + 1]?.name ?? 'the TypeScript kernel';
    const message = `${name} ${why}: scoring with ${next}`;
    dropped.push(`${name} ${why}`);
    opts.onNotice?.(message);
    active = index + 1;
    trusted = false;
    status = active < candidates.length ? `${candidates[active].name}, until the probe (${dropped.join('; ')})` : `TypeScript (${dropped.join('; ')})`;
  };
  const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

  async function prepareFrom(passages: Float32Array, dim: number): Promise<{ index: number; prepared: PreparedPassages }> {
    while (active < candidates.length) {
      const index = active;
      try {
        return { index, prepared: await candidates[index].prepare(passages, dim) };
      } catch (e) {
        drop(index, `failed to take the passages (${reason(e)})`);
      }
    }
    return { index: candidates.length, prepared: await typescriptBackend.prepare(passages, dim) };
  }

  return {
    get name() {
      return active < candidates.length ? candidates[active].name : typescriptBackend.name;
    },
    get status() {
      return status;
    },
    async prepare(passages, dim) {
      let current = await prepareFrom(passages, dim);
      const rows = passages.length / dim;
      const small = typescriptBackend.prepare(passages, dim);
      const score = async (queries: Float32Array): Promise<BlockScores> => {
        if (queries.length / dim < (opts.minQueries ?? 1)) return (await small).score(queries);
        for (;;) {
          if (current.index !== active) {
            current.prepared.dispose();
            current = await prepareFrom(passages, dim);
          }
          if (current.index === candidates.length) return current.prepared.score(queries);
          const index = current.index;
          let result: BlockScores;
          try {
            result = await current.prepared.score(queries);
            if (result.scores.length !== (queries.length / dim) * rows)
              throw new Error(`returned ${result.scores.length} scores for ${queries.length / dim} x ${rows}`);
          } catch (e) {
            drop(index, `failed while scoring (${reason(e)})`);
            continue;
          }
          if (trusted) return result;
          const probeRows = Math.min(PROBE_ROWS, queries.length / dim);
          const reference = (await typescriptBackend.prepare(passages, dim)).score(queries.subarray(0, probeRows * dim));
          const verdict = judgeParity(result.scores, (await reference).scores, queries, passages, dim);
          if (!verdict.ok) {
            drop(index, `disagrees with the TypeScript kernel on the first block (${verdict.detail})`);
            continue;
          }
          trusted = true;
          status = `${candidates[index].name}: agrees with the TypeScript kernel on the first block (${verdict.detail})${dropped.length ? `; ${dropped.join('; ')}` : ''}`;
          return result;
        }
      };
      return {
        rows,
        score,
        dispose: () => current.prepared.dispose(),
      };
    },
  };
}
