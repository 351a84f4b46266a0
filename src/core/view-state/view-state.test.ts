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
    expect(ignored).toContain('langs: <b> is not a language code such as "de" or "pt-BR"');
    expect(ignored).toContain('setting=sideways: expected one of mono, cross, multi');
  });
});

describe('view state from untrusted links', () => {
  it('refuses javascript: and data: corpus URLs and keeps http(s) and relative ones', () => {
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/plain,x', 'file:///etc/passwd']) {
      const { state, ignored } = decodeViewState(`url=${encodeURIComponent(url)}`);
      expect(state.corpus).toEqual(DEFAULT_VIEW_STATE.corpus);
      expect(ignored).toHaveLength(1);
      expect(ignored[0]).toMatch(/URLs are not allowed; use an http\(s\) URL or a path on this site$/);
    }
    expect(decodeViewState('url=https%3A%2F%2Fexample.org%2Fc%2F').state.corpus).toEqual({ kind: 'url', url: 'https://example.org/c/' });
    expect(decodeViewState('url=data%2Fdemo%2F').state.corpus).toEqual({ kind: 'url', url: 'data/demo/' });
  });

  it('takes pt-BR as a target and reads pt_BR as pt-BR with a note, like the loaders', () => {
    expect(decodeViewState('target=pt-BR').state.target).toBe('pt-BR');
    const { state, ignored } = decodeViewState('langs=pt_BR,en&target=pt_BR');
    expect([state.target, state.languages]).toEqual(['pt-BR', ['pt-BR', 'en']]);
    expect(ignored).toEqual(['target: "pt_BR" read as "pt-BR"', 'langs: "pt_BR" read as "pt-BR"']);
    expect(decodeViewState('target=constructor').ignored).toEqual(['target: constructor is not a language code such as "de" or "pt-BR"']);
  });

  it('shortens values echoed into notices and escapes control characters', () => {
    const { ignored } = decodeViewState(`tab=${'x'.repeat(5000)}&setting=%1B%5B31mred`);
    expect(ignored[0]).toBe('setting=\\u{1b}[31mred: expected one of mono, cross, multi');
    expect(ignored[1].length).toBeLessThan(120);
    expect(ignored[1]).toMatch(/^tab=x{59}…: expected one of/);
  });
});
