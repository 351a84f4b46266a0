import { describe, expect, it } from 'vitest';
import type { RankedCandidate } from '../../../core/evaluation/rank-one-query';
import { answerRankShifts } from './ladder-shift';

const answer = (id: string, lang: string, rank: number): RankedCandidate => ({ index: rank - 1, id, lang, score: 1 / rank, rank, relevant: true });

describe('answer rank shifts', () => {
  it('says how many places each language’s answer climbed (or fell) from one ranking to the other', () => {
    const untrained = [answer('a.en', 'en', 1), answer('a.de', 'de', 4), answer('a.zh', 'zh', 40), answer('a.sw', 'sw', 7)];
    const hybrid = [answer('a.en', 'en', 2), answer('a.zh', 'zh', 3), answer('a.de', 'de', 4)];
    expect(answerRankShifts(untrained, hybrid)).toEqual(
      new Map([
        ['en', -1],
        ['zh', 37],
        ['de', 0],
      ]),
    );
  });

  it('compares each language by its best answer when it has several', () => {
    const from = [answer('a1.de', 'de', 2), answer('a2.de', 'de', 9)];
    const to = [answer('a2.de', 'de', 1), answer('a1.de', 'de', 5)];
    expect(answerRankShifts(from, to)).toEqual(new Map([['de', 1]]));
  });
});
