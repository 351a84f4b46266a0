import { describe, expect, it } from 'vitest';
import { buildPairsIndexFromCorpus } from './pairs-index';
import { generateSyntheticBenchmark } from './synthetic-benchmark';
import { buildSyntheticCorpus } from './synthetic-corpus';

describe('buildSyntheticCorpus', () => {
  const bench = generateSyntheticBenchmark({ seed: 2, questions: 10, dim: 8, languages: ['en', 'de'] });
  const { corpus, encoder } = buildSyntheticCorpus(bench, 'tiny');

  it('holds the benchmark questions with their answers in every language, and the distractors', () => {
    expect(corpus).toMatchObject({ name: 'tiny', languages: ['en', 'de'] });
    expect(corpus.questions).toHaveLength(20);
    expect(corpus.questions[13]).toEqual({ id: 'q3/de', qid: 'q3', lang: 'de', text: 'q3/de', relevant: ['en/a3', 'de/a3'] });
    expect(corpus.passages.filter((p) => p.group === 'a3').map((p) => p.id)).toEqual(['en/a3', 'de/a3']);
    expect(corpus.passages.filter((p) => p.id.includes('/d'))).toHaveLength(4); // 2 paragraphs x 2 languages
  });

  it('gives each text its benchmark vector, and the same training pairs as the benchmark', async () => {
    const rows = await encoder.embed(['q3/de', 'de/a3'], 'query').catch((e: Error) => e);
    expect(rows).toBeInstanceOf(Error); // an answer id is a passage, not a question
    const q = await encoder.embed(['q3/de'], 'query');
    expect(q).toEqual(bench.queryEmb.slice(13 * 8, 14 * 8));
    const p = await encoder.embed(['de/a3'], 'passage');
    const row = bench.answerRow[3 * 2 + 1];
    expect(p).toEqual(bench.passageEmb.slice(row * 8, (row + 1) * 8));
    const pairs = buildPairsIndexFromCorpus(corpus);
    expect(pairs.qids).toEqual(bench.pairs.qids);
    expect(pairs.queryRow).toEqual(bench.pairs.queryRow);
    expect(pairs.passageRow).toEqual(bench.pairs.passageRow);
  });
});
