/** The page's handle on the ranking worker: send the corpus once, then rank queries. */
import type { OneQueryRanking } from '../../../core/evaluation/rank-one-query';
import type { Encoder, ProgressInfo } from '../../../core/retrieval/types';
import type { Adapter } from '../../../core/training/adapter';
import type { WorkerCorpus } from '../../shared/workers/worker-messages';
import type { RankRequest, RankingWorkerIn, RankingWorkerOut } from './ranking-messages';
import { serveEmbeddings } from '../../shared/workers/serve-embeddings';

export interface RankReply {
  main: OneQueryRanking;
  ladder: OneQueryRanking | null;
  elapsedMs: number;
}

export interface RankingClient {
  setCorpus(corpus: WorkerCorpus): void;
  /**
   * Resolves with the ranking, or rejects; a newer rank() does not cancel an older one. With an
   * adapter (dense retrievers only), every row is mapped by it before scoring.
   */
  rank(request: Omit<RankRequest, 'id'> & { adapter?: Adapter | null }, onProgress?: (p: ProgressInfo) => void): Promise<RankReply>;
  /** Stops embedding passages for pools being prepared. */
  cancelPools(): void;
  dispose(): void;
}

export function createRankingClient(currentEncoder: () => Encoder | null): RankingClient {
  const worker = new Worker(new URL('./ranking.worker.ts', import.meta.url), { type: 'module', name: 'ranking' });
  const send = (m: RankingWorkerIn, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  const embeddings = serveEmbeddings((reply, transfer) => send(reply, transfer), currentEncoder);
  const waiting = new Map<number, { resolve: (r: RankReply) => void; reject: (e: Error) => void; onProgress?: (p: ProgressInfo) => void }>();
  let corpusId = 0;
  let nextId = 1;
  // Each adapter object gets a key and goes to the worker once; a new training run makes new objects.
  const adapterKeys = new WeakMap<Adapter, string>();
  let adapterCount = 0;
  const keyOf = (adapter: Adapter): string => {
    let key = adapterKeys.get(adapter);
    if (!key) {
      key = `adapter-${++adapterCount}`;
      adapterKeys.set(adapter, key);
      send({ type: 'adapter', key, adapter });
    }
    return key;
  };

  worker.onmessage = (event: MessageEvent<RankingWorkerOut>) => {
    const m = event.data;
    if (embeddings.handle(m)) return;
    if (m.type === 'rank-progress') {
      waiting.get(m.id)?.onProgress?.(m.info);
      return;
    }
    if (m.type !== 'ranked' && m.type !== 'rank-error') return;
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (!w) return;
    if (m.type === 'ranked') w.resolve({ main: m.main, ladder: m.ladder, elapsedMs: m.elapsedMs });
    else w.reject(new Error(m.message));
  };
  worker.onerror = (event) => {
    const error = new Error(`the ranking worker failed: ${event.message || 'unknown error'}`);
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };

  return {
    setCorpus(corpus) {
      corpusId++;
      send({ type: 'corpus', corpusId, corpus });
    },
    rank({ adapter, ...request }, onProgress) {
      const id = nextId++;
      const retriever = adapter && request.retriever.kind === 'dense' ? { ...request.retriever, adapterKey: keyOf(adapter) } : request.retriever;
      return new Promise<RankReply>((resolve, reject) => {
        waiting.set(id, { resolve, reject, onProgress });
        send({ type: 'rank', corpusId, request: { ...request, retriever, id } });
      });
    },
    cancelPools() {
      send({ type: 'cancel-pools' });
    },
    dispose() {
      embeddings.abortAll();
      worker.terminate();
    },
  };
}
