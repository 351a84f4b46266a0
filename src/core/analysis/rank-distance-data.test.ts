import { describe, expect, it } from 'vitest';
import { withoutQueries } from '../evaluation/summarise-report';
import { buildRankDistance, collectMaxRankDistances } from './rank-distance-data';
import { tinyReport } from './tiny-report.fixture';

describe('rank distance chart data', () => {
  it("collects each multilingual question's maximum rank distance, by language when asked", () => {
    expect(collectMaxRankDistances(tinyReport())).toEqual([1, 9, 3, 11]);
    expect(collectMaxRankDistances(tinyReport(), 'de')).toEqual([3, 11]);
    expect(collectMaxRankDistances(withoutQueries(tinyReport()))).toBeNull();
  });

  it('bins both reports over the same range so their bars line up', () => {
    const a = tinyReport();
    const b = tinyReport();
    b.settings.multi!.cells[1].queries![1].metrics.maxRankDistance = 23;
    const d = buildRankDistance([a, b], { binCount: 4 });
    // Distances 0..23 in bins of 10 (a round width for 24 integers in 4 bins): 0-9, 10-19, 20-29.
    expect(d.bins.map((x) => x.label)).toEqual(['0–9', '10–19', '20–29']);
    expect(d.bins.map((x) => x.counts)).toEqual([
      [3, 3],
      [1, 0],
      [0, 1],
    ]);
    expect(d.totals).toEqual([4, 4]);
    expect(d.byLanguage).toEqual([
      { queryLang: 'en', means: [5, 5] },
      { queryLang: 'de', means: [7, 7] },
    ]);
  });

  it('labels one-wide bins with the single distance they hold', () => {
    const d = buildRankDistance([tinyReport()], { binCount: 20, queryLang: 'en' });
    expect(d.bins[0].label).toBe('0');
    expect(d.bins.reduce((n, x) => n + x.counts[0], 0)).toBe(2);
  });

  it('still gives per-language means for a report without per-query records', () => {
    const d = buildRankDistance([withoutQueries(tinyReport())]);
    expect(d.totals).toEqual([0]);
    expect(d.byLanguage[1]).toEqual({ queryLang: 'de', means: [7] });
  });
});
