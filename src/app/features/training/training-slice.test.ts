import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { runExperiment } from '../../../core/training/run-experiment';
import { generateSyntheticBenchmark } from '../../../core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../../../core/training/synthetic-corpus';
import { selectTestCorpus } from '../../../core/training/test-corpus';
import { createTrainingClient } from './training-client';
import { createInlineTrainingWorker } from './inline-training-worker';
import type { TrainingForm } from './training-form';
import { adapterRowTransform, createTrainingSlice, selectAdaptersFor } from './training-slice';

const { corpus, encoder } = buildSyntheticCorpus(
  generateSyntheticBenchmark({ seed: 11, questions: 60, dim: 32, languages: ['en', 'de', 'zh', 'ar'], noise: 0.8 }),
  'tiny synthetic',
);
const form: Partial<TrainingForm> = { epochs: 3, batchSize: 16, testFraction: 0.25, seed: 1, heldOutLanguages: ['ar', 'xx'] };

function createStore() {
  const store = create(createTrainingSlice({ createClient: () => createTrainingClient({ createWorker: createInlineTrainingWorker }) }));
  store.getState().setTrainingForm(form);
  return store;
}

describe('training slice', () => {
  it('embeds, trains in the worker and ends with the same results as the core, plus adapters for the ranking view', async () => {
    const store = createStore();
    const statuses: string[] = [];
    store.subscribe((s) => statuses.at(-1) !== s.trainingStatus && statuses.push(s.trainingStatus));
    await store.getState().startTraining({ corpus, encoder });
    const state = store.getState();
    expect(statuses).toEqual(['embedding', 'training', 'done']);
    expect(state.trainingProblem).toBeNull();

    const direct = await runExperiment({ corpus, encoder, epochs: 3, batchSize: 16, testFraction: 0.25, seed: 1, heldOutLanguages: ['ar'] });
    expect(state.trainingResult!.rows).toEqual(direct.rows);
    expect(state.trainingResult!.split.heldOutLanguages).toEqual(['ar']); // "xx" is not a corpus language
    // The Evaluation tab shows these reports: it gets the test split they ranked, and per-question records.
    expect(state.trainingTestCorpus).toEqual(selectTestCorpus(corpus, direct.split.testQids));
    expect(state.trainingResult!.strategies[2].report.settings.multi!.cells[0].queries?.length).toBeGreaterThan(0);
    // 45 training qids / 16 = 3 steps an epoch, 3 epochs, every step's loss drawn.
    expect(state.lossTotalSteps).toBe(9);
    for (const s of direct.strategies) {
      expect(state.lossCurves[s.name]!.map((p) => p.loss)).toEqual(s.lossCurve.map((p) => p.loss));
    }

    const adapters = selectAdaptersFor(state, 'synthetic-d32')!;
    expect(Object.keys(adapters.byStrategy)).toEqual(['monolingual', 'cross-lingual', 'hybrid']);
    expect(adapters.byStrategy.hybrid!.params).toEqual(direct.strategies[2].adapter.params);
    expect(selectAdaptersFor(state, 'another-model')).toBeNull();
    const rows = adapterRowTransform(adapters.byStrategy.hybrid!)(await encoder.embed(['q1/en'], 'query'), 1, 32);
    expect(Math.hypot(...rows)).toBeCloseTo(1, 5);
  });

  it('cancels a run: the status says so and no result or adapters are kept', async () => {
    const store = createStore();
    store.getState().setTrainingForm({ epochs: 100_000 });
    const run = store.getState().startTraining({ corpus, encoder });
    await new Promise<void>((resolve) => {
      const stop = store.subscribe((s) => {
        if (s.lossTotalSteps > 0) {
          stop();
          resolve();
        }
      });
    });
    store.getState().cancelTraining();
    await run;
    expect(store.getState()).toMatchObject({ trainingStatus: 'cancelled', trainingResult: null, trainedAdapters: null, trainingProblem: null });
  });

  it('explains what is missing instead of starting', async () => {
    const store = createStore();
    await store.getState().startTraining({ corpus, encoder: null });
    expect(store.getState().trainingProblem).toMatch(/load a dense model first/);
    store.getState().setTrainingForm({ strategies: [] });
    await store.getState().startTraining({ corpus, encoder });
    expect(store.getState()).toMatchObject({ trainingStatus: 'idle', trainingProblem: 'Pick at least one batch strategy to train.' });
  });
});
