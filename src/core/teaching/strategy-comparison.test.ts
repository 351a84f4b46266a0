import { describe, expect, it } from 'vitest';
import { readComparison, winners } from './chart-readings';
import { tinyExperiment } from './experiment.fixture';
import { buildStrategyComparison, type StrategyComparison } from './strategy-comparison';

describe('buildStrategyComparison', () => {
  it("holds the untrained encoder and every strategy, with the experiment's own numbers", async () => {
    const result = await tinyExperiment();
    const c = buildStrategyComparison(result);
    expect(c.series.map((s) => s.shortLabel)).toEqual(['untrained', 'monolingual', 'cross-lingual', 'hybrid']);
    // mono / cross / multi mAP and the language-bias figure are the results table's.
    expect(c.map.values).toEqual(result.rows.map((r) => [r.monoMap, r.crossMap, r.multiMap]));
    expect(c.rankDistance.macro).toEqual(result.rows.map((r) => r.maxRankDistance));
    expect(c.rankDistance.langs).toEqual(['en', 'de', 'zh', 'ar']);
    const hybridDe = result.strategies[2].report.settings.multi!.cells.find((cell) => cell.queryLang === 'de')!.metrics.maxRankDistance;
    expect(c.rankDistance.values[3][1]).toBe(hybridDe);
    // Four answers per question (one per language): the least possible distance is 3, not 0.
    expect(c.rankDistance.floor).toBe(3);
    expect(c.testQids).toBe(20);
  });

  it('draws every X->Y grid on one colour scale, and every language mix', async () => {
    const c = buildStrategyComparison(await tinyExperiment());
    expect(c.heatmaps).toHaveLength(4);
    for (const h of c.heatmaps) {
      expect(h.domain).toEqual(c.heatmapDomain);
      expect(h.langs).toEqual(['en', 'de', 'zh', 'ar']);
      for (const cell of h.cells) if (cell.value !== null) expect(cell.value).toBeGreaterThanOrEqual(c.heatmapDomain[0]);
    }
    expect(c.languageMix.every((m) => m?.k === 10 && m.rows.length === 4)).toBe(true);
  });

  it("puts the paper's figures beside them, labelled as the paper's", async () => {
    const c = buildStrategyComparison(await tinyExperiment(), 'LaBSE');
    expect(c.paper.attribution).toMatch(/^Paper \(LaBSE, full fine-tuning\), arXiv 2408\.10536/);
    expect(c.paper.strategies.map((s) => [s.paperLabel, s.multi, s.maxRankDistance])).toEqual([
      ['X-X-mono', 0.652, 261.5],
      ['X-Y', 0.679, 225.2],
      ['Hybrid', 0.682, 221.1],
    ]);
    expect(readComparison(c).paper).toBe(
      'The paper (LaBSE, full fine-tuning, XQuAD-R): mean maximum rank distance X-X-mono 261.5, X-Y 225.2, Hybrid 221.1; multilingual mAP X-X-mono 0.652, X-Y 0.679, Hybrid 0.682.',
    );
  });
});

describe('readComparison', () => {
  it("reads each chart from the experiment's numbers", async () => {
    const result = await tinyExperiment();
    const c = buildStrategyComparison(result);
    const r = readComparison(c);
    const [base] = result.rows;
    expect(r.map).toContain(`monolingual ${base.monoMap!.toFixed(3)} untrained`);
    expect(r.rankDistance).toContain(base.maxRankDistance!.toFixed(1));
    expect(r.rankDistance).toContain('the least possible is 3');
    expect(r.heatmaps).toMatch(/^Off the diagonal \(question and passage in different languages\) mAP averages 0\.\d{3} untrained/);
    const best = Math.max(...result.rows.map((row) => row.multiMap!));
    const bestRow = result.rows.find((row) => row.multiMap === best)!;
    expect(winners(c).find((w) => w.what === 'multilingual mAP')?.key).toBe(bestRow.key);
    expect(r.winner).toMatch(/won on/);
  });

  it('says a strategy cut the spread between languages, with thousands separated', () => {
    const c = handMade({
      macro: [1910.4, 1200, 390.2, 402],
      map: [
        [0.6, 0.3, 0.2],
        [0.95, 0.69, 0.55],
        [0.948, 0.715, 0.602],
        [0.956, 0.708, 0.586],
      ],
    });
    const r = readComparison(c);
    expect(r.rankDistance).toBe(
      'Cross-lingual batches cut the spread between languages from 1,910 to 390; monolingual batches 1,200, hybrid batches 402 (the least possible is 10).',
    );
    expect(r.winner).toBe('Hybrid batches won on monolingual mAP; cross-lingual batches won on cross-lingual mAP, multilingual mAP and language bias.');
  });

  it('calls near-equal figures a tie instead of naming a winner', () => {
    const c = handMade({
      macro: [50, 49.9, 49.95, 49.99],
      map: [
        [0.674, 0.5, 0.4],
        [0.6742, 0.5, 0.4],
        [0.6741, 0.5, 0.4],
        [0.6743, 0.5, 0.4],
      ],
    });
    expect(readComparison(c).winner).toBe('Monolingual mAP, cross-lingual mAP, multilingual mAP and language bias were a tie.');
  });
});

/** A comparison with only the figures the readings of the table and the bias chart use. */
function handMade(figures: { macro: number[]; map: number[][] }): StrategyComparison {
  const keys = ['baseline', 'monolingual', 'cross-lingual', 'hybrid'] as const;
  return {
    series: keys.map((key) => ({ key, label: key, shortLabel: key, report: {} as never })),
    rankDistance: { langs: [], values: [], macro: figures.macro, floor: 10 },
    languageMix: keys.map(() => null),
    heatmaps: [],
    heatmapDomain: [0, 1],
    map: { settings: ['mono', 'cross', 'multi'], values: figures.map },
    paper: { attribution: '', dataset: 'XQuAD-R', model: 'XLM-R', strategies: [] },
    testQids: 100,
  };
}

describe('readComparison on a test split that cannot separate the strategies', () => {
  it('does not claim a cut from 14.1 to 14.1', () => {
    const c = handMade({
      macro: [14.12, 14.1, 14.11, 14.1],
      map: [
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
        [1, 1, 1],
      ],
    });
    expect(readComparison(c).rankDistance).toBe(
      'No strategy narrowed the spread between languages: untrained 14.1, best 14.1 with monolingual batches (the least possible is 10).',
    );
  });
});
