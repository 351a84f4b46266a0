import { describe, expect, it } from 'vitest';
import { describeMatches, searchQuestions } from './question-search';
import type { Question } from './types';

const q = (id: string, text: string): Question => ({ id, qid: id.split('.')[0], lang: 'en', text, relevant: ['p'] });
const questions = [
  q('q1.en', 'Where is the Nile?'),
  q('q2.en', 'Who wrote the ninth symphony?'),
  q('q3.en', 'Where does the NILE end?'),
  q('q4.en', 'How long is the Amazon?'),
];

describe('searchQuestions', () => {
  it('finds questions holding every typed word, in any order and case, in corpus order', () => {
    expect(searchQuestions(questions, 'nile where').shown.map((x) => x.id)).toEqual(['q1.en', 'q3.en']);
    expect(searchQuestions(questions, '  SYMPHONY ').shown.map((x) => x.id)).toEqual(['q2.en']);
    expect(searchQuestions(questions, 'nile amazon')).toEqual({ shown: [], total: 0 });
  });

  it('finds a question by its id or qid', () => {
    expect(searchQuestions(questions, 'q4').shown.map((x) => x.id)).toEqual(['q4.en']);
    expect(searchQuestions(questions, 'q3.en').total).toBe(1);
  });

  it('shows at most `limit` and counts the rest, so 48,000 questions give 50 rows', () => {
    const many = Array.from({ length: 48_000 }, (_, i) => q(`q${i}.en`, `Question number ${i} about ${i % 2 ? 'rivers' : 'mountains'}`));
    const all = searchQuestions(many, '');
    expect(all.shown).toHaveLength(50);
    expect(all.total).toBe(48_000);
    const rivers = searchQuestions(many, 'rivers');
    expect(rivers.total).toBe(24_000);
    expect(rivers.shown[0].id).toBe('q1.en');
    expect(searchQuestions(many, 'number 47999')).toMatchObject({ total: 1, shown: [{ id: 'q47999.en' }] });
    expect(searchQuestions(many, 'rivers', 5).shown).toHaveLength(5);
  });
});

describe('describeMatches', () => {
  it('says how many are shown and whether typing narrows them', () => {
    expect(describeMatches({ shown: questions.slice(0, 2), total: 48_000 }, '', 48_000)).toBe('Showing 2 of 48,000 questions; type to narrow');
    expect(describeMatches({ shown: questions.slice(0, 2), total: 300 }, 'nile', 48_000)).toBe('Showing 2 of 300 matches; type to narrow');
    expect(describeMatches({ shown: questions.slice(0, 2), total: 2 }, 'nile', 4)).toBe('2 of 4 questions match');
    expect(describeMatches({ shown: questions, total: 4 }, '', 4)).toBe('4 questions');
    expect(describeMatches({ shown: [], total: 0 }, 'zebra ', 4)).toBe('No question matches “zebra”');
    expect(describeMatches({ shown: [], total: 0 }, '', 0)).toBe('No questions in this language');
  });
});
