/** A trained adapter as the dense retriever's row transform (kept apart from the store so workers can import it). */
import type { RowTransform } from '../../../core/retrieval/dense-retriever';
import { applyAdapter, type Adapter } from '../../../core/training/adapter';

/** Scores ranked through this transform are cosines in the adapter's space (rows re-normalised). */
export function adapterRowTransform(adapter: Adapter): RowTransform {
  return (matrix, rows, dim) => applyAdapter(adapter, matrix, rows, dim);
}
