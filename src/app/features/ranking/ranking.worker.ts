/// <reference lib="webworker" />
/**
 * Ranks one query at a time against pools of the current corpus. Pool scorers (BM25 indexes,
 * embedded passages) are kept per retriever and pool, so changing the query or top-k re-scores
 * without re-indexing.
 */
import type { Passage } from '../../../core/corpus/types';
import { rankOneQuery } from '../../../core/evaluation/rank-one-query';
import { selectPoolPassages } from '../../../core/evaluation/query-pool';
import { tieKeysDescendingById } from '../../../core/metrics/rank-relevant';
import type { Encoder, PoolScorer, ProgressInfo, Retriever } from '../../../core/retrieval/types';
import type { Adapter } from '../../../core/training/adapter';
import type { EmbedReply, WorkerCorpus } from '../../shared/workers/worker-messages';
import type { RankRequest, RankingWorkerIn, RankingWorkerOut } from './ranking-messages';
import { createPageEncoder, type PageEncoder } from '../../shared/workers/page-encoder';
import { createRowMemoEncoder } from './row-memo-encoder';
import { createWorkerRetriever, retrieverKey } from '../../shared/workers/worker-retriever';
import { receiveCorpusParts } from '../../shared/workers/corpus-to-worker';

declare const self: DedicatedWorkerGlobalScope;

interface PreparedPool {
  passages: Passage[];
  tieKey: Int32Array;
  scorer: PoolScorer;
}

const MAX_POOLS = 24;
let corpus: WorkerCorpus | null = null;
let corpusId = -1;
/** The next corpus while its parts arrive; the current one serves requests meanwhile. */
const parts = receiveCorpusParts();
const retrievers = new Map<string, Retriever>();
const pools = new Map<string, Promise<PreparedPool>>();
const pageEncoders = new Map<string, PageEncoder>();
/** Per model: one memo in front of the page encoder, shared by the untrained retriever and every adapter's. */
const memoEncoders = new Map<string, Encoder>();
/** Trained adapters the page has sent, by key. */
const adapters = new Map<string, Adapter>();
/** Progress of pool preparation goes to whichever request is newest. */
let latestRequest = 0;
/** Aborts every pool being prepared; replaced after each cancel. */
let poolsController = new AbortController();

function post(message: RankingWorkerOut): void {
  self.postMessage(message);
}

function pageEncoderFor(spec: { encoderId: string; dim: number }): PageEncoder {
  let pe = pageEncoders.get(spec.encoderId);
  if (!pe) pageEncoders.set(spec.encoderId, (pe = createPageEncoder(spec, post)));
  return pe;
}

function memoEncoderFor(spec: { encoderId: string; dim: number }): Encoder {
  let memo = memoEncoders.get(spec.encoderId);
  if (!memo) memoEncoders.set(spec.encoderId, (memo = createRowMemoEncoder(pageEncoderFor(spec).encoder)));
  return memo;
}

function preparePool(request: RankRequest, langs: string[]): Promise<PreparedPool> {
  const rKey = retrieverKey(request.retriever);
  const key = `${rKey}|${langs.join(',')}`;
  let pool = pools.get(key);
  if (pool) {
    pools.delete(key); // re-insert: most recently used last
    pools.set(key, pool);
    return pool;
  }
  let retriever = retrievers.get(rKey);
  if (!retriever) retrievers.set(rKey, (retriever = createWorkerRetriever(request.retriever, memoEncoderFor, (k) => adapters.get(k))));
  const passages = selectPoolPassages(corpus!.passages, langs);
  const r = retriever;
  pool = (async () => {
    const scorer = await r.pool(passages, {
      signal: poolsController.signal,
      onProgress: (info: ProgressInfo) =>
        post({
          type: 'rank-progress',
          id: latestRequest,
          info: { ...info, stage: `${langs.length > 1 ? 'multilingual pool' : `pool ${langs[0]}`}: ${info.stage}` },
        }),
    });
    return { passages, tieKey: tieKeysDescendingById(passages.map((p) => p.id)), scorer };
  })();
  pool.catch(() => pools.delete(key)); // a failed pool is tried again next time
  pools.set(key, pool);
  while (pools.size > MAX_POOLS) pools.delete(pools.keys().next().value!);
  return pool;
}

async function rankIn(request: RankRequest, langs: string[]) {
  const pool = await preparePool(request, langs);
  const scores = await pool.scorer.score([request.text]);
  return rankOneQuery(scores, pool.passages, request.relevant, request.topK, pool.tieKey);
}

async function rank(request: RankRequest): Promise<void> {
  const started = performance.now();
  latestRequest = request.id;
  try {
    if (!corpus) throw new Error('no corpus is loaded');
    const main = await rankIn(request, request.poolLangs);
    const sameAsMain = request.ladderLangs?.join(',') === request.poolLangs.join(',');
    const ladder = request.ladderLangs && !sameAsMain ? await rankIn(request, request.ladderLangs) : null;
    post({ type: 'ranked', id: request.id, main, ladder, elapsedMs: performance.now() - started });
  } catch (e) {
    post({ type: 'rank-error', id: request.id, message: e instanceof Error ? e.message : String(e) });
  }
}

self.onmessage = (event: MessageEvent<RankingWorkerIn>) => {
  const message = event.data;
  switch (message.type) {
    case 'corpus-part': {
      const arrived = parts.add(message);
      if (!arrived) break;
      corpus = arrived;
      corpusId = message.corpusId;
      pools.clear();
      retrievers.clear(); // their per-passage caches belong to the old corpus
      memoEncoders.clear();
      break;
    }
    case 'corpus-drop':
      parts.drop(message.corpusId);
      break;
    case 'adapter':
      adapters.set(message.key, message.adapter);
      break;
    case 'cancel-pools':
      poolsController.abort(new DOMException('cancelled', 'AbortError'));
      poolsController = new AbortController();
      break;
    case 'rank':
      if (message.corpusId !== corpusId) {
        post({ type: 'rank-error', id: message.request.id, message: 'the corpus changed; ranking again' });
        return;
      }
      void rank(message.request);
      break;
    default:
      for (const pe of pageEncoders.values()) pe.handleReply(message as EmbedReply);
  }
};
