import { describe, expect, it } from 'vitest';
import { buildDifferenceHeatmap, buildHeatmap } from './heatmap-data';
import { tinyReport } from './tiny-report.fixture';

describe('buildHeatmap', () => {
  it('lays mono cells on the diagonal and cross cells off it, rows = question language', () => {
    const h = buildHeatmap(tinyReport());
    expect(h.langs).toEqual(['en', 'de']);
    expect(h.cells.map((c) => [c.queryLang, c.passageLang, c.value, c.diagonal])).toEqual([
      ['en', 'en', 0.9, true],
      ['en', 'de', 0.2, false],
      ['de', 'en', 0.3, false],
      ['de', 'de', 0.8, true],
    ]);
    expect(h.domain).toEqual([0, 1]);
    expect(h.rowCrossMeans).toEqual([0.2, 0.3]);
  });

  it('shows any metric and leaves pairs that were not evaluated empty', () => {
    const r = tinyReport();
    r.settings.cross!.cells = r.settings.cross!.cells.filter((c) => c.key !== 'de->en');
    const h = buildHeatmap(r, 'recallAt1');
    expect(h.cells.map((c) => c.value)).toEqual([1, 0, null, 1]);
    expect(h.rowCrossMeans).toEqual([0, null]);
  });
});

describe('buildDifferenceHeatmap', () => {
  it('subtracts base from other over shared languages with a round symmetric scale', () => {
    const base = tinyReport();
    const other = tinyReport();
    other.languages = ['de', 'en', 'fr'];
    other.settings.cross!.cells[0].metrics.ap = 0.33; // en->de up by 0.13
    other.settings.mono!.cells[1].metrics.ap = 0.7; // de->de down by 0.1
    const d = buildDifferenceHeatmap(base, other);
    expect(d.langs).toEqual(['en', 'de']);
    expect(d.cells.map((c) => Number(c.value!.toFixed(6)))).toEqual([0, 0.13, 0, -0.1]);
    expect(d.domain).toEqual([-0.2, 0.2]);
  });
});
