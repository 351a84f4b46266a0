import { describe, expect, it } from 'vitest';
import { buildPairsIndex } from '../training/pairs-index';
import { trainAdapter } from '../training/train';
import { drawBatchGallery, trainingPairsOf } from './batch-gallery';
import { tinySynthetic } from './experiment.fixture';
import { generateSyntheticBenchmark } from '../training/synthetic-benchmark';

const bench = generateSyntheticBenchmark({ seed: 3, questions: 24, dim: 8, languages: ['en', 'de', 'zh'] });

describe('drawBatchGallery', () => {
  it("monolingual: each batch one language, every negative in the question's language", () => {
    const g = drawBatchGallery(bench.pairs, 'monolingual', { batchSize: 4, count: 3, seed: 1 });
    expect(g.batches).toHaveLength(3);
    for (const b of g.batches) {
      expect(b.mode).toBe('monolingual');
      expect(new Set(b.chips.flatMap((c) => [c.qLang, c.pLang])).size).toBe(1);
      expect(b.chips).toHaveLength(4);
      expect(b.cells).toHaveLength(16);
      expect(b.negatives).toBe(12);
      expect(b.sameLanguageNegatives).toBe(12);
      expect(b.cells.filter((c) => c.positive).map((c) => c.row)).toEqual([0, 1, 2, 3]);
    }
    expect(g.reading).toMatch(/^Each of the 3 batches is one language \([a-z, ]+\): all 12 answers and 36 of 36 negatives share the question's language/);
  });

  it("cross-lingual: no answer in the question's language, some negatives in it", () => {
    const g = drawBatchGallery(bench.pairs, 'cross-lingual', { batchSize: 6, count: 4, seed: 2 });
    for (const b of g.batches) {
      expect(b.sameLanguagePositives).toBe(0);
      for (const chip of b.chips) expect(chip.qLang).not.toBe(chip.pLang);
    }
    const same = g.batches.reduce((s, b) => s + b.sameLanguageNegatives, 0);
    expect(same).toBeGreaterThan(0);
    expect(g.reading).toContain(`24 of 24 answers are in another language than their question, while ${same} of 120 negatives`);
  });

  it('leaves a second question with the same answer out of the negatives, as the loss does', () => {
    const pairs = buildPairsIndex({
      languages: ['en'],
      queries: [0, 1, 2].map((row) => ({ qid: `q${row}`, lang: 'en', row })),
      answers: [0, 1, 2].map((row) => ({ qid: `q${row}`, lang: 'en', row: row === 2 ? 1 : row })),
      answerKeys: new Map([
        ['q0', 'a'],
        ['q1', 'b'],
        ['q2', 'b'],
      ]),
    });
    const b = drawBatchGallery(pairs, 'monolingual', { batchSize: 3, count: 1, seed: 1 }).batches[0];
    expect(b.cells.filter((c) => c.masked)).toHaveLength(2);
    expect(b.negatives).toBe(4);
  });

  it('draws the very batches a training run with the same seed trains on', async () => {
    const config = { testFraction: 0.25, seed: 5, heldOutLanguages: [] };
    const pairs = trainingPairsOf(tinySynthetic.corpus, config);
    const g = drawBatchGallery(pairs, 'hybrid', { batchSize: 8, count: 6, seed: 5 });
    const queryEmb = await tinySynthetic.encoder.embed(
      tinySynthetic.corpus.questions.map((q) => q.text),
      'query',
    );
    const passageEmb = await tinySynthetic.encoder.embed(
      tinySynthetic.corpus.passages.map((p) => p.text),
      'passage',
    );
    const run = await trainAdapter({ queryEmb, passageEmb, dim: 32, pairs, strategy: 'hybrid', epochs: 1, batchSize: 8, seed: 5 });
    expect(run.lossCurve.slice(0, 6).map((p) => p.mode)).toEqual(g.batches.map((b) => b.mode));
    expect(new Set(g.batches.map((b) => b.mode)).size).toBe(2);
    expect(g.reading).toMatch(/^\d of 6 batches were monolingual and \d cross-lingual/);
  });
});
