import type { Passage } from '../corpus/types';
import { exactDot, exactDots, rowNorms, scoreTolerance, typescriptBackend, type ScoreBackend } from '../scoring/score-backend';
import type { Encoder, PoolScorer, Retriever, RunOptions, ScoredBlock } from './types';

/** (matrix, rows, dim) -> a rows x dim matrix, each row from its own row alone; e.g. a trained adapter applied to unit rows. */
export type RowTransform = (matrix: Float32Array, rows: number, dim: number) => Float32Array;

export interface DenseRetrieverOptions {
  /** Default: the encoder's id. */
  name?: string;
  /** Applied to every block of embeddings, passages and queries alike, before scoring. */
  transform?: RowTransform;
  /** The matrix product behind scoring (default: the TypeScript kernel); see scoring/score-backend.ts. */
  backend?: ScoreBackend;
}

export interface DenseRetriever extends Retriever {
  /** Raw (untransformed) rows for these passages, embedding only those this retriever has not seen. */
  embedPassages(passages: readonly Passage[], opts?: RunOptions): Promise<Float32Array>;
  /** Raw rows for these query texts, embedding only those this retriever has not seen (the rows scoring used). */
  embedQueries(texts: readonly string[], opts?: RunOptions): Promise<Float32Array>;
}

/**
 * Ranks by dot product of encoder rows (cosine, the rows being unit length). Each passage is
 * embedded once per retriever, keyed by passage id, so the multilingual pool reuses the rows of
 * the per-language pools; each distinct query text is embedded once.
 */
export function createDenseRetriever(encoder: Encoder, opts: DenseRetrieverOptions = {}): DenseRetriever {
  const dim = encoder.dim;
  const backend = opts.backend ?? typescriptBackend;
  const passageRows = new Map<string, Float32Array>();
  const queryRows = new Map<string, Float32Array>();

  async function rowsFor(
    keys: readonly string[],
    texts: readonly string[],
    cache: Map<string, Float32Array>,
    kind: 'query' | 'passage',
    runOpts?: RunOptions,
  ): Promise<Float32Array> {
    const missing: number[] = [];
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (!cache.has(k) && !seen.has(k)) {
        seen.add(k);
        missing.push(i);
      }
    });
    if (missing.length) {
      const rows = await encoder.embed(
        missing.map((i) => texts[i]),
        kind,
        runOpts,
      );
      if (rows.length !== missing.length * dim) throw new Error(`encoder ${encoder.id} returned ${rows.length / dim} rows for ${missing.length} texts`);
      missing.forEach((i, k) => cache.set(keys[i], rows.slice(k * dim, (k + 1) * dim)));
    }
    const out = new Float32Array(keys.length * dim);
    keys.forEach((k, i) => out.set(cache.get(k)!, i * dim));
    return out;
  }

  const transformed = (m: Float32Array, rows: number) => {
    if (!opts.transform) return m;
    const t = opts.transform(m, rows, dim);
    if (t.length !== rows * dim) throw new Error(`the row transform returned ${t.length} values for ${rows} x ${dim}`);
    return t;
  };

  const embedPassages = (passages: readonly Passage[], runOpts?: RunOptions) =>
    rowsFor(
      passages.map((p) => p.id),
      passages.map((p) => p.text),
      passageRows,
      'passage',
      runOpts,
    );

  return {
    name: opts.name ?? encoder.id,
    // Rows are embedded and transformed one by one (RowTransform acts on each row alone).
    poolIndependentScores: true,
    embedPassages,
    embedQueries: (texts, runOpts) => rowsFor(texts, texts, queryRows, 'query', runOpts),
    async pool(passages: readonly Passage[], runOpts?: RunOptions): Promise<PoolScorer> {
      const matrix = transformed(await embedPassages(passages, runOpts), passages.length);
      const prepared = await backend.prepare(matrix, dim);
      let maxNorm = -1; // computed when a fast backend first needs a tolerance
      const scoreBlock = async (queries: readonly string[], scoreOpts?: RunOptions): Promise<ScoredBlock> => {
        const q = transformed(await rowsFor(queries, queries, queryRows, 'query', scoreOpts), queries.length);
        scoreOpts?.signal?.throwIfAborted();
        const { scores, exact } = await prepared.score(q);
        if (exact) return { scores };
        if (maxNorm < 0) maxNorm = rowNorms(matrix, dim).reduce((a, b) => Math.max(a, b), 0);
        const qNorm = rowNorms(q, dim);
        return {
          scores,
          exact: {
            tolerance: (row) => scoreTolerance(dim, qNorm[row], maxNorm),
            at: (row, j) => exactDot(q, row * dim, matrix, j * dim, dim),
            atMany: (row, cols, count, shift, out) => exactDots(q, row * dim, matrix, cols, count, shift, dim, out),
          },
        };
      };
      return {
        size: passages.length,
        score: async (queries, scoreOpts) => (await scoreBlock(queries, scoreOpts)).scores,
        scoreBlock,
        dispose: () => prepared.dispose(),
      };
    },
  };
}
