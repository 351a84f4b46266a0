/** Messages between the page and the ranking worker (embedding through the page: shared/workers/worker-messages.ts). */
import type { LangCode } from '../../../core/corpus/types';
import type { OneQueryRanking } from '../../../core/evaluation/rank-one-query';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { Adapter } from '../../../core/training/adapter';
import type { CorpusPartMessage, EmbedCall, EmbedCancel, EmbedReply, RetrieverSpec } from '../../shared/workers/worker-messages';

export interface RankRequest {
  /** Echoed in the reply; the page ignores replies to requests it has moved past. */
  id: number;
  retriever: RetrieverSpec;
  text: string;
  /** Passage languages of the pool ranked for the list. */
  poolLangs: LangCode[];
  /** Relevant passage ids (a benchmark question's); empty for free text. */
  relevant: string[];
  topK: number;
  /** When set (and different from poolLangs), also rank against this multilingual pool for the ladder. */
  ladderLangs: LangCode[] | null;
}

export type RankingWorkerIn =
  /** The corpus, in parts (corpus-to-worker.ts); ranking uses it from its 'end' part on. */
  | CorpusPartMessage
  /** The page stopped sending this corpus: forget its parts. */
  | { type: 'corpus-drop'; corpusId: number }
  | { type: 'rank'; corpusId: number; request: RankRequest }
  /** A trained adapter that rank requests name by `key` (adapters are a few MB: sent once, not with every request). */
  | { type: 'adapter'; key: string; adapter: Adapter }
  /** Stop preparing pools (embedding passages); the requests waiting on them fail as cancelled. */
  | { type: 'cancel-pools' }
  | EmbedReply;

export type RankingWorkerOut =
  | { type: 'ranked'; id: number; main: OneQueryRanking; ladder: OneQueryRanking | null; elapsedMs: number }
  | { type: 'rank-progress'; id: number; info: ProgressInfo }
  | { type: 'rank-error'; id: number; message: string }
  | EmbedCall
  | EmbedCancel;
