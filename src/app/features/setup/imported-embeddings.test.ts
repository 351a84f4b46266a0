import { describe, expect, it } from 'vitest';
import { findModel } from '../../../encoder/model-registry';
import { freeTextNote, modelNamedBy, sameRowsAs, type ImportedEmbeddings } from './imported-embeddings';

const fixture = findModel('fixture/xlmr-tiny')!;

function imported(patch: Partial<ImportedEmbeddings> = {}): ImportedEmbeddings {
  return {
    source: 'lexicon.parquet',
    label: 'fixture/xlmr-tiny@fp32/mean',
    model: { entry: fixture, dtype: 'fp32', fromFile: true },
    adapted: null,
    dim: fixture.dimensions,
    coverage: { passages: { covered: 1, total: 1, missing: [] }, questions: { covered: 1, total: 1, missing: [] }, unknown: [] },
    lines: [],
    encoderId: 'precomputed:fixture/xlmr-tiny@fp32/mean',
    ...patch,
  };
}

describe('modelNamedBy', () => {
  it("finds the registry model and dtype a file's label names", () => {
    expect(modelNamedBy('fixture/xlmr-tiny@fp32/mean', fixture.dimensions)).toEqual({ entry: fixture, dtype: 'fp32' });
  });

  it('names no model for adapted rows, another width, an unknown model or dtype', () => {
    expect(modelNamedBy('fixture/xlmr-tiny@fp32/mean+hybrid-adapter', fixture.dimensions)).toBeNull();
    expect(modelNamedBy('fixture/xlmr-tiny@fp32/mean', fixture.dimensions + 1)).toBeNull();
    expect(modelNamedBy('someone/else@fp32/mean', fixture.dimensions)).toBeNull();
    expect(modelNamedBy('fixture/xlmr-tiny@q4f16/mean', fixture.dimensions)).toBeNull();
    expect(modelNamedBy(undefined, fixture.dimensions)).toBeNull();
  });
});

describe('sameRowsAs', () => {
  it('holds for the model, dtype and pooling the file names, not another dtype', () => {
    expect(sameRowsAs(imported(), 'fixture/xlmr-tiny@fp32/mean')).toBe(true);
    expect(sameRowsAs(imported(), 'fixture/xlmr-tiny@q8/mean')).toBe(false);
  });
});

describe('freeTextNote', () => {
  it('says that typing downloads the model the file names', () => {
    expect(freeTextNote(imported())).toBe(
      "These embeddings came from xlmr-tiny (test fixture) in a file (lexicon.parquet); typing your own question downloads xlmr-tiny (test fixture). Benchmark questions use the file's rows.",
    );
  });

  it('asks for the model when the file names none', () => {
    expect(freeTextNote(imported({ label: undefined, model: null }))).toMatch(
      /the file does not say which model made them: to rank your own question, pick that model below/,
    );
  });

  it('says adapted rows rank only the corpus questions', () => {
    expect(freeTextNote(imported({ adapted: 'hybrid', model: null }))).toMatch(
      /through a trained hybrid adapter: only the corpus's own questions can be ranked/,
    );
  });
});
