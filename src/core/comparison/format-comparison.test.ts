import { describe, expect, it } from 'vitest';
import type { Comparison } from './compare-reports';
import { formatComparison } from './format-comparison';

describe('a comparison as printed lines', () => {
  it('shows heading, caveats, arrows with verdicts, p-values, effect and the Holm mark', () => {
    const test = { n: 16, effect: 0.2, p: 0.0002, tP: 0.00001, t: 9, df: 15, permutations: 10_000, exact: false };
    const c: Comparison = {
      a: 'bm25',
      b: 'e5',
      heading: 'bm25 → e5',
      columns: ['bm25', 'e5'],
      direction: 'change = e5 minus bm25',
      caveats: [{ kind: 'languages', message: 'The runs cover different languages.' }],
      settings: [
        {
          setting: 'multi',
          title: 'Multilingual',
          common: ['en->*'],
          onlyA: [],
          onlyB: [],
          notCompared: null,
          figures: [{ metric: 'maxRankDistance', label: 'Max rank distance', a: 106.6, b: 374.1, delta: 267.5, direction: 'up', arrow: '▲', verdict: 'worse' }],
          tests: [{ metric: 'maxRankDistance', alpha: 0.05, overall: test, unpaired: 0, cells: [{ key: 'en->*', ...test, holmP: 0.0004, holds: true }] }],
        },
      ],
    };
    const text = formatComparison(c).join('\n');
    expect(text).toContain('bm25 → e5 (change = e5 minus bm25;');
    expect(text).toContain('caveat: The runs cover different languages.');
    expect(text).toContain('Max rank distance    106.6   374.1  ▲ +267.5 (worse)');
    expect(text).toContain('Max rank distance: effect +0.2, randomization p < 0.001 (10,000 flips), t-test p < 0.001, n = 16');
    expect(text).toContain('holds after Holm-Bonferroni (alpha 0.05) in 1 of 1 cells');
    expect(text).toMatch(/✓ en->\*\s+effect\s+\+0\.2\s+p < 0\.001\s+Holm p < 0\.001/);
  });
});
