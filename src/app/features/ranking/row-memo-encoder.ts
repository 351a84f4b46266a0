/**
 * An Encoder that remembers every row it has handed out, by kind and text. The ranking worker
 * builds one retriever per model and per trained adapter; with this in front of the model they
 * embed each text once between them, so switching strategy re-scores without re-embedding.
 */
import type { Encoder, RunOptions, TextKind } from '../../../core/retrieval/types';

export function createRowMemoEncoder(encoder: Encoder): Encoder {
  const dim = encoder.dim;
  /** Rows by kind + text; a pending embed is shared by whoever asks for the same text meanwhile. */
  const rows = new Map<string, Promise<Float32Array>>();
  const keyOf = (kind: TextKind, text: string) => `${kind}\u0000${text}`;

  return {
    id: encoder.id,
    dim,
    async embed(texts: readonly string[], kind: TextKind, opts?: RunOptions): Promise<Float32Array> {
      const missing = [...new Set(texts.filter((t) => !rows.has(keyOf(kind, t))))];
      if (missing.length) {
        const block = encoder.embed(missing, kind, opts).then((b) => {
          if (b.length !== missing.length * dim) throw new Error(`encoder ${encoder.id} returned ${b.length / dim} rows for ${missing.length} texts`);
          return b;
        });
        missing.forEach((text, i) => {
          const key = keyOf(kind, text);
          const row = block.then((b) => b.subarray(i * dim, (i + 1) * dim));
          rows.set(key, row);
          // A failed or cancelled embed is forgotten, so the next request tries again.
          row.catch(() => rows.get(key) === row && rows.delete(key));
        });
      }
      const parts = await Promise.all(texts.map((t) => rows.get(keyOf(kind, t))!));
      const out = new Float32Array(texts.length * dim);
      parts.forEach((row, i) => out.set(row, i * dim));
      return out;
    },
  };
}
