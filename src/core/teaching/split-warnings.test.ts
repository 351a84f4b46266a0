import { describe, expect, it } from 'vitest';
import type { ResultRow } from '../training/results-table';
import { tinyExperiment } from './experiment.fixture';
import { assessSplit } from './split-warnings';

const row = (key: string, map: number): ResultRow => ({
  key,
  label: key,
  monoMap: map,
  monoR1: map,
  crossMap: map,
  crossR1: map,
  multiMap: map,
  multiR10: map,
  maxRankDistance: 3,
});

describe('assessSplit', () => {
  it('warns that a 2-question test split where every row reads 1.000 cannot tell strategies apart', () => {
    const warnings = assessSplit({
      rows: ['baseline', 'monolingual', 'cross-lingual', 'hybrid'].map((k) => row(k, 1)),
      split: { testQids: ['q1', 'q7'], testQuestions: 30, trainQids: 8, trainLanguages: [], heldOutLanguages: [], testPassages: 30 },
    });
    expect(warnings.map((w) => w.kind)).toEqual(['small', 'saturated']);
    expect(warnings[0].message).toMatch(/^The test split holds only 2 question ids \(30 questions\): one question can move a score by about 0\.50/);
  });

  it('says rows closer than one question can move them are equal', () => {
    const split = {
      testQids: Array.from({ length: 24 }, (_, i) => `q${i}`),
      testQuestions: 360,
      trainQids: 90,
      trainLanguages: [],
      heldOutLanguages: [],
      testPassages: 400,
    };
    const warnings = assessSplit({ rows: [row('baseline', 0.674), row('monolingual', 0.672), row('cross-lingual', 0.675), row('hybrid', 0.673)], split });
    expect(warnings).toEqual([
      {
        kind: 'indistinct',
        message: 'All rows are within 0.003 mAP of each other, less than one test question can move a score (about 0.042): read these rows as equal.',
      },
    ]);
  });

  it('has nothing to say about a split that separates the strategies', async () => {
    const result = await tinyExperiment();
    expect(assessSplit({ ...result, split: { ...result.split, testQids: Array.from({ length: 119 }, (_, i) => `q${i}`) } })).toEqual([]);
  });
});
