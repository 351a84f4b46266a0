import type { LangCode } from '../corpus/types';
import type { EvalReport } from '../evaluation/eval-report';
import type { RunFormat } from './parsed-run';

/** A few of the ids behind a count, so the person can look them up. */
export interface Counted {
  count: number;
  examples: string[];
}

export interface TruncatedQuery {
  qid: string;
  cell: string;
  /** Entries the run holds for the query. */
  depth: number;
  /** Relevant documents in the query's pool, and how many of them the run does not hold. */
  relevant: number;
  absent: number;
}

/** What importing one run found beyond the figures: everything counted, nothing dropped silently. */
export interface RunDiagnostics {
  file: string;
  qrelsFile: string;
  format: RunFormat;
  tag: string | null;
  entries: number;
  queries: number;
  depth: { min: number; max: number };
  /** "multi": every query ranked against the pool of all languages; "single": one language per query. */
  pool: 'multi' | 'single';
  poolReason: string;
  /** Languages of the multilingual pool (empty for single-language pools). */
  poolLanguages: LangCode[];
  /** Queries where the run misses relevant documents (truncated runs): their figures are bounds. */
  truncated: { queries: TruncatedQuery[]; absentRelevant: number } | null;
  /** Run documents the language map does not name (kept in the ranking, language unknown). */
  unknownDocs: Counted & { entries: number };
  /** Relevant documents the language map does not name (kept in the relevant set). */
  unknownRelevant: Counted;
  /** Relevant documents in a language outside the query's pool: not counted, as the evaluation does. */
  relevantOutsidePool: number;
  queriesWithoutLanguage: Counted;
  queriesOutsideLanguages: Counted;
  /** Run queries with no relevant document in the qrels: not scored (trec_eval skips them too). */
  queriesWithoutRelevant: Counted;
  /** Qrels queries the run does not hold: not scored (as trec_eval without -c). */
  qrelsQueriesNotInRun: Counted;
  /** Run queries none of whose documents has a known language, so their pool is unknown: not scored. */
  queriesWithoutPool: Counted;
  /** The above in sentences, for the CLI and metrics.json. */
  notes: string[];
}

export interface ImportedRun {
  report: EvalReport;
  diagnostics: RunDiagnostics;
}

export function counted(): Counted {
  return { count: 0, examples: [] };
}

export function countOne(c: Counted, id: string): void {
  c.count++;
  if (c.examples.length < 5) c.examples.push(id);
}

export const BOUNDS_NOTE =
  'truncated run: relevant documents missing from it count as never retrieved (as in trec_eval), so mAP, R@1, R@10, MRR and nDCG@10 are lower bounds and the maximum rank distance an upper bound';
