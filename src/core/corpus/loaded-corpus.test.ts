import { describe, expect, it } from 'vitest';
import { checkCorpus, nameFromLabel } from './loaded-corpus';
import type { Corpus } from './types';

const good: Corpus = {
  name: 'c',
  languages: ['en', 'de'],
  passages: [
    { id: 'p1', lang: 'en', text: 'a' },
    { id: 'p2', lang: 'de', text: 'b' },
  ],
  questions: [{ id: 'q1', qid: 'q1', lang: 'en', text: '?', relevant: ['p1', 'p2'] }],
};

describe('checkCorpus', () => {
  it('passes a complete corpus through', () => {
    expect(checkCorpus(good, 'f')).toBe(good);
  });

  it.each<[string, Corpus, string]>([
    ['no passages', { ...good, passages: [] }, 'f: no passages found'],
    ['a repeated passage id', { ...good, passages: [...good.passages, good.passages[0]] }, 'f: passage "p1": passage id used twice'],
    ['a language not listed', { ...good, languages: ['en'] }, 'f: passage "p2": language "de" is not listed'],
    [
      'a missing relevant passage',
      { ...good, questions: [{ ...good.questions[0], relevant: ['p3'] }] },
      'f: question "q1": relevant passage "p3" does not exist',
    ],
    ['an empty relevant set', { ...good, questions: [{ ...good.questions[0], relevant: [] }] }, 'f: question "q1": no relevant passages'],
  ])('rejects %s', (_label, corpus, message) => {
    expect(() => checkCorpus(corpus, 'f')).toThrow(message);
  });
});

describe('nameFromLabel', () => {
  it('takes the last segment of a path or URL', () => {
    expect(nameFromLabel('/work/shared/data/xquad-r')).toBe('xquad-r');
    expect(nameFromLabel('https://example.org/corpora/scifact/')).toBe('scifact');
    expect(nameFromLabel('C:\\data\\mlqa-r\\')).toBe('mlqa-r');
    expect(nameFromLabel('picked files')).toBe('picked files');
  });
});
