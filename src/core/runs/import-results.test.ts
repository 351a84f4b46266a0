import { describe, expect, it } from 'vitest';
import { boundsCaveat } from './describe-diagnostics';
import { importResults, poolOfName, textSource } from './import-results';
import type { CorpusJudgments } from './lang-map';
import { findRunQuery, runQueryRanking } from './run-lists';

// Five passages: en e1 e2 e3, de g1 g2; question q1 (en) is answered by e3 and g1, q2 (de) by g2.
const CORPUS: CorpusJudgments = {
  name: 'tiny',
  passages: [
    { id: 'e1', lang: 'en' },
    { id: 'e2', lang: 'en' },
    { id: 'e3', lang: 'en' },
    { id: 'g1', lang: 'de' },
    { id: 'g2', lang: 'de' },
  ],
  questions: [
    { id: 'q1', lang: 'en', relevant: ['e3', 'g1'] },
    { id: 'q2', lang: 'de', relevant: ['g2'] },
  ],
};

const MULTI_RUN = 'q1 Q0 e1 1 0.9 t\nq1 Q0 g2 2 0.5 t\nq1 Q0 e3 3 0.4 t\nq1 Q0 g1 4 0.1 t\nq1 Q0 e2 5 0.0 t\nq2 Q0 g2 1 0.8 t\nq2 Q0 e1 2 0.2 t\n';

