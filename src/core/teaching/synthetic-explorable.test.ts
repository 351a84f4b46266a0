import { describe, expect, it } from 'vitest';
import { generateSyntheticBenchmark, DEFAULT_SYNTHETIC } from '../training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../training/synthetic-corpus';
import { buildExplorableSynthetic, labelSynthetic, SYNTHETIC_FREE_TEXT_REFUSAL, syntheticEncoderId } from './synthetic-explorable';

const options = { ...DEFAULT_SYNTHETIC, seed: 2, questions: 10, dim: 8, languages: ['en', 'de'] };

describe('buildExplorableSynthetic', () => {
  const x = buildExplorableSynthetic(options);

  it('labels every question and passage as a synthetic item with its language and topic', () => {
    expect(x.corpus.name).toBe('synthetic benchmark (seed 2)');
    expect(x.corpus.questions[13]).toMatchObject({
      id: 'q3/de',
      qid: 'q3',
      lang: 'de',
      text: 'Synthetic question q3 · de · topic 0',
      relevant: ['en/a3', 'de/a3'],
    });
    expect(x.corpus.passages.find((p) => p.id === 'de/a7')?.text).toBe('Synthetic answer to q7 · de · topic 1');
    expect(x.corpus.passages.find((p) => p.id === 'en/d1')?.text).toBe('Synthetic distractor 1 · en · topic 1 (answers no question)');
    expect(new Set(x.corpus.passages.map((p) => p.text)).size).toBe(x.corpus.passages.length);
    expect(x.describe('de/a7')).toEqual({ kind: 'answer', qid: 'q7', topic: 1, lang: 'de' });
    expect(x.describe('nonsense')).toBeNull();
  });

  it('gives each label the benchmark vector of the same item, so trained adapters apply unchanged', async () => {
    const bench = generateSyntheticBenchmark(options);
    const plain = buildSyntheticCorpus(bench);
    const labelled = labelSynthetic(bench, options);
    const q = await labelled.encoder.embed([labelled.corpus.questions[13].text], 'query');
    expect(q).toEqual(await plain.encoder.embed(['q3/de'], 'query'));
    const p = await labelled.encoder.embed([labelled.corpus.passages[5].text], 'passage');
    expect(p).toEqual(await plain.encoder.embed([plain.corpus.passages[5].text], 'passage'));
    expect(labelled.corpus.passages.map((x) => x.id)).toEqual(plain.corpus.passages.map((x) => x.id));
  });

  it('names its vectors by seed and refuses typed text with a line a person can act on', async () => {
    expect(x.encoder.id).toBe(syntheticEncoderId(2, 8));
    expect(syntheticEncoderId(2, 8)).not.toBe(syntheticEncoderId(3, 8));
    await expect(x.encoder.embed(['Who wrote the ninth symphony?'], 'query')).rejects.toThrow(SYNTHETIC_FREE_TEXT_REFUSAL);
    await expect(x.encoder.embed(['Who wrote the ninth symphony?'], 'query')).rejects.toMatchObject({ name: 'FreeTextRefusedError' });
  });
});
