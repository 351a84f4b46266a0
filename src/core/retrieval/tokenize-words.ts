/**
 * Word tokens for lexical retrieval. Intl.Segmenter finds words in scripts without spaces
 * (Thai, Chinese, Japanese) from ICU's dictionaries, and its word rules need no language hint,
 * so one segmenter serves every language of a multilingual pool.
 *
 * ICU versions differ on dotted words: Node 20 keeps "i.e", "u.s", "т.е" whole where Chromium
 * splits them. Splitting at dots ourselves makes the CLI and the browser tokenize alike, so their
 * BM25 figures agree.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** NFKC-normalised, lower-cased word tokens of a text, punctuation and spaces dropped. */
export function tokenizeWords(text: string): string[] {
  const tokens: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (!part.isWordLike) continue;
    for (const t of part.segment.split('.')) if (t) tokens.push(t);
  }
  return tokens;
}