describe('opening results in the app (importResults)', () => {
  it("scores a run with the corpus's languages and judgments, as analyze does with --corpus", async () => {
    const {
      runs: [run],
    } = await importResults({ runs: [textSource('a.trec', MULTI_RUN, 7)], corpus: CORPUS });
    expect(run.name).toBe('a');
    expect(run.judgments).toBe('the judgments of tiny');
    expect(run.diagnostics.pool).toBe('multi');
    const multi = run.report.settings.multi!;
    expect(multi.cells.map((c) => c.key)).toEqual(['en->*', 'de->*']);
    // By hand: q1's answers at ranks 3 and 4, AP = (1/3 + 2/4) / 2; q2's at rank 1, AP 1.
    expect(multi.cells[0].metrics.ap).toBeCloseTo(0.416667, 6);
    expect(multi.cells[1].metrics.ap).toBe(1);
    expect(run.report.corpus).toBe('tiny');
    expect(run.diagnostics.truncated).toBeNull();
    expect(boundsCaveat(run.diagnostics)).toBeNull();

    // The ranking view's list: the run's order, languages from the corpus, answers wherever they sit.
    const q1 = findRunQuery(run.lists, 'q1', 'multi', null);
    const ranking = runQueryRanking(run.lists, q1, 3);
    expect(ranking.top.map((c) => [c.rank, c.id, c.lang, c.score, c.relevant])).toEqual([
      [1, 'e1', 'en', 0.9, false],
      [2, 'g2', 'de', 0.5, false],
      [3, 'e3', 'en', 0.4, true],
    ]);
    expect(ranking.answers.map((a) => [a.id, a.rank])).toEqual([
      ['e3', 3],
      ['g1', 4],
    ]);
    expect(ranking.poolSize).toBe(5);
    expect(findRunQuery(run.lists, 'q9', 'multi', null)).toBe(-1);
  });

  it('says a truncated run gives bounds, and counts documents the language map does not name', async () => {
    const truncated = 'q1 Q0 e1 1 0.9 t\nq1 Q0 x7 2 0.5 t\nq1 Q0 g2 3 0.45 t\nq1 Q0 e3 4 0.4 t\n';
    const {
      runs: [run],
    } = await importResults({ runs: [textSource('cut.trec', truncated)], corpus: CORPUS });
    expect(run.diagnostics.truncated).toEqual({ queries: [{ qid: 'q1', cell: 'en->*', depth: 4, relevant: 2, absent: 1 }], absentRelevant: 1 });
    expect(run.diagnostics.notes.join('\n')).toMatch(/^1 query miss 1 relevant document from the run: truncated run: .*lower bounds/m);
    expect(boundsCaveat(run.diagnostics)).toBe(
      'Truncated run: the figures are lower bounds on AP, R@1, R@10, MRR and nDCG@10, and the maximum rank distance an upper bound; 1 relevant item absent from the run (1 query).',
    );
    expect(run.diagnostics.unknownDocs).toEqual({ count: 1, examples: ['x7'], entries: 1 });
    expect(run.diagnostics.notes.join('\n')).toContain('1 run document (1 entry) are not in the language map (e.g. x7)');
    // Lower bound: e3 at rank 4, g1 counted as never retrieved: AP = (1/4) / 2.
    expect(run.report.settings.multi!.macro.ap).toBeCloseTo(1 / 8, 12);
    expect(runQueryRanking(run.lists, 0, 10).top[1]).toMatchObject({ id: 'x7', lang: '?' });
  });

  it('reads qrels and id<TAB>lang maps instead of a corpus, and finds the cross-lingual query of a question', async () => {
    const cross = 'q1->de Q0 g1 1 0.7 t\nq1->de Q0 g2 2 0.6 t\n';
    const {
      runs: [run],
    } = await importResults({
      runs: [textSource('run.cross.trec', cross)],
      qrels: textSource('q.txt', 'q1->de 0 g1 1\n'),
      docLangs: textSource('docs.tsv', 'docid\tlang\ng1\tde\ng2\tde\n'),
      queryLangs: textSource('queries.tsv', 'q1\ten\n'),
    });
    expect(run.report.settings.cross!.cells.map((c) => [c.key, c.metrics.ap])).toEqual([['en->de', 1]]);
    expect(run.judgments).toBe('q.txt');
    expect(findRunQuery(run.lists, 'q1', 'cross', 'de')).toBe(0);
    expect(findRunQuery(run.lists, 'q1', 'multi', 'de')).toBe(-1);
  });

  it("merges npm run eval's per-setting files into one report, as analyze reads an eval folder; each run keeps its own lists", async () => {
    const mono = 'q1 Q0 e3 1 0.9 t\nq1 Q0 e1 2 0.5 t\nq2 Q0 g1 1 0.8 t\nq2 Q0 g2 2 0.7 t\n';
    const cross = 'q1->de Q0 g2 1 0.7 t\nq1->de Q0 g1 2 0.6 t\n';
    const picked = [
      textSource('run.multi.trec', MULTI_RUN),
      textSource('run.mono.trec', mono),
      textSource('run.cross.trec', cross),
      textSource('b.trec', mono),
    ];
    const { runs, reports } = await importResults({ runs: picked, corpus: CORPUS });
    expect(runs.map((r) => r.name)).toEqual(['run.multi', 'run.mono', 'run.cross', 'b']);
    expect(reports.map((r) => [r.name, r.parts, r.settings])).toEqual([
      ['run', [1, 2, 0], ['mono', 'cross', 'multi']],
      ['b', [3], null],
    ]);
    const merged = reports[0].report;
    expect(Object.keys(merged.settings)).toEqual(['mono', 'cross', 'multi']);
    // Each setting's figures are its own file's: q2's answer at rank 2 of the mono run, q1's German answer at 2 of the cross run.
    expect(merged.settings.mono!.cells.map((c) => [c.key, c.metrics.ap])).toEqual([
      ['en->en', 1],
      ['de->de', 0.5],
    ]);
    expect(merged.settings.cross!.cells.map((c) => [c.key, c.metrics.ap])).toEqual([['en->de', 0.5]]);
    expect(merged.settings.multi).toEqual(runs[0].report.settings.multi);
    expect(reports[1].report).toBe(runs[3].report);
    expect(findRunQuery(runs[2].lists, 'q1', 'cross', 'de')).toBe(0);
  });

  it('keeps the same file opened twice as two reports', async () => {
    const { reports } = await importResults({ runs: [textSource('run.multi.trec', MULTI_RUN), textSource('run.multi.trec', MULTI_RUN)], corpus: CORPUS });
    expect(reports.map((r) => [r.name, r.parts])).toEqual([
      ['run.multi', [0]],
      ['run.multi', [1]],
    ]);
  });

  it('names the file and line of a malformed run line', async () => {
    const bad = 'q1 Q0 e1 1 0.9 t\nq1 Q0 e2 two 0.5 t\n';
    await expect(importResults({ runs: [textSource('bad.trec', bad)], corpus: CORPUS })).rejects.toThrow(
      'bad.trec:2: rank "two" is not a whole number (expected 6 fields "qid Q0 docid rank score tag")',
    );
  });

  it('refuses to use the corpus judgments for a run whose ids are not its passages', async () => {
    await expect(importResults({ runs: [textSource('other.trec', 'q1 Q0 d1 1 1 t\n')], corpus: CORPUS })).rejects.toThrow(
      'other.trec: none of the 1 document ids is a passage of tiny, so its judgments do not apply; give a qrels file',
    );
    await expect(importResults({ runs: [textSource('a.trec', MULTI_RUN)] })).rejects.toThrow('no qrels file was given and no corpus is loaded');
  });

  it('stops between chunks when cancelled, reporting progress in bytes until then', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const big = MULTI_RUN + Array.from({ length: 2000 }, (_, i) => `q3 Q0 d${i} 1 ${-i} t\n`).join('');
    const importing = importResults(
      { runs: [textSource('big.trec', big, 1000)], corpus: CORPUS },
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (seen.length === 3) controller.abort(new Error('cancelled'));
        },
      },
    );
    await expect(importing).rejects.toThrow('cancelled');
    expect(seen).toEqual([1000, 2000, 3000]);
  });

  it('takes the pool from the evaluation’s own file names', () => {
    expect(poolOfName('run.multi.trec')).toBe('multi');
    expect(poolOfName('run.mono.trec')).toBe('single');
    expect(poolOfName('bm25-cross.txt')).toBe('single');
    expect(poolOfName('bm25.trec')).toBeUndefined();
  });
});
