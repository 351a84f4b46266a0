import { describe, expect, it } from 'vitest';
import { compareFigures } from '../comparison/comparison-view';
import { buildSummaryCards } from './summary-data';
import { tinyReport } from './tiny-report.fixture';

describe('buildSummaryCards', () => {
  it('gives mAP, R@1 and R@10 per setting and the rank distance as the bias card', () => {
    const cards = buildSummaryCards(tinyReport());
    expect(cards.map((c) => c.id)).toEqual(['mono', 'cross', 'multi', 'bias']);
    expect(cards[0].figures.map((f) => [f.label, f.value])).toEqual([
      ['mAP', 0.85],
      ['R@1', 1],
      ['R@10', 1],
    ]);
    expect(cards[3].figures).toEqual([{ metric: 'maxRankDistance', label: 'mean max rank distance', value: 6 }]);
    expect(cards[3].explanation).toMatch(/Lower is less biased/);
  });

  it("compared, every figure is the comparison's: over the common cells, B minus A, the verdict from the metric's direction", () => {
    const a = tinyReport();
    const b = tinyReport();
    b.languages = ['en'];
    b.settings.mono = { ...b.settings.mono!, cells: [b.settings.mono!.cells[0]] }; // en->en only (.9), its macro .9
    b.settings.mono.macro = { ...b.settings.mono.macro, ap: 0.9 };
    b.settings.multi!.cells.forEach((c) => (c.metrics = { ...c.metrics, maxRankDistance: c.metrics.maxRankDistance - 2 }));
    const cards = buildSummaryCards(b, compareFigures('A', a, 'B', b));
    // Mono: B's own .9, but compared over en->en only, where both runs score .9: no change (not the +0.05 of the whole runs).
    expect(cards[0].figures[0]).toMatchObject({ value: 0.9, compared: { a: 0.9, b: 0.9, delta: 0, arrow: '=', verdict: 'same' } });
    // The multilingual pools differ (two languages against one): not compared, and said why.
    expect(cards[3].figures[0].notCompared).toMatch(/the multilingual pools differ/);
    expect(cards[3].figures[0].compared).toBeUndefined();
  });

  it('rank distance down is an arrow down and better', () => {
    const a = tinyReport();
    const b = tinyReport();
    b.settings.multi!.cells.forEach((c) => (c.metrics = { ...c.metrics, maxRankDistance: c.metrics.maxRankDistance - 2 }));
    const [, , , bias] = buildSummaryCards(b, compareFigures('A', a, 'B', b));
    expect(bias.figures[0].compared).toMatchObject({ a: 6, b: 4, delta: -2, arrow: '▼', verdict: 'better' });
  });
});
