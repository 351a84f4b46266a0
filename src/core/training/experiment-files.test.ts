import { describe, expect, it } from 'vitest';
import { buildExperimentJson, formatResultsFile } from './experiment-files';
import { runExperiment } from './run-experiment';
import { generateSyntheticBenchmark } from './synthetic-benchmark';
import { buildSyntheticCorpus } from './synthetic-corpus';

describe('experiment files', async () => {
  const bench = generateSyntheticBenchmark({ seed: 5, questions: 30, dim: 16, languages: ['en', 'de', 'zh'] });
  const result = await runExperiment({
    ...buildSyntheticCorpus(bench, 'tiny'),
    seed: 2,
    epochs: 2,
    batchSize: 8,
    strategies: ['monolingual', 'hybrid'],
    heldOutLanguages: ['zh'],
  });

  it('experiment.json keeps timings apart, so two runs of one seed are equal outside them', () => {
    const json = buildExperimentJson(result, { data: 'data/tiny' });
    expect(json).toMatchObject({ data: 'data/tiny', retriever: 'synthetic-d16', kind: 'adapter training over a frozen encoder (not full fine-tuning)' });
    expect('elapsedMs' in json.baseline.report).toBe(false);
    expect(json.strategies.map((s) => [s.adapterFile, s.adapterBytes])).toEqual([
      ['adapter-mono.xlad', result.strategies[0].adapterBytes.length],
      ['adapter-hybrid.xlad', result.strategies[1].adapterBytes.length],
    ]);
    expect(Object.keys(json.timings.strategies)).toEqual(['mono', 'hybrid']);
  });

  it('results.md says what was trained, on what, and that it is not full fine-tuning', () => {
    const md = formatResultsFile(result);
    expect(md).toContain("This is adapter training over a frozen encoder, not the paper's full fine-tuning");
    expect(md).toContain('each strategy trains a full 16 x 16 linear map');
    expect(md).toContain('held out of training (zero-shot): zh');
    expect(md).toMatch(/\n\| Untrained \(frozen encoder\) \| [\d.]+ \|/);
    expect(md).toContain('Adapters: adapter-mono.xlad, adapter-hybrid.xlad.');
  });
});
