/**
 * Word tokens for lexical retrieval. Intl.Segmenter finds words in scripts without spaces
 * (Thai, Chinese, Japanese) from ICU's dictionaries, and its word rules need no language hint,
 * so one segmenter serves every language of a multilingual pool.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** NFKC-normalised, lower-cased word tokens of a text, punctuation and spaces dropped. */
export function tokenizeWords(text: string): string[] {
  const tokens: string[] = [];
  for (const part of segmenter.segment(text.normalize('NFKC').toLowerCase())) {
    if (part.isWordLike) tokens.push(part.segment);
  }
  return tokens;
}
