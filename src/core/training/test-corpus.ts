import type { Corpus } from '../corpus/types';

/**
 * The corpus a trained adapter is judged on: every translation of the test questions, against
 * every passage except the answers of training questions. Those answers were pulled towards
 * their questions in training, so leaving them in would score the adapter partly on passages it
 * has fitted; the paper's pool likewise holds no passage it trained on. Passages that answer no
 * question (distractor sentences) stay, as do answers shared with a test question.
 */
export function selectTestCorpus(corpus: Corpus, testQids: readonly string[]): Corpus {
  const test = new Set(testQids);
  const questions = corpus.questions.filter((q) => test.has(q.qid));
  const testAnswers = new Set<string>();
  for (const q of questions) for (const id of q.relevant) testAnswers.add(id);
  const trainAnswers = new Set<string>();
  for (const q of corpus.questions) {
    if (test.has(q.qid)) continue;
    for (const id of q.relevant) if (!testAnswers.has(id)) trainAnswers.add(id);
  }
  return {
    name: `${corpus.name} (test split)`,
    languages: [...corpus.languages],
    passages: corpus.passages.filter((p) => !trainAnswers.has(p.id)),
    questions,
  };
}
