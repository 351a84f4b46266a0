import { describe, expect, it } from 'vitest';
import { buildMetricDeltas, buildSummaryCards } from './summary-data';
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

  it('with a second report, marks lower rank distance and higher mAP as better', () => {
    const other = tinyReport();
    other.settings.multi!.macro.maxRankDistance = 4;
    other.settings.mono!.macro.ap = 0.8;
    const cards = buildSummaryCards(tinyReport(), other);
    expect(cards[3].figures[0]).toMatchObject({ value: 6, compareValue: 4, delta: -2, compareBetter: true });
    expect(cards[0].figures[0]).toMatchObject({ compareBetter: false });
    expect(cards[1].figures[0]).toMatchObject({ delta: 0, compareBetter: null });
  });
});

describe('buildMetricDeltas', () => {
  it('lists every metric per setting and the rank distance for multilingual only', () => {
    const other = tinyReport();
    delete other.settings.cross;
    const rows = buildMetricDeltas(tinyReport(), other);
    expect(rows.filter((r) => r.setting === 'mono').map((r) => r.metric)).toEqual(['ap', 'recallAt1', 'recallAt10', 'rr', 'ndcgAt10']);
    expect(rows.filter((r) => r.metric === 'maxRankDistance').map((r) => r.setting)).toEqual(['multi']);
    expect(rows.find((r) => r.setting === 'cross' && r.metric === 'ap')).toMatchObject({ base: 0.25, other: null, delta: null, otherBetter: null });
  });
});
