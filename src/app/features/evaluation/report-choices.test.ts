import { describe, expect, it } from 'vitest';
import { runExperiment } from '../../../core/training/run-experiment';
import { generateSyntheticBenchmark } from '../../../core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../../../core/training/synthetic-corpus';
import { selectTestCorpus } from '../../../core/training/test-corpus';
import type { StoredReport } from './evaluation-slice';
import { compareFigures } from '../../../core/comparison/comparison-view';
import { listReportChoices, pickShownReports } from './report-choices';

const { corpus, encoder } = buildSyntheticCorpus(generateSyntheticBenchmark({ seed: 5, questions: 24, dim: 8, languages: ['en', 'de', 'zh'] }), 'tiny');
const result = await runExperiment({
  corpus,
  encoder,
  strategies: ['monolingual', 'hybrid'],
  alpha: 0.4,
  epochs: 1,
  batchSize: 8,
  testFraction: 0.25,
  seed: 1,
});
const testCorpus = selectTestCorpus(corpus, result.split.testQids);
const session: StoredReport = { id: 'r1', label: 'bm25 · tiny · en de zh', report: { ...result.baseline.report, corpus: 'tiny' }, corpus };

describe('report choices', () => {
  it('offers each trained strategy and the untrained model of the experiment after the session’s runs, named for people', () => {
    const choices = listReportChoices([session], { result, testCorpus });
    expect(choices.map((c) => [c.id, c.label, c.source])).toEqual([
      ['r1', 'bm25 · tiny · en de zh', 'session'],
      ['experiment:monolingual', 'monolingual adapter over synthetic-d8', 'experiment'],
      ['experiment:hybrid', 'hybrid adapter (α=0.4) over synthetic-d8', 'experiment'],
      ['experiment:untrained', 'untrained synthetic-d8', 'experiment'],
    ]);
    expect(choices[2].report).toBe(result.strategies[1].report);
    expect(choices[3].report).toBe(result.baseline.report);
    expect(choices[3].corpus.name).toBe('tiny (test split)');
    expect(listReportChoices([session], null)).toHaveLength(1);
  });

  it('shows the chosen report beside another one, never beside itself, and a comparison across pools has its caveat', () => {
    const choices = listReportChoices([session], { result, testCorpus });
    const { shown, compare } = pickShownReports(choices, 'experiment:hybrid', 'experiment:untrained');
    expect([shown?.id, compare?.id]).toEqual(['experiment:hybrid', 'experiment:untrained']);
    expect(compareFigures(compare!.label, compare!.report, shown!.label, shown!.report).caveats).toEqual([]);
    expect(pickShownReports(choices, 'experiment:hybrid', 'experiment:hybrid').compare).toBeNull();
    // Nothing chosen yet, or a report of an earlier run that is gone: the first one.
    expect(pickShownReports(choices, null, null).shown?.id).toBe('r1');
    expect(pickShownReports(choices, 'experiment:cross-lingual', null).shown?.id).toBe('r1');
    const mixed = pickShownReports(choices, 'experiment:hybrid', 'r1');
    // The comparison says so (compareReports' caveat), whichever view shows it.
    const caveats = compareFigures(mixed.compare!.label, mixed.compare!.report, mixed.shown!.label, mixed.shown!.report).caveats;
    expect(caveats.find((c) => c.kind === 'corpus')?.message).toContain('different corpora');
    expect(caveats.find((c) => c.kind === 'corpus')?.message).toContain('tiny (test split)');
  });
});
