import type { PrecomputedEncoder } from './precomputed-encoder';
import type { Encoder, RunOptions, TextKind } from './types';

/**
 * Imported embeddings first, a model for the rest: texts the file holds rows for are answered
 * from it, and any other text (a question typed by hand) goes to `fallback()`, the model that
 * made the file, once it is loaded. With no model yet, such texts are refused with the
 * precomputed encoder's own message (free text needs a model). The id stays the file's (or
 * `opts.id`: the model's, when the file holds that model's rows), so caches keyed by it keep
 * their rows when the model arrives.
 */
export function createFallbackEncoder(primary: PrecomputedEncoder, fallback: () => Encoder | null, opts: { id?: string } = {}): Encoder {
  const { dim } = primary;
  return {
    id: opts.id ?? primary.id,
    dim,
    async embed(texts: readonly string[], kind: TextKind, opts?: RunOptions): Promise<Float32Array> {
      const missing: number[] = [];
      const held: number[] = [];
      texts.forEach((t, i) => (primary.holds(t, kind) ? held : missing).push(i));
      if (!missing.length) return primary.embed(texts, kind, opts);
      const model = fallback();
      if (!model) return primary.embed(texts, kind, opts); // throws, naming the first text it lacks
      if (model.dim !== dim) throw new Error(`${model.id} gives ${model.dim}-dimensional rows, but the embeddings file has ${dim}`);
      const out = new Float32Array(texts.length * dim);
      const place = (indices: number[], rows: Float32Array) => indices.forEach((i, k) => out.set(rows.subarray(k * dim, (k + 1) * dim), i * dim));
      if (held.length)
        place(
          held,
          await primary.embed(
            held.map((i) => texts[i]),
            kind,
            { signal: opts?.signal },
          ),
        );
      place(
        missing,
        await model.embed(
          missing.map((i) => texts[i]),
          kind,
          opts,
        ),
      );
      return out;
    },
  };
}
