import { idProblem } from '../corpus/corpus-invariant';
import { quoteValue } from '../corpus/printable';
import { EmbeddingFormatError } from './embedding-error';

/** Rows of precomputed embeddings keyed by passage / question id, as read from a file. */
export interface EmbeddingSet {
  /** Where the rows came from (a file name), for messages and the retriever's name. */
  source: string;
  /** The encoder that made them, when the file says (Parquet metadata "xling.encoder"). */
  encoder?: string;
  ids: string[];
  dim: number;
  /** Row-major, ids.length x dim. */
  rows: Float32Array;
}

/**
 * The rows as an EmbeddingSet, checked: ids satisfy the corpus invariant (non-empty, no white
 * space or control characters) and are unique, every value is finite. `rowName(i)` says where a
 * row is in the file ("row 4", "line 4 of ids.txt").
 */
export function checkEmbeddingSet(set: EmbeddingSet, rowName: (i: number) => string = (i) => `row ${i + 1}`): EmbeddingSet {
  const { ids, dim, rows, source } = set;
  if (ids.length === 0) throw new EmbeddingFormatError(source, '', 'holds no embeddings');
  if (!Number.isInteger(dim) || dim < 1) throw new EmbeddingFormatError(source, '', `vectors of ${dim} values; expected at least 1`);
  if (rows.length !== ids.length * dim) throw new EmbeddingFormatError(source, '', `${ids.length} ids but ${rows.length / dim} vectors of ${dim} values`);
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const bad = idProblem(id);
    if (bad) throw new EmbeddingFormatError(source, rowName(i), `id ${bad}; ids are passage or question ids of the corpus`);
    const first = seen.get(id);
    if (first !== undefined) throw new EmbeddingFormatError(source, rowName(i), `id ${quoteValue(id, 40)} again (first at ${rowName(first)}); each id once`);
    seen.set(id, i);
  });
  for (let i = 0; i < rows.length; i++) {
    if (!Number.isFinite(rows[i])) {
      const r = Math.floor(i / dim);
      throw new EmbeddingFormatError(source, rowName(r), `value ${i - r * dim} is ${rows[i]} (id ${quoteValue(ids[r], 40)}); expected finite numbers`);
    }
  }
  return set;
}

/** The row of each id, for lookups. */
export function rowIndexOf(set: EmbeddingSet): Map<string, number> {
  return new Map(set.ids.map((id, i) => [id, i]));
}
