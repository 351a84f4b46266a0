/**
 * How much a browser tab can hold. A tab gets a few GB at most (less on phones), and the corpus
 * lives in the page, the ranking worker and, during an evaluation, one more worker; embeddings
 * are Float32 rows (4 bytes x dim per passage). Past these limits the app refuses, says why and
 * points at the CLI, rather than letting the tab die halfway.
 */
export const CORPUS_LIMITS = {
  /** Text read from picked files or URLs, in bytes, before parsing. */
  maxInputBytes: 400 * 1024 * 1024,
  /** Passages held at once (BM25's index is a few times the text). */
  maxPassages: 300_000,
  /** passages x dim of one embedding matrix: 150M floats = 600 MB. */
  maxEmbeddingFloats: 150_000_000,
} as const;

export type CorpusLimits = typeof CORPUS_LIMITS;

const MB = 1024 * 1024;

function formatMb(bytes: number): string {
  return `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;
}

/** A sentence saying why input of this many bytes will not be read, or null when it may. */
export function checkInputSize(bytes: number, limits: Pick<CorpusLimits, 'maxInputBytes'> = CORPUS_LIMITS): string | null {
  if (bytes <= limits.maxInputBytes) return null;
  return `the files hold ${formatMb(bytes)}, more than the ${formatMb(limits.maxInputBytes)} this page reads; use the command line (npm run eval) for a corpus this large, or pick fewer languages`;
}

/**
 * A sentence saying why a corpus is too large for the page, or null when it fits. `dim` is the
 * dense model's embedding size (omit it for BM25, which keeps no matrix).
 */
export function checkCorpusSize(passages: number, dim?: number, limits: Omit<CorpusLimits, 'maxInputBytes'> = CORPUS_LIMITS): string | null {
  if (passages > limits.maxPassages) {
    return `${passages.toLocaleString('en')} passages is more than the ${limits.maxPassages.toLocaleString('en')} this page holds; use the command line (npm run eval) or fewer languages`;
  }
  if (dim !== undefined && passages * dim > limits.maxEmbeddingFloats) {
    const need = passages * dim * 4;
    return `${passages.toLocaleString('en')} passages x ${dim} dimensions need ${formatMb(need)} of embeddings, more than the ${formatMb(limits.maxEmbeddingFloats * 4)} this page allows; use the command line, a smaller model or fewer languages`;
  }
  return null;
}
