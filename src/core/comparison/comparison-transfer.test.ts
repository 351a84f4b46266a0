import { describe, expect, it } from 'vitest';
import type { CellReport, EvalReport } from '../evaluation/eval-report';
import type { QueryMetrics } from '../metrics/types';
import { compareReports } from './compare-reports';
import { packForComparison, transferablesOf, unpackForComparison } from './comparison-transfer';

const ZERO: QueryMetrics = { ap: 0, recallAt1: 0, recallAt10: 0, rr: 0, ndcgAt10: 0, maxRankDistance: 0 };

function cell(key: string, aps: number[] | null): CellReport {
  const [queryLang, passageLang] = key.split('->');
  const n = aps?.length ?? 2;
  return {
    key,
    queryLang,
    passageLang,
    skipped: 0,
    metrics: { ...ZERO, ap: aps ? aps.reduce((s, x) => s + x, 0) / n : 0.5, queries: n },
    ...(aps
      ? {
          queries: aps.map((ap, i) => ({
            queryId: `q${i}/${queryLang}`,
            qid: `q${i}`,
            lang: queryLang,
            metrics: { ...ZERO, ap, rr: ap, maxRankDistance: 10 * i },
            relevantRanks: [3],
            top: ['p1', 'p2'],
          })),
        }
      : {}),
  };
}

function report(mono: CellReport[], multi: CellReport[]): EvalReport {
  const macro = { ...ZERO, queries: 0 };
  return {
    corpus: 'c',
    retriever: 'r',
    languages: ['en', 'de'],
    settings: { mono: { setting: 'mono', macro, cells: mono }, multi: { setting: 'multi', macro, cells: multi } },
    mixK: 10,
    tieBreak: '',
    elapsedMs: 12,
  };
}

const A = report([cell('en->en', [0.5, 0.25, 1, 0.2]), cell('de->de', [0.1, 0.3])], [cell('en->*', [0.05, 0.5, 0.125]), cell('de->*', null)]);
const B = report([cell('en->en', [1, 0.25, 0.5, 0.5]), cell('de->de', [0.2, 0.3])], [cell('en->*', [0.1, 0.5, 1]), cell('de->*', null)]);

describe('reports packed for the significance worker', () => {
  it('come back with every question id and metric, and compare exactly as the originals', () => {
    const packed = [packForComparison(A), packForComparison(B)];
    // Through a structured clone with the metric buffers moved, as postMessage sends them.
    const [a, b] = structuredClone(packed, { transfer: transferablesOf(packed) }).map(unpackForComparison);
    expect(a.settings.mono!.cells[0].queries![2]).toEqual({
      queryId: 'q2/en',
      qid: '',
      lang: 'en',
      metrics: { ...ZERO, ap: 1, rr: 1, maxRankDistance: 20 },
      relevantRanks: [],
      top: [],
    });
    expect(a.settings.multi!.cells[1]).toEqual(A.settings.multi!.cells[1]); // no records: none made up
    expect(compareReports('A', a, 'B', b, { permutations: 1000, seed: 4 })).toEqual(compareReports('A', A, 'B', B, { permutations: 1000, seed: 4 }));
  });

  it('carry no record objects: columns only, the metric buffers moved', () => {
    const packed = packForComparison(A);
    expect(packed.report.settings.mono!.cells.every((c) => !('queries' in c))).toBe(true);
    expect(packed.columns.mono![1]).toEqual({ ids: ['q0/de', 'q1/de'], metrics: Float64Array.from([0.1, 0, 0, 0.1, 0, 0, 0.3, 0, 0, 0.3, 0, 10]) });
    expect(packed.columns.multi![1]).toBeNull();
    expect(transferablesOf([packed])).toHaveLength(3);
  });
});
