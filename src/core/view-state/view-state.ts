/**
 * The whole view of the app as a URL query string, so a view can be shared, bookmarked and
 * reloaded. Only what a person chose is stored (never data); defaults are left out to keep links
 * short, and anything unreadable falls back to its default with a note saying what was ignored.
 */
import { normalizeLangCode } from '../corpus/language-code';
import type { CorpusFormat } from '../corpus/loaded-corpus';
import { escapeControl, shorten } from '../corpus/printable';
import type { LangCode } from '../corpus/types';
import type { SettingName } from '../metrics/types';
import { parseStrategyName, STRATEGY_SHORT_NAMES, type BatchStrategy } from '../training/strategy-names';
import { corpusUrlProblem } from '../corpus/url-source';

/** A value from a link, as a notice shows it: cut short and with control characters escaped. */
function shown(value: string): string {
  return escapeControl(shorten(value, 60));
}

/** Where the corpus came from. Picked files cannot travel in a link: only their name does. */
export type CorpusRef = { kind: 'preset'; id: string } | { kind: 'url'; url: string; format?: CorpusFormat } | { kind: 'picked'; name: string };

export const VIEW_TABS = ['ranking', 'evaluation', 'training'] as const;
export type ViewTab = (typeof VIEW_TABS)[number];

/** What ranks a query with a dense model: the frozen encoder, or it plus the adapter a batch strategy trained. */
export type RankingStrategy = 'untrained' | BatchStrategy;

export interface ViewState {
  corpus: CorpusRef;
  /** "bm25" or a model id. */
  retriever: string;
  /** The query text; for a benchmark question, its text. */
  query: string;
  /** The benchmark question's id, or null for free text. */
  question: string | null;
  setting: SettingName;
  /** Candidate language for cross-lingual (and for monolingual free text). */
  target: LangCode | null;
  /** Languages in play; null means every language of the corpus. */
  languages: LangCode[] | null;
  topK: number;
  tab: ViewTab;
  presenter: boolean;
  /**
   * The adapter the ranking applies. Adapters stay in the browser that trained them (its cache),
   * so a link carries the choice; the page applies it once that strategy exists for the model.
   */
  strategy: RankingStrategy;
  /** Side by side: the strategy ranked beside `strategy` for the same query; null for one list. */
  compareStrategy: RankingStrategy | null;
  /** The guided tour's step on show (its id, src/core/teaching/tour.ts); absent or null when no tour. */
  tour?: string | null;
}

export const DEFAULT_VIEW_STATE: ViewState = {
  corpus: { kind: 'preset', id: 'demo' },
  retriever: 'bm25',
  query: '',
  question: null,
  setting: 'multi',
  target: null,
  languages: null,
  topK: 10,
  tab: 'ranking',
  presenter: false,
  strategy: 'untrained',
  compareStrategy: null,
};

export const MAX_TOP_K = 200;
const SETTINGS: readonly SettingName[] = ['mono', 'cross', 'multi'];
const FORMATS: readonly CorpusFormat[] = ['squad', 'beir', 'jsonl'];
const STRATEGY_PARAMS = ['untrained', 'mono', 'cross', 'hybrid'] as const;

/** The query string (without "?") for a view; parameters at their default are left out. */
export function encodeViewState(state: ViewState): string {
  const p = new URLSearchParams();
  const d = DEFAULT_VIEW_STATE;
  const c = state.corpus;
  if (c.kind === 'preset') {
    if (c.id !== (d.corpus as { id: string }).id) p.set('corpus', c.id);
  } else if (c.kind === 'url') {
    p.set('url', c.url);
    if (c.format) p.set('format', c.format);
  } else {
    p.set('picked', c.name);
  }
  if (state.retriever !== d.retriever) p.set('retriever', state.retriever);
  if (state.question) p.set('question', state.question);
  else if (state.query) p.set('q', state.query);
  if (state.setting !== d.setting) p.set('setting', state.setting);
  if (state.target) p.set('target', state.target);
  if (state.languages) p.set('langs', state.languages.join(','));
  if (state.topK !== d.topK) p.set('k', String(state.topK));
  if (state.tab !== d.tab) p.set('tab', state.tab);
  if (state.presenter) p.set('present', '1');
  if (state.strategy !== d.strategy) p.set('strategy', strategyParam(state.strategy));
  if (state.compareStrategy) p.set('vs', strategyParam(state.compareStrategy));
  if (state.tour) p.set('tour', state.tour);
  return p.toString();
}

