import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { createBm25Retriever } from '../retrieval/bm25';
import { evaluateCorpus } from './evaluate-corpus';
import { buildAnswerLadder, rankOneQuery } from './rank-one-query';

const pool = [
  { id: 'en/a', lang: 'en' },
  { id: 'en/b', lang: 'en' },
  { id: 'de/a', lang: 'de' },
  { id: 'de/b', lang: 'de' },
  { id: 'zh/a', lang: 'zh' },
];

describe('rankOneQuery', () => {
  it('orders by score and breaks ties by the larger passage id, as trec_eval', () => {
    const scores = Float32Array.from([0.9, 0.5, 0.5, 0.1, 0.5]);
    const r = rankOneQuery(scores, pool, ['en/a', 'de/a', 'zh/a'], 3);
    expect(r.top.map((c) => [c.rank, c.id, c.relevant])).toEqual([
      [1, 'en/a', true],
      [2, 'zh/a', true],
      [3, 'en/b', false],
    ]);
    // de/a ties with en/b and zh/a at 0.5 but has the smallest id of the three: rank 4.
    expect(r.answers.map((c) => [c.id, c.rank])).toEqual([
      ['en/a', 1],
      ['zh/a', 2],
      ['de/a', 4],
    ]);
    expect(r.metrics!.ap).toBeCloseTo((1 + 1 + 3 / 4) / 3, 12);
    expect(r.metrics!.maxRankDistance).toBe(3);
    expect(r.poolSize).toBe(5);
  });

  it('ranks free text with no known answers, and ignores answers outside the pool', () => {
    const scores = Float32Array.from([0, 1, 2, 3, 4]);
    expect(rankOneQuery(scores, pool, [], 2)).toMatchObject({ answers: [], metrics: null });
    expect(rankOneQuery(scores, pool, ['fr/a'], 2).top.map((c) => c.id)).toEqual(['zh/a', 'de/b']);
  });

  it('rejects a score row that does not match the pool', () => {
    expect(() => rankOneQuery(new Float32Array(4), pool, [], 2)).toThrow(/4 scores for a pool of 5 passages/);
  });

  it('gives a question the same ranks and top list as the whole-corpus evaluation', async () => {
    const corpus: Corpus = {
      name: 'rivers',
      languages: ['en', 'de'],
      passages: [
        { id: 'en/nile', lang: 'en', text: 'The Nile flows north through Egypt into the Mediterranean.' },
        { id: 'en/rhine', lang: 'en', text: 'The Rhine flows north through Germany into the North Sea.' },
        { id: 'de/nile', lang: 'de', text: 'Der Nil fließt nach Norden durch Ägypten ins Mittelmeer.' },
        { id: 'de/rhine', lang: 'de', text: 'Der Rhein fließt nach Norden durch Deutschland in die Nordsee.' },
      ],
      questions: [{ id: 'q/en', qid: 'q', lang: 'en', text: 'Which river flows through Egypt?', relevant: ['en/nile', 'de/nile'] }],
    };
    const report = await evaluateCorpus(corpus, createBm25Retriever(), { settings: ['multi'] });
    const record = report.settings.multi!.cells[0].queries![0];
    const scorer = await createBm25Retriever().pool(corpus.passages);
    const scores = await scorer.score([corpus.questions[0].text]);
    const r = rankOneQuery(scores, corpus.passages, corpus.questions[0].relevant, 10);
    expect(r.answers.map((a) => a.rank)).toEqual(record.relevantRanks);
    expect(r.top.map((c) => c.id)).toEqual(record.top);
    expect(r.metrics).toEqual(record.metrics);
  });
});

describe('buildAnswerLadder', () => {
  it('puts each language at its best answer rank and measures the spread', () => {
    const answers = [
      { index: 0, id: 'en/a', lang: 'en', score: 3, rank: 1, relevant: true },
      { index: 4, id: 'zh/a', lang: 'zh', score: 2, rank: 7, relevant: true },
      { index: 2, id: 'de/a', lang: 'de', score: 1, rank: 40, relevant: true },
      { index: 5, id: 'zh/b', lang: 'zh', score: 0, rank: 90, relevant: true },
    ];
    const ladder = buildAnswerLadder(answers);
    expect(ladder.rungs.map((r) => `${r.lang}@${r.rank}`)).toEqual(['en@1', 'zh@7', 'de@40']);
    expect(ladder.rungs[1]).toEqual({ lang: 'zh', rank: 7, id: 'zh/a', score: 2 });
    expect(ladder.maxRankDistance).toBe(39);
    expect(buildAnswerLadder(answers.slice(0, 1)).maxRankDistance).toBe(0);
  });
});
