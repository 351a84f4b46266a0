import { describe, expect, it } from 'vitest';
import { DocTable } from './doc-table';
import { queryLanguageLookup } from './lang-map';
import { createTrecQrelsParser } from './trec-qrels';
import { createTrecRunParser } from './trec-run';
import { scoreRun, type ScoreRunOptions } from './score-run';

// Five documents: en e1 e2 e3, de g1 g2 (pool sizes: en 3, de 2, both 5).
const LANGS: [string, string][] = [
  ['e1', 'en'],
  ['e2', 'en'],
  ['e3', 'en'],
  ['g1', 'de'],
  ['g2', 'de'],
];

function score(runText: string, qrelsText: string, queryLangs: Record<string, string>, opts: Partial<ScoreRunOptions> = {}) {
  const docs = new DocTable();
  const q = createTrecQrelsParser('q.txt', docs);
  q.push(qrelsText);
  const qrels = q.end();
  const r = createTrecRunParser('r.trec', docs);
  r.push(runText);
  const run = r.end();
  for (const [id, lang] of LANGS) docs.addMapEntry(id, lang);
  return scoreRun(run, qrels, docs, { corpus: 'tiny', queryLang: queryLanguageLookup(new Map(Object.entries(queryLangs))), ...opts });
}

describe('scoring an imported run', () => {
  it('orders by score then larger docid (trec_eval), ignoring the rank column, and scores with the evaluation metrics', () => {
    // Written out of order on purpose; g2 and e3 tie at 0.5, and "g2" > "e3", so g2 ranks first:
    // e1, g2, e3, g1, e2. The relevant e3 and g1 land at ranks 3 and 4.
    const { report, diagnostics } = score(
      'q1 Q0 e2 1 0.0 t\nq1 Q0 e3 2 0.5 t\nq1 Q0 e1 3 0.9 t\nq1 Q0 g1 4 0.1 t\nq1 Q0 g2 5 0.5 t\n',
      'q1 0 e3 1\nq1 0 g1 1\n',
      { q1: 'en' },
    );
    expect(diagnostics.pool).toBe('multi');
    const cell = report.settings.multi!.cells[0];
    expect(cell.key).toBe('en->*');
    expect(cell.queries![0].relevantRanks).toEqual([3, 4]);
    expect(cell.queries![0].top).toEqual(['e1', 'g2', 'e3', 'g1', 'e2']);
    const m = cell.metrics;
    // By hand: AP = (1/3 + 2/4) / 2; nDCG@10 = (1/log2 4 + 1/log2 5) / (1 + 1/log2 3).
    expect(m.ap).toBeCloseTo(0.416667, 6);
    expect(m.rr).toBeCloseTo(1 / 3, 12);
    expect(m.recallAt1).toBe(0);
    expect(m.recallAt10).toBe(1);
    expect(m.ndcgAt10).toBeCloseTo(0.570642, 6); // 0.930677 / 1.630930
    expect(m.maxRankDistance).toBe(1);
    expect(report.languageMix!.get('en')!.get('en')).toBeCloseTo(0.6, 12);
    expect(report.languageMix!.get('en')!.get('de')).toBeCloseTo(0.4, 12);
    expect(diagnostics.truncated).toBeNull();
  });

  it('on a truncated run gives bounds, says so, and counts the missing relevant documents per query', () => {
    const { report, diagnostics } = score('q1 Q0 e1 1 0.9 t\nq1 Q0 g2 2 0.5 t\n', 'q1 0 e3 1\nq1 0 g1 1\n', { q1: 'en' }, { pool: 'multi' });
    const m = report.settings.multi!.macro;
    expect(m.ap).toBe(0); // lower bound: neither answer is in the top 2
    expect(m.rr).toBe(0);
    // Upper bound: the answers may sit anywhere in ranks 3..5 of the 5-document pool.
    expect(m.maxRankDistance).toBe(2);
    expect(diagnostics.truncated).toEqual({ queries: [{ qid: 'q1', cell: 'en->*', depth: 2, relevant: 2, absent: 2 }], absentRelevant: 2 });
    expect(diagnostics.notes.join('\n')).toContain('1 query miss 2 relevant documents from the run');
    expect(diagnostics.notes.join('\n')).toContain('mAP, R@1, R@10, MRR and nDCG@10 are lower bounds and the maximum rank distance an upper bound');
  });

  it('places single-language runs in X->Y cells, finds the language of "<id>->Y" queries, and counts what it cannot place', () => {
    const run = ['q1->de Q0 g1 1 2 t', 'q1->de Q0 g2 2 1 t', 'q2 Q0 g2 1 3 t', 'q2 Q0 g1 2 1 t', 'q2 Q0 x9 3 0 t', 'q3 Q0 e1 1 1 t'].join('\n');
    const qrels = 'q1->de 0 g2 1\nq2 0 g2 1\nq2 0 e1 1\nq3 0 e1 1\nq4 0 e2 1\n';
    const { report, diagnostics } = score(run, qrels, { q1: 'en', q2: 'de' });
    expect(diagnostics.pool).toBe('single');
    expect(report.settings.cross!.cells.map((c) => [c.key, c.metrics.ap])).toEqual([['en->de', 0.5]]);
    // q2's English answer e1 is outside its German pool: left out, as the evaluation does.
    expect(report.settings.mono!.cells.map((c) => [c.key, c.metrics.ap])).toEqual([['de->de', 1]]);
    expect(report.languages).toEqual(['de', 'en']);
    expect(diagnostics.relevantOutsidePool).toBe(1);
    expect(diagnostics.unknownDocs).toEqual({ count: 1, examples: ['x9'], entries: 1 });
    expect(diagnostics.queriesWithoutLanguage).toEqual({ count: 1, examples: ['q3'] });
    expect(diagnostics.qrelsQueriesNotInRun).toEqual({ count: 1, examples: ['q4'] });
    const notes = diagnostics.notes.join('\n');
    expect(notes).toContain('1 run document (1 entry) are not in the language map (e.g. x9)');
    expect(notes).toContain('1 query have no language in the query map (e.g. q3): not scored');
  });
});
