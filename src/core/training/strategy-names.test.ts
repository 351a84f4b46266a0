import { describe, expect, it } from 'vitest';
import { parseStrategyName } from './strategy-names';

describe('parseStrategyName', () => {
  it('reads strategy names short or long', () => {
    expect(['mono', 'cross', 'hybrid', 'Cross-Lingual', 'both'].map(parseStrategyName)).toEqual([
      'monolingual',
      'cross-lingual',
      'hybrid',
      'cross-lingual',
      undefined,
    ]);
  });
});
