/**
 * Finding a question among many: the Ranking tab's question picker lists at most `limit`
 * matches, so a corpus of 48,000 questions never puts 48,000 rows on the page.
 */
import type { Question } from './types';

/**
 * How many rows the picker shows at most: about five screens of its list. Each row costs the page
 * time to build; 200 took 350 ms to open on a busy machine (test/e2e/app-question-picker.test.ts).
 */
export const QUESTION_LIST_LIMIT = 50;

export interface QuestionMatches {
  /** The first matches, in corpus order. */
  shown: Question[];
  /** Every match (shown or not). */
  total: number;
}

// Each word is looked for in the lower-cased text, then the id and qid. Lower-casing at every
// search (~20 ms for 40,000 questions on a busy machine) beat keeping a lower-cased copy, whose
// one-off build took 100 ms and held a second copy of every question.
function matches(q: Question, words: readonly string[]): boolean {
  const text = q.text.toLowerCase();
  return words.every((w) => text.includes(w) || q.id.toLowerCase().includes(w) || q.qid.toLowerCase().includes(w));
}

/**
 * The questions whose text, id or qid holds every word typed (case-insensitive, any order), the
 * first `limit` of them in corpus order. An empty search matches every question.
 */
export function searchQuestions(questions: readonly Question[], search: string, limit = QUESTION_LIST_LIMIT): QuestionMatches {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { shown: questions.slice(0, limit), total: questions.length };
  const shown: Question[] = [];
  let total = 0;
  for (const q of questions) {
    if (!matches(q, words)) continue;
    if (shown.length < limit) shown.push(q);
    total++;
  }
  return { shown, total };
}

/** The line under the list: how many match and whether typing would narrow them. */
export function describeMatches({ shown, total }: QuestionMatches, search: string, available: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const noun = (x: number) => (x === 1 ? 'question' : 'questions');
  if (available === 0) return 'No questions in this language';
  if (total === 0) return `No question matches “${search.trim().slice(0, 60)}”`;
  if (shown.length < total) return `Showing ${n(shown.length)} of ${n(total)} ${search.trim() ? 'matches' : noun(total)}; type to narrow`;
  return search.trim() ? `${n(total)} of ${n(available)} ${noun(available)} match` : `${n(total)} ${noun(total)}`;
}
