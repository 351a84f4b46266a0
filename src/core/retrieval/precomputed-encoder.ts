import type { Corpus } from '../corpus/types';
import { quoteValue } from '../corpus/printable';
import { embeddingCoverage, type EmbeddingCoverage } from '../embeddings/corpus-coverage';
import type { EmbeddingSet } from '../embeddings/embedding-set';
import type { Encoder, TextKind } from './types';

/** Asked to embed a text the embeddings file does not hold: free text needs a real model. */
export class FreeTextRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FreeTextRefusedError';
  }
}

export interface PrecomputedEncoder extends Encoder {
  readonly coverage: EmbeddingCoverage;
  /** Rows that were not unit length and were scaled to it (the lab ranks by cosine). */
  readonly normalized: number;
  /** Texts held by two passages (or two questions) whose rows differ: the first one's row answers. */
  readonly conflicts: number;
  /** Whether the set has a row for this text of the corpus (else embed refuses it). */
  holds(text: string, kind: TextKind): boolean;
}

/** Rows scaled to unit length where they are not already (within 1e-4, so unit rows stay bit for bit). */
function unitRows(set: EmbeddingSet): { rows: Float32Array; normalized: number } {
  const { dim } = set;
  let rows = set.rows;
  let normalized = 0;
  for (let r = 0; r < set.ids.length; r++) {
    let sq = 0;
    for (let j = r * dim; j < (r + 1) * dim; j++) sq += rows[j] * rows[j];
    const norm = Math.sqrt(sq);
    if (Math.abs(norm - 1) <= 1e-4 || norm === 0) continue;
    if (rows === set.rows) rows = set.rows.slice();
    for (let j = r * dim; j < (r + 1) * dim; j++) rows[j] /= norm;
    normalized++;
  }
  return { rows, normalized };
}

/**
 * Imported embeddings as an Encoder: it answers for the texts of the corpus's passages and
 * questions that the set holds rows for (looked up by id, then by text, since retrievers embed
 * texts), and refuses any other text with a message saying a model is needed for free text.
 */
export function createPrecomputedEncoder(set: EmbeddingSet, corpus: Corpus): PrecomputedEncoder {
  const { dim } = set;
  const { rows, normalized } = unitRows(set);
  const rowOf = new Map(set.ids.map((id, i) => [id, i]));
  let conflicts = 0;
  const byText = { passage: new Map<string, number>(), query: new Map<string, number>() };
  // Texts of records without a row: a clearer refusal than "free text".
  const missing = { passage: new Map<string, string>(), query: new Map<string, string>() };
  const index = (kind: TextKind, id: string, text: string) => {
    const r = rowOf.get(id);
    if (r === undefined) {
      if (!byText[kind].has(text)) missing[kind].set(text, id);
      return;
    }
    missing[kind].delete(text);
    const earlier = byText[kind].get(text);
    if (earlier === undefined) byText[kind].set(text, r);
    else if (rows.subarray(earlier * dim, (earlier + 1) * dim).some((v, j) => v !== rows[r * dim + j])) conflicts++;
  };
  for (const p of corpus.passages) index('passage', p.id, p.text);
  for (const q of corpus.questions) index('query', q.id, q.text);

  return {
    id: `precomputed:${set.encoder ?? set.source}`,
    dim,
    coverage: embeddingCoverage(set, corpus),
    normalized,
    conflicts,
    holds: (text, kind) => byText[kind].has(text),
    async embed(texts: readonly string[], kind: TextKind, opts) {
      const out = new Float32Array(texts.length * dim);
      texts.forEach((text, i) => {
        const r = byText[kind].get(text);
        if (r !== undefined) {
          out.set(rows.subarray(r * dim, (r + 1) * dim), i * dim);
          return;
        }
        const id = missing[kind].get(text);
        const what = kind === 'query' ? 'question' : 'passage';
        if (id !== undefined) throw new FreeTextRefusedError(`${set.source} has no embedding for ${what} ${quoteValue(id, 40)}`);
        throw new FreeTextRefusedError(
          `${set.source} holds precomputed embeddings of this corpus's passages and questions only; the ${what} text ${quoteValue(text, 40)} is not one of them: free text needs a model`,
        );
      });
      opts?.onProgress?.({
        stage: kind === 'query' ? 'looking up query embeddings' : 'looking up passage embeddings',
        done: texts.length,
        total: texts.length,
      });
      return out;
    },
  };
}
