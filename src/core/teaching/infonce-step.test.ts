import { describe, expect, it } from 'vitest';
import { createSampler } from '../training/samplers';
import { samplerSeedOf, trainAdapter } from '../training/train';
import { trainingPairsOf } from './batch-gallery';
import { tinySynthetic } from './experiment.fixture';
import { stepThroughInfoNce } from './infonce-step';

async function setup() {
  const { corpus, encoder } = tinySynthetic;
  const queryEmb = await encoder.embed(
    corpus.questions.map((q) => q.text),
    'query',
  );
  const passageEmb = await encoder.embed(
    corpus.passages.map((p) => p.text),
    'passage',
  );
  const pairs = trainingPairsOf(corpus, { testFraction: 0.25, seed: 3, heldOutLanguages: [] });
  return { queryEmb, passageEmb, pairs, dim: 32 };
}

describe('stepThroughInfoNce', () => {
  it('gives the loss training computes on the same first batch', async () => {
    const s = await setup();
    const batch = createSampler('cross-lingual', { pairsIndex: s.pairs, batchSize: 4, seed: samplerSeedOf(3) }).next();
    const step = stepThroughInfoNce({ ...s, batch });
    const run = await trainAdapter({ ...s, strategy: 'cross-lingual', epochs: 1, batchSize: 4, seed: 3 });
    expect(step.before.loss).toBeCloseTo(run.lossCurve[0].loss, 12);
    expect(step.pairs.map((p) => p.qLang !== p.pLang)).toEqual([true, true, true, true]);
  });

  it('shows the similarity matrix, a softmax per row, and the loss as the mean of the rows', async () => {
    const s = await setup();
    const batch = createSampler('monolingual', { pairsIndex: s.pairs, batchSize: 4, seed: 9 }).next();
    const step = stepThroughInfoNce({ ...s, batch });
    expect(step.before.cosines).toHaveLength(4);
    for (const row of step.before.probabilities) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const row of step.before.cosines) for (const c of row) expect(Math.abs(c)).toBeLessThanOrEqual(1 + 1e-9);
    const mean = step.before.rowLoss.reduce((a, b) => a + b, 0) / 4;
    expect(step.before.loss).toBeCloseTo(mean, 12);
    // Row i's loss is -log of the softmax its own answer gets.
    step.before.rowLoss.forEach((l, i) => expect(l).toBeCloseTo(-Math.log(step.before.probabilities[i][i]), 10));
  });

  it('pulls each question to its answer, pushes the others apart, and one step moves the matrix that way', async () => {
    const s = await setup();
    const batch = createSampler('hybrid', { pairsIndex: s.pairs, batchSize: 5, seed: 4 }).next();
    const step = stepThroughInfoNce({ ...s, batch });
    expect(
      step.forces
        .filter((f) => f.kind === 'pull')
        .map((f) => [f.question, f.passage])
        .sort(),
    ).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(step.forces.filter((f) => f.kind === 'push')).toHaveLength(20);
    // A pull's strength is (1 - p_ii) / B; a push's is p_ij / B.
    const pull = step.forces.find((f) => f.kind === 'pull' && f.question === 2)!;
    expect(pull.strength).toBeCloseTo((1 - step.before.probabilities[2][2]) / 5, 12);
    expect(step.after.loss).toBeLessThan(step.before.loss);
    const diagonal = (m: number[][]) => m.reduce((sum, row, i) => sum + row[i], 0);
    expect(diagonal(step.after.probabilities)).toBeGreaterThan(diagonal(step.before.probabilities));
    expect(step.lines[0]).toMatch(
      /^Question q\d+ \([a-z]+\) gives its own answer \([a-z]+\) \d+% of the softmax, loss \d\.\d\d: the gradient pulls them together; it pushes hardest away from q\d+'s answer in [a-z]+ \(\d+%\)\.$/,
    );
  });

  it('refuses a batch with no negatives', async () => {
    const s = await setup();
    const batch = createSampler('monolingual', { pairsIndex: s.pairs, batchSize: 2, seed: 1 }).next();
    const one = { ...batch, qid: batch.qid.subarray(0, 1), queryIdx: batch.queryIdx.subarray(0, 1), passageIdx: batch.passageIdx.subarray(0, 1) };
    expect(() => stepThroughInfoNce({ ...s, batch: one })).toThrow(/1 pair\(s\) has no negatives/);
  });
});
