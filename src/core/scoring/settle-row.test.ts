import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankRelevant } from '../metrics/rank-relevant';
import { selectTopK } from '../metrics/top-k';
import { rankScoredRow, type ExactRescorer } from './settle-row';

const TOL = 1e-4;
const identityKeys = (n: number) => Int32Array.from({ length: n }, (_, j) => j);

/** A rescorer over a known exact row, recording which candidates it was asked for. */
function rescorerOf(exact: Float32Array, tol = TOL, many = false) {
  const asked: number[] = [];
  const mismatches: number[] = [];
  const rescorer: ExactRescorer = {
    tolerance: () => tol,
    at: (_row, j) => (asked.push(j), exact[j]),
    mismatch: (row) => mismatches.push(row),
    // As a dense rescorer does: several candidates in one call.
    ...(many
      ? {
          atMany: (_row: number, cols: Int32Array, count: number, shift: number, out: Float64Array) => {
            for (let i = 0; i < count; i++) out[i] = exact[(asked.push(cols[i] + shift), cols[i] + shift)];
          },
        }
      : {}),
  };
  return { rescorer, asked, mismatches };
}

describe('rankScoredRow', () => {
  it('gives the exact rank where float32 noise had reordered a near-tie with the relevant passage', () => {
    // Exactly, passage 1 beats the relevant passage 2 and passage 3 ties with it (and loses on
    // the tie key); the given scores, off by less than the tolerance, put both below it.
    const exact = Float32Array.of(0.9, 0.70000005, 0.7, 0.7, 0.2, 0.1);
    const given = Float32Array.of(0.9, 0.69995, 0.70001, 0.69998, 0.2, 0.1);
    const keys = identityKeys(6);
    expect(rankRelevant(given, 0, 6, Int32Array.of(2), keys)).toEqual([2]);
    const { rescorer, asked } = rescorerOf(exact);
    expect(rankScoredRow(given, 0, 6, 0, Int32Array.of(2), 0, keys, rescorer).relevantRanks).toEqual([3]);
    // Only the relevant passage and its near neighbours were recomputed.
    expect([...new Set(asked)].sort()).toEqual([1, 2, 3]);
  });

  it('gives the exact top k, scores included, where the given order differs', () => {
    const exact = Float32Array.of(0.5, 0.80000001, 0.8, 0.1, 0.79999, 0.3);
    const given = Float32Array.of(0.5, 0.79996, 0.80003, 0.1, 0.80001, 0.3);
    const { top } = rankScoredRow(given, 0, 6, 0, new Int32Array(0), 2, identityKeys(6), rescorerOf(exact).rescorer);
    expect(Array.from(top.indices)).toEqual([1, 2]);
    expect(Array.from(top.scores)).toEqual([exact[1], exact[2]]);
  });

  it('ranks without recomputing anything when no exact rescorer is given (the TypeScript kernel)', () => {
    const scores = Float32Array.of(0.2, 0.9, 0.5);
    const { relevantRanks, top } = rankScoredRow(scores, 0, 3, 0, Int32Array.of(2), 2, identityKeys(3));
    expect(relevantRanks).toEqual([2]);
    expect(Array.from(top.indices)).toEqual([1, 2]);
  });

  it('recomputes NaN and infinite scores a backend returned', () => {
    const exact = Float32Array.of(0.1, 0.2, 0.3);
    const given = Float32Array.of(NaN, Infinity, 0.3);
    const { relevantRanks, top } = rankScoredRow(given, 0, 3, 0, Int32Array.of(2), 3, identityKeys(3), rescorerOf(exact).rescorer);
    expect(relevantRanks).toEqual([1]);
    expect(Array.from(top.scores)).toEqual([exact[2], exact[1], exact[0]]);
  });

  it('recomputes the whole row, and says so, when a relevant score is outside the bound', () => {
    const exact = Float32Array.of(0.1, 0.2, 0.3, 0.4);
    const given = Float32Array.of(0.9, 0.2, 0.0, 0.4); // relevant passage 2 off by 0.3
    const { rescorer, mismatches } = rescorerOf(exact);
    expect(rankScoredRow(given, 0, 4, 7, Int32Array.of(2), 1, identityKeys(4), rescorer).relevantRanks).toEqual([2]);
    expect(mismatches).toEqual([7]);
    expect(Array.from(given)).toEqual(Array.from(exact));
  });

  it('works on one row of a block (offset) and leaves the other rows alone', () => {
    const exact = Float32Array.of(0.3, 0.30001, 0.2);
    const block = Float32Array.of(9, 9, 9, 0.30002, 0.29999, 0.2);
    const { relevantRanks } = rankScoredRow(block, 3, 3, 1, Int32Array.of(1), 1, identityKeys(3), rescorerOf(exact).rescorer);
    expect(Array.from(block.subarray(0, 3))).toEqual([9, 9, 9]);
    expect(relevantRanks).toEqual([1]);
  });

  it('names a relevant index outside the row or listed twice', () => {
    const { rescorer } = rescorerOf(Float32Array.of(0.1, 0.2));
    expect(() => rankScoredRow(Float32Array.of(0.1, 0.2), 0, 2, 0, Int32Array.of(5), 1, identityKeys(2), rescorer)).toThrow(/index 5 is outside/);
    expect(() => rankScoredRow(Float32Array.of(0.1, 0.2), 0, 2, 0, Int32Array.of(1, 1), 1, identityKeys(2), rescorer)).toThrow(/listed twice/);
  });

  it.each([
    ['one at a time', false],
    ['several at once (atMany)', true],
  ])('matches the exact ranks and top k on rows full of ties, whatever the noise within the bound, rescoring %s', (_how, many) => {
    const row = fc.integer({ min: 2, max: 300 }).chain((n) =>
      fc.record({
        // Scores on a coarse grid: many exact ties, which noise within the bound breaks at random.
        grid: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: n, maxLength: n }),
        noise: fc.array(fc.double({ min: -0.9, max: 0.9, noNaN: true }), { minLength: n, maxLength: n }),
        keys: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        relevant: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 0, maxLength: Math.min(n, 12) }),
        depth: fc.integer({ min: 0, max: n }),
        spread: fc.constantFrom(8, 8000), // coarse grid (ties) or fine grid (bands and buckets)
      }),
    );
    fc.assert(
      fc.property(row, ({ grid, noise, keys, relevant, depth, spread }) => {
        const n = grid.length;
        const exact = Float32Array.from(grid, (g, j) => g / 8 + (spread > 8 ? (j % 97) / spread : 0));
        const given = Float32Array.from(exact, (e, j) => e + noise[j] * TOL);
        const tieKey = Int32Array.from(keys);
        const rel = Int32Array.from(relevant);
        const got = rankScoredRow(given, 0, n, 0, rel, depth, tieKey, rescorerOf(exact, TOL, many).rescorer);
        expect(got.relevantRanks).toEqual(rankRelevant(exact, 0, n, rel, tieKey));
        const want = selectTopK(exact, 0, n, depth, tieKey);
        expect(Array.from(got.top.indices)).toEqual(Array.from(want.indices));
        expect(Array.from(got.top.scores)).toEqual(Array.from(want.scores));
      }),
      { numRuns: 500 },
    );
  });
});
