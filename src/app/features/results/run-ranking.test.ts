import { describe, expect, it } from 'vitest';
import type { Question } from '../../../core/corpus/types';
import { importResults, textSource } from '../../../core/runs/import-results';
import { rankingFromRun } from './run-ranking';
import type { ImportedRunEntry } from './results-slice';

const q1: Question = { id: 'q1', qid: 'q1', lang: 'en', text: 'where?', relevant: ['e2', 'g1'] };
const corpus = {
  name: 'tiny',
  passages: [
    { id: 'e1', lang: 'en' },
    { id: 'e2', lang: 'en' },
    { id: 'g1', lang: 'de' },
  ],
  questions: [q1],
};

async function entry(name: string, text: string): Promise<ImportedRunEntry> {
  const {
    runs: [run],
  } = await importResults({ runs: [textSource(name, text)], corpus });
  return {
    id: 'imported-run:1',
    reportId: 'imported:1',
    name: run.name,
    file: name,
    label: `imported run ${name}`,
    report: run.report,
    diagnostics: run.diagnostics,
    lists: run.lists,
    judgments: run.judgments,
  };
}

const ask = { setting: 'multi' as const, target: null, topK: 2, retrieverId: 'bm25', inPlay: ['en', 'de'] };

describe("Ranking's list from an imported run", () => {
  it("lists the question's entries in the run's order, with the report's figures and every answer for the ladder", async () => {
    const run = await entry('a.trec', 'q1 Q0 e1 1 0.9 t\nq1 Q0 g1 2 0.8 t\nq1 Q0 e2 3 0.1 t\n');
    const ranking = rankingFromRun(run, { ...ask, question: q1 });
    if (typeof ranking === 'string') throw new Error(ranking);
    expect(ranking.main.top.map((c) => [c.rank, c.id, c.relevant])).toEqual([
      [1, 'e1', false],
      [2, 'g1', true],
    ]);
    expect(ranking.main.answers.map((a) => [a.lang, a.rank])).toEqual([
      ['de', 2],
      ['en', 3],
    ]);
    // AP = (1/2 + 2/3) / 2, as the report scored it.
    expect(ranking.main.metrics?.ap).toBeCloseTo(7 / 12, 12);
    expect(ranking.label).toBe('run a');
    expect(ranking.poolLangs).toEqual(['en', 'de']);
    expect(ranking.ladderLangs).toEqual(['en', 'de']);
  });

  it('says why there is no list: free text, or a question the run does not hold', async () => {
    const run = await entry('b.trec', 'q9 Q0 e1 1 0.9 t\n');
    expect(rankingFromRun(run, { ...ask, question: null })).toBe(
      'b.trec ranks only its own queries: pick a benchmark question (or choose the retriever under "Ranked by").',
    );
    expect(rankingFromRun(run, { ...ask, setting: 'cross', target: 'de', question: q1 })).toBe('b.trec holds no list for question q1 (nor q1->de).');
  });
});
