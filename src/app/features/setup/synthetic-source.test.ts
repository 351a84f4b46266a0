import { describe, expect, it } from 'vitest';
import { SYNTHETIC_FREE_TEXT_REFUSAL } from '../../../core/teaching/synthetic-explorable';
import { isSyntheticRef, syntheticRankingProblem } from './synthetic-source';

describe('the synthetic benchmark in set-up', () => {
  it('is the preset named synthetic, not any other corpus', () => {
    expect(isSyntheticRef({ kind: 'preset', id: 'synthetic' })).toBe(true);
    expect(isSyntheticRef({ kind: 'preset', id: 'demo' })).toBe(false);
    expect(isSyntheticRef({ kind: 'picked', name: 'synthetic' })).toBe(false);
  });

  it('refuses typed text over its vectors and ranks its own questions', () => {
    expect(syntheticRankingProblem('synthetic', null)).toBe(SYNTHETIC_FREE_TEXT_REFUSAL);
    expect(syntheticRankingProblem('synthetic', 'q3/de')).toBeNull();
    expect(syntheticRankingProblem('bm25', null)).toBeNull();
  });
});
