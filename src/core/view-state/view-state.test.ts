import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, decodeViewState, encodeViewState, type ViewState } from './view-state';

describe('view state in the URL', () => {
  it('gives the default view an empty query string, so the plain address opens the demo', () => {
    expect(encodeViewState(DEFAULT_VIEW_STATE)).toBe('');
    expect(decodeViewState('')).toEqual({ state: DEFAULT_VIEW_STATE, ignored: [] });
  });

  it('round-trips a full view, including non-Latin text and a URL corpus', () => {
    const view: ViewState = {
      corpus: { kind: 'url', url: 'https://example.org/xquad-r/?x=1&y=2', format: 'squad' },
      retriever: 'Xenova/multilingual-e5-small',
      query: 'ما هي عاصمة كينيا؟ & 100%',
      question: null,
      setting: 'cross',
      target: 'zh',
      languages: ['en', 'de', 'zh'],
      topK: 25,
      tab: 'evaluation',
      presenter: true,
      strategy: 'hybrid',
      compareStrategy: 'untrained',
    };
    const search = encodeViewState(view);
    expect(decodeViewState(`?${search}`)).toEqual({ state: view, ignored: [] });
  });

  it('stores a benchmark question by id, not its text', () => {
    const view: ViewState = { ...DEFAULT_VIEW_STATE, query: 'Which Roman towns…?', question: 'q-01.en' };
    const search = encodeViewState(view);
    expect(search).toBe('question=q-01.en');
    expect(decodeViewState(search).state).toEqual({ ...view, query: '' });
  });

  it('keeps the name of picked files so the page can ask for them again', () => {
    const view: ViewState = { ...DEFAULT_VIEW_STATE, corpus: { kind: 'picked', name: 'my-beir' } };
    expect(decodeViewState(encodeViewState(view)).state.corpus).toEqual({ kind: 'picked', name: 'my-beir' });
  });

  it('names the training tab and the ranking strategies by their command-line names', () => {
    const view: ViewState = { ...DEFAULT_VIEW_STATE, tab: 'training', strategy: 'cross-lingual', compareStrategy: 'monolingual' };
    const search = encodeViewState(view);
    expect(search).toBe('tab=training&strategy=cross&vs=mono');
    expect(decodeViewState(search).state).toEqual(view);
    // Untrained is the default strategy, so it appears only as the side-by-side partner.
    expect(encodeViewState({ ...DEFAULT_VIEW_STATE, compareStrategy: 'untrained' })).toBe('vs=untrained');
    expect(decodeViewState('strategy=Hybrid&vs=cross-lingual').state).toMatchObject({ strategy: 'hybrid', compareStrategy: 'cross-lingual' });
  });

  it('falls back to defaults for unreadable values and says which were ignored', () => {
    const { state, ignored } = decodeViewState('setting=sideways&k=0&tab=charts&langs=en,%3Cb%3E,de,en&target=12&format=xml&url=/x/&strategy=best&vs=');
    expect(state.setting).toBe('multi');
    expect(state.topK).toBe(10);
    expect(state.tab).toBe('ranking');
    expect(state.languages).toEqual(['en', 'de']);
    expect(state.target).toBeNull();
    expect(state.corpus).toEqual({ kind: 'url', url: '/x/' });
    expect(state.strategy).toBe('untrained');
    expect(state.compareStrategy).toBeNull();
    expect(ignored).toHaveLength(8);
    expect(ignored).toContain('strategy=best: expected one of untrained, mono, cross, hybrid');
    expect(ignored).toContain('k=0: expected a whole number from 1 to 200');
    expect(ignored).toContain('langs: <b> is not a language code');
    expect(ignored).toContain('setting=sideways: expected one of mono, cross, multi');
  });
});
