import { describe, expect, it } from 'vitest';
import type { BatchStrategy } from '../../../core/training/strategy-names';
import { buildLossRows } from './loss-rows';

const curve = (strategy: BatchStrategy, losses: number[]) => losses.map((loss, step) => ({ strategy, epoch: 0, step, loss }));

describe('buildLossRows', () => {
  it('puts each step of each strategy in one row, leaving out strategies not trained yet', () => {
    const rows = buildLossRows({ monolingual: curve('monolingual', [3, 2, 1]), hybrid: curve('hybrid', [4]) });
    expect(rows).toEqual([
      { step: 1, monolingual: 3, hybrid: 4 },
      { step: 2, monolingual: 2 },
      { step: 3, monolingual: 1 },
    ]);
  });

  it('thins a long run to at most 400 points per line and keeps the last step', () => {
    const rows = buildLossRows({
      'cross-lingual': curve(
        'cross-lingual',
        Array.from({ length: 1001 }, (_, i) => i),
      ),
    });
    expect(rows.length).toBeLessThanOrEqual(401);
    expect(rows[0]).toEqual({ step: 1, 'cross-lingual': 0 });
    expect(rows.at(-1)).toEqual({ step: 1001, 'cross-lingual': 1000 });
  });
});
