import type { Encoder, TextKind } from '../retrieval/types';

/** Texts and their rows (texts.length x dim, row-major), as an encoder produced them. */
export interface EmbeddedTexts {
  texts: readonly string[];
  rows: Float32Array;
}

export interface PrecomputedEncoderInput {
  /** Reports and cache keys: the encoder that made the rows, plus what was done to them. */
  id: string;
  dim: number;
  queries: EmbeddedTexts;
  passages: EmbeddedTexts;
}

/**
 * An Encoder that answers from rows computed earlier (by a model, once), looked up by text and
 * kind. It lets the dense retriever and the evaluation loop score embeddings that were
 * transformed by a trained adapter, or made by a synthetic benchmark, without re-encoding.
 * Asking for a text it does not hold is a bug in the caller, so it throws naming the text.
 */
export function createPrecomputedEncoder(input: PrecomputedEncoderInput): Encoder {
  const { id, dim } = input;
  const byKind: Record<TextKind, Map<string, number>> = {
    query: indexTexts(input.queries, dim, 'queries'),
    passage: indexTexts(input.passages, dim, 'passages'),
  };
  const rowsOf: Record<TextKind, Float32Array> = { query: input.queries.rows, passage: input.passages.rows };
  return {
    id,
    dim,
    async embed(texts, kind, opts) {
      opts?.signal?.throwIfAborted();
      const index = byKind[kind];
      const source = rowsOf[kind];
      const out = new Float32Array(texts.length * dim);
      texts.forEach((text, i) => {
        const row = index.get(text);
        if (row === undefined) {
          throw new RangeError(`precomputed encoder ${id}: no ${kind} row for the text ${JSON.stringify(text.slice(0, 80))}`);
        }
        out.set(source.subarray(row * dim, (row + 1) * dim), i * dim);
      });
      opts?.onProgress?.({ stage: kind === 'query' ? 'embedding queries' : 'embedding passages', done: texts.length, total: texts.length });
      return out;
    },
  };
}

function indexTexts(embedded: EmbeddedTexts, dim: number, what: string): Map<string, number> {
  if (embedded.rows.length !== embedded.texts.length * dim) {
    throw new RangeError(`createPrecomputedEncoder: ${what} has ${embedded.rows.length} values for ${embedded.texts.length} texts x dim ${dim}`);
  }
  const index = new Map<string, number>();
  // The first row of a repeated text wins; a deterministic encoder gives it the same row anyway.
  embedded.texts.forEach((text, row) => {
    if (!index.has(text)) index.set(text, row);
  });
  return index;
}
