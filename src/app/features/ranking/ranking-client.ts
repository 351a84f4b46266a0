/** The page's handle on the ranking worker: send the corpus once, then rank queries. */
import type { OneQueryRanking } from '../../../core/evaluation/rank-one-query';
import type { Encoder, ProgressInfo } from '../../../core/retrieval/types';
import type { Adapter } from '../../../core/training/adapter';
import type { LoadedWithParts } from '../../../core/corpus/corpus-parts';
import { postCorpusInParts } from '../../shared/workers/corpus-to-worker';
import type { RankRequest, RankingWorkerIn, RankingWorkerOut } from './ranking-messages';
import { serveEmbeddings } from '../../shared/workers/serve-embeddings';
import { superviseWorker, type JobReply } from '../../../encoder/supervised-worker';

export interface RankReply {
  main: OneQueryRanking;
  ladder: OneQueryRanking | null;
  elapsedMs: number;
}

export interface RankingClient {
  /**
   * Sends a corpus in parts (corpus-to-worker.ts); rank() uses it once this resolves, the
   * previous one until then. If `signal` aborts first, the worker forgets the parts and this throws.
   */
  setCorpus(loaded: LoadedWithParts, opts?: { signal?: AbortSignal }): Promise<void>;
  /**
   * Resolves with the ranking, or rejects; a newer rank() does not cancel an older one. With an
   * adapter (dense retrievers only), every row is mapped by it before scoring.
   */
  rank(request: Omit<RankRequest, 'id'> & { adapter?: Adapter | null }, onProgress?: (p: ProgressInfo) => void): Promise<RankReply>;
  /** Stops embedding passages for pools being prepared. */
  cancelPools(): void;
  dispose(): void;
}

/** What a message from the ranking worker means for its rank request (embed calls are about none). */
function readReply(m: RankingWorkerOut): JobReply | null {
  if (m.type === 'rank-progress') return { job: m.id, kind: 'progress' };
  if (m.type === 'ranked') return { job: m.id, kind: 'done' };
  if (m.type === 'rank-error') return { job: m.id, kind: 'failed', error: new Error(m.message) };
  return null;
}

export function createRankingClient(currentEncoder: () => Encoder | null): RankingClient {
  const worker = superviseWorker<RankingWorkerIn, RankingWorkerOut>({
    name: 'ranking',
    createWorker: () => new Worker(new URL('./ranking.worker.ts', import.meta.url), { type: 'module', name: 'ranking' }),
    readReply,
    onOther: (m) => embeddings.handle(m),
    // The worker holds the corpus, adapters and pools: a failed request fails, the worker stays.
    onError: 'fail-jobs',
  });
  const embeddings = serveEmbeddings((reply, transfer) => worker.post(reply, transfer), currentEncoder);
  worker.start();
  /** The corpus rank requests name (the last one fully sent), and the count of corpora sent. */
  let corpusId = 0;
  let corpusCount = 0;
  // Each adapter object gets a key and goes to the worker once; a new training run makes new objects.
  const adapterKeys = new WeakMap<Adapter, string>();
  let adapterCount = 0;
  const keyOf = (adapter: Adapter): string => {
    let key = adapterKeys.get(adapter);
    if (!key) {
      key = `adapter-${++adapterCount}`;
      adapterKeys.set(adapter, key);
      worker.post({ type: 'adapter', key, adapter });
    }
    return key;
  };

  return {
    async setCorpus(loaded, opts = {}) {
      const id = ++corpusCount;
      try {
        await postCorpusInParts(loaded, id, (m) => worker.post(m), opts);
      } catch (e) {
        worker.post({ type: 'corpus-drop', corpusId: id });
        throw e;
      }
      corpusId = id;
    },
    async rank({ adapter, ...request }, onProgress) {
      const id = worker.nextJob();
      const retriever = adapter && request.retriever.kind === 'dense' ? { ...request.retriever, adapterKey: keyOf(adapter) } : request.retriever;
      const m = await worker.run(
        id,
        { type: 'rank', corpusId, request: { ...request, retriever, id } },
        { onProgress: (p) => p.type === 'rank-progress' && onProgress?.(p.info) },
      );
      if (m.type !== 'ranked') throw new Error(`the ranking worker answered ${m.type}`);
      return { main: m.main, ladder: m.ladder, elapsedMs: m.elapsedMs };
    },
    cancelPools() {
      worker.post({ type: 'cancel-pools' });
    },
    dispose() {
      embeddings.abortAll();
      worker.dispose();
    },
  };
}
