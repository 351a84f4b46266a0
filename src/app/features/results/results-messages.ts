/** Messages between the page and the results worker (results.worker.ts). */
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { OpenedResults } from '../../../core/runs/import-results';
import type { CorpusJudgments } from '../../../core/runs/lang-map';

export interface ResultsJob {
  /** Picked files (a File crosses as a handle: its bytes are read in the worker). */
  runs: File[];
  qrels: File | null;
  docLangs: File | null;
  queryLangs: File | null;
  /** The loaded corpus's languages and judgments (no texts), or null. */
  corpus: CorpusJudgments | null;
}

export type ResultsIn = { type: 'open'; job: ResultsJob } | { type: 'cancel' };

export type ResultsOut =
  { type: 'progress'; info: ProgressInfo } | { type: 'done'; results: OpenedResults } | { type: 'error'; name: string; message: string; cancelled: boolean };
