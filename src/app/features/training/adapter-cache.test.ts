import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { Corpus } from '../../../core/corpus/types';
import { runExperiment } from '../../../core/training/run-experiment';
import { generateSyntheticBenchmark } from '../../../core/training/synthetic-benchmark';
import { buildSyntheticCorpus } from '../../../core/training/synthetic-corpus';
import { selectTestCorpus } from '../../../core/training/test-corpus';
import {
  ADAPTER_CACHE_VERSION,
  adapterCacheKey,
  buildCacheRecord,
  hashCorpus,
  restoreCacheRecord,
  type AdapterCache,
  type CachedTrainingRecord,
} from './adapter-cache';
import { createTrainingClient } from './training-client';
import { createInlineTrainingWorker } from './inline-training-worker';
import { createTrainingSlice } from './training-slice';

const { corpus, encoder } = buildSyntheticCorpus(
  generateSyntheticBenchmark({ seed: 5, questions: 40, dim: 16, languages: ['en', 'de', 'zh'], noise: 0.8 }),
  'tiny synthetic',
);
const settings = { epochs: 2, batchSize: 8, testFraction: 0.25, seed: 3 };

/** IndexedDB's behaviour that matters here: values are structured clones, and puts can fail. */
function createMemoryCache(failWith?: Error): AdapterCache & { records: Map<string, unknown> } {
  const records = new Map<string, unknown>();
  return {
    records,
    get: async (key) => structuredClone(records.get(key)),
    put: async (record) => {
      if (failWith) throw failWith;
      records.set(record.key, structuredClone(record));
    },
    clear: async () => records.clear(),
  };
}

function createStore(cache: AdapterCache | null) {
  const store = create(createTrainingSlice({ createClient: () => createTrainingClient({ createWorker: createInlineTrainingWorker }), cache }));
  store.getState().setTrainingForm(settings);
  return store;
}

describe('adapter cache keys', () => {
  it('name the encoder and the corpus content, so an edited corpus or another model misses', () => {
    const hash = hashCorpus(corpus);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(hashCorpus(structuredClone(corpus))).toBe(hash);
    expect(adapterCacheKey('m@q8/mean', hash)).toBe(`v${ADAPTER_CACHE_VERSION}|m@q8/mean|${hash}`);
    expect(adapterCacheKey('other@q8/mean', hash)).not.toBe(adapterCacheKey('m@q8/mean', hash));

    const relabelled: Corpus = {
      ...corpus,
      questions: corpus.questions.map((q, i) => (i === 0 ? { ...q, relevant: [...q.relevant, corpus.passages[5].id] } : q)),
    };
    expect(hashCorpus(relabelled)).not.toBe(hash);
    const edited: Corpus = { ...corpus, passages: corpus.passages.map((p, i) => (i === 3 ? { ...p, text: `${p.text} ` } : p)) };
    expect(hashCorpus(edited)).not.toBe(hash);
  });
});

