import { describe, expect, it } from 'vitest';
import { createIdentityAdapter } from '../../../core/training/adapter';
import type { TrainedAdapters } from '../training/training-slice';
import { adapterOf, defaultPartner, describeModel, describeStrategy, questionSplitOf, resolveStrategy, usableStrategies } from './strategy-choice';

const monoAndCross: TrainedAdapters = {
  encoderId: 'fixture/xlmr-tiny@q8/mean',
  dim: 4,
  corpusName: 'lexicon',
  byStrategy: { monolingual: createIdentityAdapter(4), 'cross-lingual': createIdentityAdapter(4) },
};

describe('strategy choice', () => {
  it('offers the untrained model and the trained adapters only', () => {
    expect(usableStrategies(null)).toEqual(['untrained']);
    expect(usableStrategies(monoAndCross)).toEqual(['untrained', 'monolingual', 'cross-lingual']);
    expect(adapterOf('cross-lingual', monoAndCross)).toBe(monoAndCross.byStrategy['cross-lingual']);
    expect(adapterOf('untrained', monoAndCross)).toBeNull();
  });

  it('ranks untrained when a link asks for a strategy that is not trained (yet)', () => {
    expect(resolveStrategy('hybrid', monoAndCross)).toBe('untrained');
    expect(resolveStrategy('hybrid', null)).toBe('untrained');
    expect(resolveStrategy('monolingual', monoAndCross)).toBe('monolingual');
  });

  it('puts a trained strategy beside the untrained model, preferring hybrid, and the untrained model beside a strategy', () => {
    expect(defaultPartner('untrained', monoAndCross)).toBe('monolingual');
    expect(defaultPartner('untrained', { ...monoAndCross, byStrategy: { ...monoAndCross.byStrategy, hybrid: createIdentityAdapter(4) } })).toBe('hybrid');
    expect(defaultPartner('cross-lingual', monoAndCross)).toBe('untrained');
  });

  it('tells a held-out question from one the adapters were fitted on, for the corpus they were trained on only', () => {
    const result = { corpusName: 'lexicon', testQids: ['q03', 'q07'] };
    expect(questionSplitOf('q07', result, 'lexicon')).toBe('test');
    expect(questionSplitOf('q01', result, 'lexicon')).toBe('train');
    expect(questionSplitOf('q07', result, 'XQuAD-R')).toBeNull();
    expect(questionSplitOf(null, result, 'lexicon')).toBeNull();
  });

  it('names strategies with the model and the hybrid mix', () => {
    const model = describeModel('fixture/xlmr-tiny@q8/mean');
    expect(model).toBe('xlmr-tiny (test fixture)');
    expect(describeModel('synthetic-d384')).toBe('synthetic-d384');
    expect(describeStrategy('hybrid', model, 0.5)).toBe('hybrid adapter (α=0.5) over xlmr-tiny (test fixture)');
    expect(describeStrategy('hybrid', 'LaBSE', 0.45000001)).toBe('hybrid adapter (α=0.45) over LaBSE');
    expect(describeStrategy('cross-lingual', 'LaBSE', 0.5)).toBe('cross-lingual adapter over LaBSE');
    expect(describeStrategy('untrained', 'LaBSE', 0.5)).toBe('untrained LaBSE');
  });
});
