import { describe, expect, it } from 'vitest';
import { allZeroBanner, describeRungPlace, maxRankDistanceDefinition, readLadder, tieRange } from './ladder-reading';

describe('maxRankDistanceDefinition', () => {
  it('gives answers - 1 as the least possible distance, not 0', () => {
    expect(maxRankDistanceDefinition(15)).toContain('with 15 answers the least possible is 14');
    expect(maxRankDistanceDefinition(15)).not.toMatch(/\b0 for/);
  });
});

describe('readLadder', () => {
  // A BM25-like pool of 8: three passages share a word with the question, five score 0.
  const pool = [2.5, 1.2, 0.7, 0, 0, 0, 0, 0];

  it('shows a tied answer as its range of ranks and says no word is shared', () => {
    const reading = readLadder(
      [
        { lang: 'ar', rank: 1, score: 2.5 },
        { lang: 'de', rank: 8, score: 0 },
        { lang: 'en', rank: 3, score: 0.7 },
      ],
      pool,
      true,
    );
    expect(reading.rungs.map((r) => [r.lang, r.tieFirst, r.tieLast, r.tied])).toEqual([
      ['ar', 1, 1, false],
      ['en', 3, 3, false],
      ['de', 4, 8, true],
    ]);
    expect(reading.maxRankDistance).toBe(7);
    expect(reading.floor).toBe(2);
    expect(reading.extremesTied).toBe(true);
    expect(reading.noWordShared).toEqual(['de']);
    expect(reading.summary).toBe('7 (ar at 1 → de somewhere in 4 to 8, tied)');
    expect(describeRungPlace(reading.rungs[2])).toBe('ranks 4 to 8 (tied)');
    expect(describeRungPlace(reading.rungs[0])).toBe('rank 1');
  });

  it('does not call a dense model\'s scores "no word shared", and untied ladders read plainly', () => {
    const reading = readLadder(
      [
        { lang: 'en', rank: 1, score: 0.9 },
        { lang: 'de', rank: 2, score: 0.8 },
      ],
      [0.9, 0.8, 0.1],
      false,
    );
    expect(reading.summary).toBe('1 (en at 1 → de at 2)');
    expect(reading.noWordShared).toEqual([]);
    expect(reading.extremesTied).toBe(false);
  });

  it('counts ties over the whole pool', () => {
    expect(tieRange([0, 0, 0, 0], 0)).toEqual({ first: 1, last: 4 });
    expect(tieRange([3, 2, 2, 1], 2)).toEqual({ first: 2, last: 3 });
  });
});

describe('allZeroBanner', () => {
  it('flags a list in which every score is 0, and only that', () => {
    expect(allZeroBanner([0, 0, 0], true, 'the German list')).toBe(
      'Every score in the German list is 0: no passage shares a word with the question, so the order is by passage id alone, and its AP measures the luck of the ids, not the retriever.',
    );
    expect(allZeroBanner([0.4, 0, 0], true)).toBeNull();
    expect(allZeroBanner([], true)).toBeNull();
  });
});

describe('tie ranges from the ranking itself', () => {
  it('rankOneQuery gives each answer the ranks its score ties over, and the ladder reads them', async () => {
    const { rankOneQuery, buildAnswerLadder } = await import('../evaluation/rank-one-query');
    const pool = ['en/a', 'de/a', 'en/x', 'de/x', 'de/y'].map((id) => ({ id, lang: id.slice(0, 2) }));
    const r = rankOneQuery(Float32Array.from([1.5, 0, 0.2, 0, 0]), pool, ['en/a', 'de/a'], 5);
    expect(r.answers.map((a) => [a.id, a.rank, a.tieFirst, a.tieLast])).toEqual([
      ['en/a', 1, 1, 1],
      ['de/a', 5, 3, 5],
    ]);
    const reading = readLadder(buildAnswerLadder(r.answers).rungs, null, true);
    expect(reading.summary).toBe('4 (en at 1 → de somewhere in 3 to 5, tied)');
    expect(reading.noWordShared).toEqual(['de']);
  });
});