describe('adapter cache records', () => {
  it('survive a structured clone and give back the same results and adapters', async () => {
    const result = await runExperiment({ corpus, encoder, ...settings });
    const record = buildCacheRecord({ result, corpusHash: 'abc', form: settings, lossCurves: {}, lossTotalSteps: 0, trainedAt: 1_700_000_000_000 });
    expect(record.key).toBe(adapterCacheKey(encoder.id, 'abc'));
    expect(record.result.strategies.some((s) => 'adapter' in s)).toBe(false);

    const restored = restoreCacheRecord(structuredClone(record), record.key)!;
    expect(restored.result.rows).toEqual(result.rows);
    expect(restored.result.split.testQids).toEqual(result.split.testQids);
    expect(restored.result.baseline.report.languageMix).toBeInstanceOf(Map);
    expect(restored.result.baseline.report.languageMix).toEqual(result.baseline.report.languageMix);
    expect(restored.result.strategies[0].report.languageMix).toEqual(result.strategies[0].report.languageMix);
    for (const s of result.strategies) {
      expect(restored.byStrategy[s.name]!.params).toEqual(s.adapter.params);
      expect(restored.result.strategies.find((r) => r.name === s.name)!.adapter.params).toEqual(s.adapter.params);
    }
  });

  it('saved with the language mix as a plain object (before it became a Map) restore it as a Map', async () => {
    const result = await runExperiment({ corpus, encoder, ...settings, strategies: ['hybrid'] });
    const record = buildCacheRecord({ result, corpusHash: 'abc', form: settings, lossCurves: {}, lossTotalSteps: 0, trainedAt: 1 });
    const asObject = (mix: Map<string, Map<string, number>>) => Object.fromEntries([...mix].map(([l, shares]) => [l, Object.fromEntries(shares)]));
    const old = structuredClone(record) as unknown as {
      result: { baseline: { report: { languageMix: unknown } }; strategies: { report: { languageMix: unknown } }[] };
    };
    old.result.baseline.report.languageMix = asObject(result.baseline.report.languageMix!);
    old.result.strategies[0].report.languageMix = asObject(result.strategies[0].report.languageMix!);
    const restored = restoreCacheRecord(old, record.key)!;
    expect(restored.result.baseline.report.languageMix).toEqual(result.baseline.report.languageMix);
    expect(restored.result.strategies[0].report.languageMix).toEqual(result.strategies[0].report.languageMix);
  });

  it('are ignored from another cache version, under another key, or when not a record', async () => {
    const result = await runExperiment({ corpus, encoder, ...settings, strategies: ['hybrid'] });
    const record = buildCacheRecord({ result, corpusHash: 'abc', form: settings, lossCurves: {}, lossTotalSteps: 0, trainedAt: 1 });
    expect(restoreCacheRecord({ ...record, version: ADAPTER_CACHE_VERSION + 1 } as CachedTrainingRecord, record.key)).toBeNull();
    expect(restoreCacheRecord(record, adapterCacheKey(encoder.id, 'def'))).toBeNull();
    expect(restoreCacheRecord(undefined, record.key)).toBeNull();
    expect(restoreCacheRecord('XLAD', record.key)).toBeNull();
  });
});

describe('training slice with the adapter cache', () => {
  it('keeps a run and restores it in a fresh session for the same corpus and encoder only', async () => {
    const cache = createMemoryCache();
    const first = createStore(cache);
    await first.getState().startTraining({ corpus, encoder });
    const trained = first.getState();
    expect(trained.trainingStatus).toBe('done');
    expect(trained.adapterCacheNotice).toBeNull();
    expect(cache.records.size).toBe(1);

    const other = createStore(cache);
    await other.getState().restoreCachedTraining({ corpus, encoderId: 'another-model' });
    expect(other.getState().trainingResult).toBeNull();

    const next = createStore(cache);
    await next.getState().restoreCachedTraining({ corpus, encoderId: encoder.id });
    const s = next.getState();
    expect(s.trainingStatus).toBe('done');
    expect(s.trainingRestored).not.toBeNull();
    expect(s.trainingResult!.rows).toEqual(trained.trainingResult!.rows);
    expect(s.lossCurves).toEqual(trained.lossCurves);
    expect(s.trainingForm).toEqual(trained.trainingForm);
    expect(s.trainingTestCorpus).toEqual(selectTestCorpus(corpus, trained.trainingResult!.split.testQids));
    expect(s.trainedAdapters!.byStrategy.hybrid!.params).toEqual(trained.trainedAdapters!.byStrategy.hybrid!.params);

    await next.getState().forgetCachedAdapters();
    expect(cache.records.size).toBe(0);
    expect(next.getState().adapterCacheNotice).toMatch(/^Forgotten/);
  });

  it('finishes training with a one-line notice when storage is full or there is no IndexedDB', async () => {
    const full = createStore(createMemoryCache(new DOMException('quota', 'QuotaExceededError')));
    await full.getState().startTraining({ corpus, encoder });
    expect(full.getState().trainingStatus).toBe('done');
    expect(full.getState().trainedAdapters).not.toBeNull();
    expect(full.getState().adapterCacheNotice).toMatch(/storage is full/);

    const none = createStore(null);
    await none.getState().startTraining({ corpus, encoder });
    expect(none.getState().trainingStatus).toBe('done');
    expect(none.getState().adapterCacheNotice).toMatch(/cannot keep adapters/);
    await none.getState().restoreCachedTraining({ corpus, encoderId: encoder.id });
    expect(none.getState().trainingRestored).toBeNull();
  });
});
