import { describe, expect, it } from 'vitest';
import type { CellReport, EvalReport } from '../evaluation/eval-report';
import type { QueryMetrics } from '../metrics/types';
import { compareReports } from './compare-reports';
import { canTest, compareFigures, describeCells, figureRows, formatP, significanceMark, significanceNote, testRows } from './comparison-view';

const ZERO: QueryMetrics = { ap: 0, recallAt1: 0, recallAt10: 0, rr: 0, ndcgAt10: 0, maxRankDistance: 0 };

/** A monolingual cell whose questions q0.. have these APs (with per-question records unless `records` is false). */
function cell(lang: string, aps: number[], records = true): CellReport {
  const mean = aps.reduce((s, x) => s + x, 0) / aps.length;
  return {
    key: `${lang}->${lang}`,
    queryLang: lang,
    passageLang: lang,
    skipped: 0,
    metrics: { ...ZERO, ap: mean, queries: aps.length },
    ...(records
      ? { queries: aps.map((ap, i) => ({ queryId: `q${i}/${lang}`, qid: `q${i}`, lang, metrics: { ...ZERO, ap }, relevantRanks: [1, 2], top: ['p1', 'p2'] })) }
      : {}),
  };
}

function report(cells: CellReport[]): EvalReport {
  const ap = cells.reduce((s, c) => s + c.metrics.ap, 0) / cells.length;
  return {
    corpus: 'c',
    retriever: 'r',
    languages: cells.map((c) => c.queryLang),
    settings: { mono: { setting: 'mono', macro: { ...ZERO, ap, queries: 0 }, cells } },
    mixK: 10,
    tieBreak: '',
    elapsedMs: 5,
  };
}

const A = report([cell('en', [0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), cell('de', [0.4, 0.4, 0.4, 0.4, 0.4, 0.4])]);
// B: +0.3 on every English question, unchanged in German, and a third language A does not hold.
const B = report([cell('en', [0.8, 0.8, 0.8, 0.8, 0.8, 0.8]), cell('de', [0.4, 0.4, 0.4, 0.4, 0.4, 0.4]), cell('zh', [1, 1])]);

describe('the comparison as the app shows it', () => {
  it('rows in column order A, B with the change B minus A over the common cells, and what the cells were', () => {
    const c = compareFigures('old', A, 'new', B);
    const ap = figureRows(c).find((r) => r.metric === 'ap')!;
    // Over en and de only: A .45, B .6 (B's whole run, with zh at 1, would say .733).
    expect(ap).toMatchObject({ aText: '.450', bText: '.600', changeText: '+0.150', arrow: '▲', verdict: 'better', test: null });
    expect(describeCells(c.settings[0])).toBe('over the 2 cells both runs hold (of 2 and 3)');
    expect(c.caveats.map((x) => x.kind)).toEqual(['languages']);
    // No tests were asked for: the page says why there are none.
    expect(significanceNote(c.settings[0], A, B, 'testing')).toBe('testing significance…');
    expect(significanceNote(c.settings[0], A, B, 'failed')).toBe('significance could not be tested');
  });

  it('the tests of compareReports, per setting and per cell, with the marks', () => {
    const c = compareReports('old', A, 'new', B);
    const [t] = testRows(c);
    expect(t).toMatchObject({ setting: 'mono', metric: 'ap', effectText: '+0.150', n: 12, cells: 2, holding: 0, unpaired: 0 });
    // en: six equal differences of +0.3: of the 2^6 = 64 sign assignments only the all-plus and all-minus reach it: p = 2/64, exact.
    const en = t.perCell.find((x) => x.key === 'en->en')!;
    expect(en.p).toBe(2 / 64);
    expect(en.pText).toBe('0.031');
    // Holm over two cells: the smaller p doubles to 0.0625, no longer below 0.05: the difference does not hold after correction.
    expect(en.holmP).toBe(2 * (2 / 64));
    expect(en.holds).toBe(false);
    expect(t.perCell.find((x) => x.key === 'de->de')).toMatchObject({ p: 1, holds: false, effectText: '±0.000' });
    expect(figureRows(c).find((r) => r.metric === 'ap')!.test).toEqual(t);
    expect(significanceNote(c.settings[0], A, B, 'done')).toBeNull();
  });

  it('says so when a setting has no per-question records, and the worker is not asked', () => {
    const bare = report([cell('en', [0.9, 0.9], false), cell('de', [0.4, 0.4], false)]);
    expect(canTest(A, bare)).toBe(false);
    expect(canTest(A, B)).toBe(true);
    const c = compareReports('old', A, 'bare', bare);
    expect(c.settings[0].tests).toEqual([]);
    expect(significanceNote(c.settings[0], A, bare, 'done')).toBe('no per-question records: significance not available');
  });

  it('formats p-values and marks as the tables print them', () => {
    expect([formatP(0.0004), formatP(0.04213), formatP(Number.NaN)]).toEqual(['< 0.001', '0.042', '–']);
    expect([significanceMark(0.004), significanceMark(0.03), significanceMark(0.05), significanceMark(Number.NaN)]).toEqual(['**', '*', '', '']);
  });
});
