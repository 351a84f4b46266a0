import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { selectTestCorpus } from './test-corpus';

const corpus: Corpus = {
  name: 'tiny',
  languages: ['en', 'de'],
  passages: ['en/1', 'de/1', 'en/2', 'de/2', 'en/x', 'de/x'].map((id) => ({ id, lang: id.slice(0, 2), text: id })),
  questions: [
    { id: 'q1/en', qid: 'q1', lang: 'en', text: 'q1 en', relevant: ['en/1', 'de/1'] },
    { id: 'q1/de', qid: 'q1', lang: 'de', text: 'q1 de', relevant: ['en/1', 'de/1'] },
    { id: 'q2/en', qid: 'q2', lang: 'en', text: 'q2 en', relevant: ['en/2', 'de/2'] },
    { id: 'q3/en', qid: 'q3', lang: 'en', text: 'q3 en', relevant: ['en/2'] },
  ],
};

describe('selectTestCorpus', () => {
  it('keeps every translation of the test questions, and drops answers that only training questions have', () => {
    const test = selectTestCorpus(corpus, ['q1']);
    expect(test.name).toBe('tiny (test split)');
    expect(test.questions.map((q) => q.id)).toEqual(['q1/en', 'q1/de']);
    expect(test.passages.map((p) => p.id)).toEqual(['en/1', 'de/1', 'en/x', 'de/x']);
  });

  it('keeps an answer shared by a test and a training question', () => {
    const test = selectTestCorpus(corpus, ['q3']);
    expect(test.passages.map((p) => p.id)).toEqual(['en/2', 'en/x', 'de/x']);
  });
});
