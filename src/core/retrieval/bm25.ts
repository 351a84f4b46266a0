import type { Passage } from '../corpus/types';
import { tokenizeWords } from './tokenize-words';
import type { PoolScorer, Retriever, RunOptions } from './types';

export interface Bm25Params {
  /** Term-frequency saturation. Default 0.9, Anserini's (and so BEIR's BM25 baseline's). */
  k1: number;
  /** Length normalisation. Default 0.4, Anserini's. */
  b: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 0.9, b: 0.4 };

/** An inverted index over one pool: per term, the passages holding it and how often. */
interface Bm25Index {
  postings: Map<string, { docs: Int32Array; tfs: Float32Array }>;
  docLengths: Float32Array;
  avgLength: number;
}

function buildIndex(tokenLists: readonly string[][]): Bm25Index {
  const acc = new Map<string, { docs: number[]; tfs: number[] }>();
  const docLengths = new Float32Array(tokenLists.length);
  let total = 0;
  tokenLists.forEach((tokens, doc) => {
    docLengths[doc] = tokens.length;
    total += tokens.length;
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let p = acc.get(term);
      if (!p) acc.set(term, (p = { docs: [], tfs: [] }));
      p.docs.push(doc);
      p.tfs.push(tf);
    }
  });
  const postings = new Map<string, { docs: Int32Array; tfs: Float32Array }>();
  for (const [term, p] of acc) postings.set(term, { docs: Int32Array.from(p.docs), tfs: Float32Array.from(p.tfs) });
  return { postings, docLengths, avgLength: tokenLists.length ? total / tokenLists.length : 0 };
}

/** Lucene's BM25 idf: never negative, so very common words add a little rather than subtract. */
function idf(docCount: number, df: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** Adds one query's BM25 scores against the index into `out` (length = pool size). */
export function scoreBm25(index: Bm25Index, queryTokens: readonly string[], params: Bm25Params, out: Float32Array): void {
  const n = index.docLengths.length;
  const { k1, b } = params;
  const avg = index.avgLength || 1;
  for (const term of queryTokens) {
    const p = index.postings.get(term);
    if (!p) continue;
    const w = idf(n, p.docs.length);
    for (let i = 0; i < p.docs.length; i++) {
      const d = p.docs[i];
      const tf = p.tfs[i];
      out[d] += (w * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * index.docLengths[d]) / avg));
    }
  }
}

/**
 * BM25 over word tokens (tokenizeWords). Each pool gets its own index, so idf comes from the
 * candidates actually ranked: one language's passages, or the multilingual pool.
 * Tokenisation is cached per passage id and per query text across pools.
 */
export function createBm25Retriever(params: Bm25Params = DEFAULT_BM25): Retriever {
  const passageTokens = new Map<string, string[]>();
  const queryTokens = new Map<string, string[]>();
  const tokensOfQuery = (text: string) => {
    let t = queryTokens.get(text);
    if (!t) queryTokens.set(text, (t = tokenizeWords(text)));
    return t;
  };
  return {
    name: 'bm25',
    async pool(passages: readonly Passage[], opts?: RunOptions): Promise<PoolScorer> {
      const lists = passages.map((p, i) => {
        if (i % 2000 === 0) {
          opts?.signal?.throwIfAborted();
          opts?.onProgress?.({ stage: 'indexing passages', done: i, total: passages.length });
        }
        let t = passageTokens.get(p.id);
        if (!t) passageTokens.set(p.id, (t = tokenizeWords(p.text)));
        return t;
      });
      const index = buildIndex(lists);
      return {
        size: passages.length,
        async score(queries: readonly string[], scoreOpts?: RunOptions): Promise<Float32Array> {
          scoreOpts?.signal?.throwIfAborted();
          const out = new Float32Array(queries.length * passages.length);
          queries.forEach((q, i) => scoreBm25(index, tokensOfQuery(q), params, out.subarray(i * passages.length, (i + 1) * passages.length)));
          return out;
        },
      };
    },
  };
}
