/** Corpora the set-up panel offers by name. XQuAD-R and MLQA-R come from LAReQA's repository. */
import { LAREQA_SOURCES, lareqaBaseUrl } from '../../../core/corpus/lareqa-sources';
import type { CorpusFormat } from '../../../core/corpus/loaded-corpus';

export interface CorpusPreset {
  id: string;
  label: string;
  /** One line for the menu. */
  about: string;
  /** Base URL of the files (absolute, or relative to the page). */
  url: string;
  files: string[];
  format: CorpusFormat;
  /** Overrides the loader's default name; undefined keeps the corpus's own. */
  name?: string;
  /** File -> pinned SHA-256: a file that differs is refused. */
  sha256?: Readonly<Record<string, string>>;
  /** Fetched from another site (needs the network). */
  remote: boolean;
  /** The question the view opens on when a link names none. */
  defaultQuestion?: string;
  /** Offered only by the development server, which serves ../shared/data under /dev-data/. */
  devOnly?: boolean;
}

const MLQA_R = LAREQA_SOURCES['mlqa-r'];
const XQUAD_LANGS = ['ar', 'de', 'el', 'en', 'es', 'hi', 'ru', 'th', 'tr', 'vi', 'zh'];

export const DEMO_PRESET_ID = 'demo';

export const CORPUS_PRESETS: readonly CorpusPreset[] = [
  {
    id: DEMO_PRESET_ID,
    label: 'Demo · 15 languages',
    about: '48 facts and 52 questions, each written in 15 languages: 720 passages and 780 questions, by this project (CC0); ships with the app.',
    url: `${import.meta.env.BASE_URL}data/demo/`,
    files: ['corpus.jsonl'],
    format: 'jsonl',
    remote: false,
    // Names (Beethoven) let BM25 match Latin-script translations; other scripts sink: bias at a glance.
    defaultQuestion: 'q-42.en',
  },
  {
    id: 'xquad-r',
    label: 'XQuAD-R · 11 languages',
    about: '1,190 questions x 11 languages, ~13k sentences; about 18 MB from GitHub (CC BY-SA 4.0).',
    url: lareqaBaseUrl(LAREQA_SOURCES['xquad-r']),
    files: XQUAD_LANGS.map((l) => `${l}.json`),
    format: 'squad',
    name: 'XQuAD-R',
    remote: true,
  },
  {
    id: 'mlqa-r',
    label: 'MLQA-R · 7 languages',
    // Removed from LAReQA's master: fetched from the last commit that has it (lareqa-sources.ts).
    about: `MLQA dev with sentence breaks, 2-4 answers per question; from GitHub, LAReQA commit ${MLQA_R.ref.slice(0, 8)}. Licence ${MLQA_R.licenceNote}.`,
    url: lareqaBaseUrl(MLQA_R),
    files: Object.keys(MLQA_R.files),
    sha256: MLQA_R.files,
    format: 'squad',
    name: 'MLQA-R',
    remote: true,
  },
  {
    id: 'dev-xquad-r',
    label: 'XQuAD-R · development copy',
    about: 'The copy in ../shared/data/xquad-r, served by the development server.',
    url: '/dev-data/xquad-r/',
    files: XQUAD_LANGS.map((l) => `${l}.json`),
    format: 'squad',
    name: 'XQuAD-R',
    remote: false,
    devOnly: true,
  },
];

export function findPreset(id: string): CorpusPreset | undefined {
  return CORPUS_PRESETS.find((p) => p.id === id);
}

/** The presets this build offers (the development copy only under `npm run dev`). */
export function availablePresets(): CorpusPreset[] {
  return CORPUS_PRESETS.filter((p) => !p.devOnly || import.meta.env.DEV);
}
