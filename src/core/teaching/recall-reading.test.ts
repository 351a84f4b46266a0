import { describe, expect, it } from 'vitest';
import type { Corpus } from '../corpus/types';
import { createBm25Retriever } from '../retrieval/bm25';
import { evaluateCorpus } from '../evaluation/evaluate-corpus';
import { answersPerQuestion, readRecallAt1 } from './recall-reading';

// One fact in three languages: each question's answer is the passage of the same fact in every
// language, and it shares words with the question only in its own language.
const corpus: Corpus = {
  name: 'three',
  languages: ['en', 'de', 'fr'],
  passages: [
    { id: 'en/a', lang: 'en', text: 'the bridge opened in 1932', group: 'a' },
    { id: 'en/b', lang: 'en', text: 'a river runs north', group: 'b' },
    { id: 'de/a', lang: 'de', text: 'die Brücke wurde 1932 eröffnet', group: 'a' },
    { id: 'de/b', lang: 'de', text: 'ein Fluss fließt nach Norden', group: 'b' },
    { id: 'fr/a', lang: 'fr', text: 'le pont a ouvert en 1932', group: 'a' },
    { id: 'fr/b', lang: 'fr', text: 'une rivière coule vers le nord', group: 'b' },
  ],
  questions: [
    { id: 'qa/en', qid: 'qa', lang: 'en', text: 'when did the bridge open', relevant: ['en/a', 'de/a', 'fr/a'] },
    { id: 'qa/de', qid: 'qa', lang: 'de', text: 'wann wurde die Brücke eröffnet', relevant: ['en/a', 'de/a', 'fr/a'] },
  ],
};

describe('readRecallAt1', () => {
  it('says R@1 is capped at 1/3 in a multilingual pool with one answer per language, and is the share answered first with one answer', async () => {
    const report = await evaluateCorpus(corpus, createBm25Retriever());
    expect(answersPerQuestion(report, 'mono')).toEqual({ min: 1, max: 1 });
    expect(answersPerQuestion(report, 'multi')).toEqual({ min: 3, max: 3 });
    // A perfect multilingual list still reads at most 1/3.
    expect(report.settings.multi!.macro.recallAt1).toBeLessThanOrEqual(1 / 3);
    expect(readRecallAt1(report)).toBe(
      "R@1 is the share of a question's answers ranked first. Monolingual and Cross-lingual: one answer per question, so R@1 is the share of questions answered first. " +
        'Multilingual: 3 answers per question, so at most 1/3 = 0.333 even when every answer leads the list; mAP counts every answer.',
    );
  });

  it('says nothing without per-query records', async () => {
    const report = await evaluateCorpus(corpus, createBm25Retriever(), { keepQueries: false });
    expect(readRecallAt1(report)).toBeNull();
  });
});
