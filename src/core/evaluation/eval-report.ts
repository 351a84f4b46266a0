import type { LangCode } from '../corpus/types';
import type { LanguageMix } from '../metrics/language-mix';
import type { MeanMetrics, QueryMetrics, SettingName } from '../metrics/types';

/** One query's outcome in one cell: its metrics, where its answers landed, what came first. */
export interface QueryRecord {
  queryId: string;
  qid: string;
  lang: LangCode;
  metrics: QueryMetrics;
  /** 1-based ranks of the relevant passages in this cell's pool, ascending. */
  relevantRanks: number[];
  /** Ids of the best passages, best first (as many as EvalOptions.keepTop). */
  top: string[];
}

/** A cell: one query language against one pool (a language, or every language for "multi"). */
export interface CellReport {
  /** "en->de" for mono and cross cells, "en->*" for the multilingual pool. */
  key: string;
  queryLang: LangCode;
  /** A language, or "*" for the multilingual pool. */
  passageLang: LangCode | '*';
  metrics: MeanMetrics;
  /** Questions of this language with no relevant passage in the pool: not scored, as in LAReQA. */
  skipped: number;
  queries?: QueryRecord[];
}

export interface SettingReport {
  setting: SettingName;
  /** The paper's macro average over this setting's cells. */
  macro: MeanMetrics;
  cells: CellReport[];
}

export interface EvalReport {
  corpus: string;
  retriever: string;
  languages: LangCode[];
  settings: Partial<Record<SettingName, SettingReport>>;
  /**
   * Multilingual setting: per query language, the share of each passage language in the top `mixK`.
   * A Map (language codes are data); JSON goes through report-json.ts, which keeps it.
   */
  languageMix?: LanguageMix;
  mixK: number;
  /** How ties were broken, for anyone comparing with other tools. */
  tieBreak: string;
  elapsedMs: number;
  /** Dense retrievers: which backend scored, and why (the parity probe's verdict, any fallback). */
  scoring?: { backend: string; detail: string };
}

export const TIE_BREAK = 'score descending, then passage id descending (as trec_eval)';
