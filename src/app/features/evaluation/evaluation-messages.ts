/** Messages between the page and the evaluation worker (embedding through the page: shared/workers/worker-messages.ts). */
import type { LangCode } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import type { SettingName } from '../../../core/metrics/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { CorpusPartMessage, EmbedCall, EmbedCancel, EmbedReply, RetrieverSpec } from '../../shared/workers/worker-messages';

/** The run; its corpus arrives before it, in parts (corpus-to-worker.ts). */
export interface EvaluationJob {
  retriever: RetrieverSpec;
  settings: SettingName[];
  languages: LangCode[];
  keepTop: number;
}

export type EvaluationWorkerIn = CorpusPartMessage | { type: 'run'; job: EvaluationJob } | { type: 'cancel' } | EmbedReply;

export type EvaluationWorkerOut =
  | { type: 'eval-progress'; info: ProgressInfo }
  | { type: 'eval-done'; report: EvalReport }
  | { type: 'eval-error'; message: string; cancelled: boolean }
  | EmbedCall
  | EmbedCancel;
