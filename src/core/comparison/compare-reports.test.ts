import { describe, expect, it } from 'vitest';
import type { CellReport, EvalReport, QueryRecord } from '../evaluation/eval-report';
import type { QueryMetrics, SettingName } from '../metrics/types';
import { compareReports } from './compare-reports';

const ZERO: QueryMetrics = { ap: 0, recallAt1: 0, recallAt10: 0, rr: 0, ndcgAt10: 0, maxRankDistance: 0 };

/** A cell whose questions q0..q(n-1) have the given AP (and rank distance) values. */
function cell(key: string, aps: number[], distances: number[] = aps.map(() => 0)): CellReport {
  const [queryLang, passageLang] = key.split('->');
  const queries: QueryRecord[] = aps.map((ap, i) => ({
    queryId: `q${i}/${queryLang}`,
    qid: `q${i}`,
    lang: queryLang,
    metrics: { ...ZERO, ap, maxRankDistance: distances[i] },
    relevantRanks: [1],
    top: [],
  }));
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return { key, queryLang, passageLang, skipped: 0, queries, metrics: { ...ZERO, ap: mean(aps), maxRankDistance: mean(distances), queries: aps.length } };
}

function report(languages: string[], cells: Partial<Record<SettingName, CellReport[]>>): EvalReport {
  const settings: EvalReport['settings'] = {};
  for (const [name, list] of Object.entries(cells)) {
    const n = list.length;
    const macro = { ...ZERO, queries: 0 };
    for (const c of list) {
      macro.ap += c.metrics.ap / n;
      macro.maxRankDistance += c.metrics.maxRankDistance / n;
      macro.queries += c.metrics.queries;
    }
    settings[name as SettingName] = { setting: name as SettingName, macro, cells: list };
  }
  return { corpus: 'xquad-r', retriever: 'r', languages, settings, mixK: 10, tieBreak: '', elapsedMs: 0 };
}

const FOUR = ['en', 'de', 'es', 'zh'];
const FIFTEEN = [...FOUR, 'ar', 'el', 'hi', 'ru', 'th', 'tr', 'vi', 'fr', 'it', 'ja', 'ko'];

describe('comparing two runs', () => {
  it('a 4-language run against a 15-language run: says so, compares the common cells only, and leaves the pools alone', () => {
    const a = report(FOUR, { mono: FOUR.map((l) => cell(`${l}->${l}`, [0.88, 0.882])), multi: FOUR.map((l) => cell(`${l}->*`, [0.5, 0.5], [100, 100])) });
    // B is better on its 11 extra languages (0.9) but a little worse on the four both hold (0.87).
    const b = report(FIFTEEN, {
      mono: FIFTEEN.map((l) => cell(`${l}->${l}`, FOUR.includes(l) ? [0.87, 0.87] : [0.9, 0.9])),
      multi: FIFTEEN.map((l) => cell(`${l}->*`, [0.6, 0.6], [300, 300])),
    });
    expect(b.settings.mono!.macro.ap).toBeGreaterThan(a.settings.mono!.macro.ap); // the misleading whole-run figure
    const c = compareReports('4 languages', a, '15 languages', b);
    expect(c.caveats.map((x) => x.kind)).toEqual(['languages', 'pools']);
    expect(c.caveats[0].message).toContain('figures are compared over the 4 languages both hold (en, de, es, zh)');
    const mono = c.settings.find((s) => s.setting === 'mono')!;
    expect(mono.common).toEqual(['en->en', 'de->de', 'es->es', 'zh->zh']);
    expect(mono.onlyB).toHaveLength(11);
    const ap = mono.figures.find((f) => f.metric === 'ap')!;
    expect(ap.a).toBeCloseTo(0.881, 12);
    expect(ap.b).toBeCloseTo(0.87, 12);
    expect(ap).toMatchObject({ direction: 'down', arrow: '▼', verdict: 'worse' });
    const multi = c.settings.find((s) => s.setting === 'multi')!;
    expect(multi.notCompared).toContain('the multilingual pools differ (4 languages: 4 languages, 15 languages: 15)');
    expect(multi.figures.every((f) => f.delta === null)).toBe(true);
  });

  it('rank distance: B minus A with the arrow from the sign and the verdict from lower-is-better', () => {
    const a = report(FOUR, { multi: FOUR.map((l) => cell(`${l}->*`, [0.5], [106.6])) });
    const b = report(FOUR, { multi: FOUR.map((l) => cell(`${l}->*`, [0.6], [374.1])) });
    const c = compareReports('A', a, 'B', b);
    expect(c.caveats).toEqual([]);
    const [multi] = c.settings;
    const distance = multi.figures.find((f) => f.metric === 'maxRankDistance')!;
    expect(distance.delta).toBeCloseTo(267.5, 9);
    expect(distance).toMatchObject({ a: 106.6, b: 374.1, direction: 'up', arrow: '▲', verdict: 'worse' });
    const ap = multi.figures.find((f) => f.metric === 'ap')!;
    expect(ap).toMatchObject({ direction: 'up', arrow: '▲', verdict: 'better' });
  });

  it('names the runs in one order everywhere: heading, columns, and the direction of every change', () => {
    const a = report(['en'], { mono: [cell('en->en', [0.5])] });
    const b = report(['en'], { mono: [cell('en->en', [0.7])] });
    const c = compareReports('bm25', a, 'e5', b);
    expect(c.heading).toBe('bm25 → e5');
    expect(c.columns).toEqual(['bm25', 'e5']);
    expect(c.direction).toBe('change = e5 minus bm25');
    expect(c.settings[0].figures[0]).toMatchObject({ a: 0.5, b: 0.7 });
  });

  it('tests significance per cell with Holm-Bonferroni across cells, and for the setting, over the questions both scored', () => {
    const noisy = [0.1, -0.1, 0.2, -0.2, 0.05, -0.05, 0.1, -0.1, 0.15, -0.15, 0.1, -0.1, 0.2, -0.2, 0.05, -0.05];
    const a = report(['en', 'de'], { mono: [cell('en->en', Array(16).fill(0.5)), cell('de->de', Array(16).fill(0.5))] });
    const strongB = cell(
      'en->en',
      Array.from({ length: 16 }, (_, i) => 0.7 + (i % 2) * 0.01),
    );
    const noisyB = cell(
      'de->de',
      noisy.map((d) => 0.5 + d),
    );
    noisyB.queries!.pop(); // one question scored by A only
    const b = report(['en', 'de'], { mono: [strongB, noisyB] });
    const c = compareReports('A', a, 'B', b, { permutations: 10_000, seed: 3 });
    expect(c.caveats.map((x) => x.kind)).toEqual(['questions']);
    const [test] = c.settings[0].tests;
    expect(test.metric).toBe('ap');
    expect(test.unpaired).toBe(1);
    const [en, de] = test.cells;
    expect(en).toMatchObject({ key: 'en->en', n: 16, exact: false, holds: true });
    expect(en.effect).toBeCloseTo(0.205, 12);
    // Only the all-plus and all-minus flips (2 of 65,536) reach the observed mean: p is near its floor 1/10,001.
    expect(en.p).toBeLessThan(0.001);
    expect(de).toMatchObject({ key: 'de->de', n: 15, holds: false });
    expect(de.p).toBeGreaterThan(0.5);
    // Holm: the smaller p doubles (two cells), the larger stays at least as large.
    expect(en.holmP).toBeCloseTo(2 * en.p, 12);
    expect(de.holmP).toBeGreaterThanOrEqual(de.p);
    expect(test.overall.n).toBe(31);
  });
});