export interface DecodedViewState {
  state: ViewState;
  /** One sentence per parameter that was ignored, for the page to show. */
  ignored: string[];
}

/** The view a query string describes (with or without the leading "?"); unknown parameters are ignored silently. */
export function decodeViewState(search: string): DecodedViewState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const ignored: string[] = [];
  const state: ViewState = { ...DEFAULT_VIEW_STATE };

  const url = p.get('url');
  const picked = p.get('picked');
  const preset = p.get('corpus');
  const urlProblem = url ? corpusUrlProblem(url) : null;
  if (url && urlProblem) ignored.push(`url=${shown(url)}: ${urlProblem}`);
  if (url && !urlProblem) {
    const format = p.get('format');
    if (format && !FORMATS.includes(format as CorpusFormat)) ignored.push(`format=${shown(format)}: expected one of ${FORMATS.join(', ')}`);
    state.corpus = { kind: 'url', url, ...(format && FORMATS.includes(format as CorpusFormat) ? { format: format as CorpusFormat } : {}) };
  } else if (picked) {
    state.corpus = { kind: 'picked', name: picked };
  } else if (preset) {
    state.corpus = { kind: 'preset', id: preset };
  }

  const retriever = p.get('retriever');
  if (retriever) state.retriever = retriever;

  const question = p.get('question');
  if (question) state.question = question;
  const q = p.get('q');
  if (q !== null) state.query = q;

  const setting = p.get('setting');
  if (setting !== null) {
    if (SETTINGS.includes(setting as SettingName)) state.setting = setting as SettingName;
    else ignored.push(`setting=${shown(setting)}: expected one of ${SETTINGS.join(', ')}`);
  }

  const target = p.get('target');
  if (target !== null) {
    const code = langParam('target', target, ignored);
    if (code) state.target = code;
  }

  const langs = p.get('langs');
  if (langs !== null) {
    const list = langs
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const good = [...new Set(list.map((l) => langParam('langs', l, ignored)).filter((l): l is LangCode => l !== null))];
    if (good.length) state.languages = good;
  }

  const k = p.get('k');
  if (k !== null) {
    const n = Number(k);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_TOP_K) state.topK = n;
    else ignored.push(`k=${shown(k)}: expected a whole number from 1 to ${MAX_TOP_K}`);
  }

  const tab = p.get('tab');
  if (tab !== null) {
    if ((VIEW_TABS as readonly string[]).includes(tab)) state.tab = tab as ViewTab;
    else ignored.push(`tab=${shown(tab)}: expected one of ${VIEW_TABS.join(', ')}`);
  }

  const present = p.get('present');
  if (present !== null) state.presenter = present === '1' || present === 'true';

  for (const [name, field] of [
    ['strategy', 'strategy'],
    ['vs', 'compareStrategy'],
  ] as const) {
    const value = p.get(name);
    if (value === null) continue;
    const strategy = parseRankingStrategy(value);
    if (strategy) state[field] = strategy;
    else ignored.push(`${name}=${shown(value)}: expected one of ${STRATEGY_PARAMS.join(', ')}`);
  }

  const tour = p.get('tour');
  if (tour !== null) {
    if (/^[a-z0-9-]{1,40}$/.test(tour)) state.tour = tour;
    else ignored.push(`tour=${tour}: expected a tour step name such as "one-ranking"`);
  }

  return { state, ignored };
}

/**
 * A language code from a link, by the loaders' rule (language-code.ts): "pt_BR" is read as
 * "pt-BR" with a note, anything else that is not a code is ignored with a note.
 */
function langParam(name: string, value: string, ignored: string[]): LangCode | null {
  const n = normalizeLangCode(value);
  if (!n) {
    ignored.push(`${name}: ${shown(value)} is not a language code such as "de" or "pt-BR"`);
    return null;
  }
  if (n.mapped) ignored.push(`${name}: "${value}" read as "${n.code}"`);
  return n.code;
}

/** "untrained", or a strategy's short name (as the command line writes it). */
function strategyParam(strategy: RankingStrategy): string {
  return strategy === 'untrained' ? 'untrained' : STRATEGY_SHORT_NAMES[strategy];
}

function parseRankingStrategy(value: string): RankingStrategy | undefined {
  return value.trim().toLowerCase() === 'untrained' ? 'untrained' : parseStrategyName(value);
}
