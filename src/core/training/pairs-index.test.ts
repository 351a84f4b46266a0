import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { buildPairsIndex, buildPairsIndexFromCorpus, restrictPairsIndex } from './pairs-index';

/** Two questions about one paragraph; q2 exists only in English and both share answer sentence s0. */
const corpus: Corpus = {
  name: 'tiny',
  languages: ['en', 'de'],
  passages: [
    { id: 'en/p/s0', lang: 'en', text: 'Paris is the capital.', group: 'p/s0' },
    { id: 'en/p/s1', lang: 'en', text: 'It is large.', group: 'p/s1' },
    { id: 'de/p/s0', lang: 'de', text: 'Paris ist die Hauptstadt.', group: 'p/s0' },
    { id: 'de/p/s1', lang: 'de', text: 'Sie ist gross.', group: 'p/s1' },
  ],
  questions: [
    { id: 'q1/en', qid: 'q1', lang: 'en', text: 'Capital?', relevant: ['en/p/s0', 'de/p/s0'] },
    { id: 'q1/de', qid: 'q1', lang: 'de', text: 'Hauptstadt?', relevant: ['en/p/s0', 'de/p/s0'] },
    { id: 'q2/en', qid: 'q2', lang: 'en', text: 'Which city is the capital?', relevant: ['en/p/s0', 'de/p/s0'] },
  ],
};

describe('buildPairsIndexFromCorpus', () => {
  it('maps each qid and language to its question row and answer passage row', () => {
    const index = buildPairsIndexFromCorpus(corpus);
    expect(index.qids).toEqual(['q1', 'q2']);
    expect(Array.from(index.queryRow)).toEqual([0, 1, 2, -1]);
    expect(Array.from(index.passageRow)).toEqual([0, 2, 0, 2]);
  });

  it('puts questions with the same answer sentence in one answer group', () => {
    const index = buildPairsIndexFromCorpus(corpus);
    expect(index.answerGroup[0]).toBe(index.answerGroup[1]);
  });

  it('names the question and the unknown passage id', () => {
    const broken: Corpus = { ...corpus, questions: [{ ...corpus.questions[0], relevant: ['en/p/s9'] }] };
    expect(() => buildPairsIndexFromCorpus(broken)).toThrow('questions[0].relevant[0] = "en/p/s9" is not a passage id of corpus "tiny"');
  });
});

describe('buildPairsIndex', () => {
  it('gives every unkeyed qid a group of its own', () => {
    const index = buildPairsIndex({
      languages: ['en'],
      queries: [
        { qid: 'a', lang: 'en', row: 0 },
        { qid: 'b', lang: 'en', row: 1 },
      ],
      answers: [],
    });
    expect(index.answerGroup[0]).not.toBe(index.answerGroup[1]);
  });

  it('rejects a language outside the list and a second row for one cell', () => {
    expect(() => buildPairsIndex({ languages: ['en'], queries: [{ qid: 'a', lang: 'fr', row: 0 }], answers: [] })).toThrow(
      'queries[0] has language "fr", expected one of en',
    );
    expect(() =>
      buildPairsIndex({
        languages: ['en'],
        queries: [],
        answers: [
          { qid: 'a', lang: 'en', row: 0 },
          { qid: 'a', lang: 'en', row: 3 },
        ],
      }),
    ).toThrow('answers[1] gives qid "a" a second row in "en"');
  });
});

describe('restrictPairsIndex', () => {
  it('keeps only the chosen qids and languages, rows unchanged', () => {
    const index = buildPairsIndexFromCorpus(corpus);
    const only = restrictPairsIndex(index, new Set(['q1']), ['de']);
    expect(only.qids).toEqual(['q1']);
    expect(only.languages).toEqual(['de']);
    expect(Array.from(only.queryRow)).toEqual([1]);
    expect(Array.from(only.passageRow)).toEqual([2]);
  });
});
