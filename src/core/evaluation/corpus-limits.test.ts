import { describe, expect, it } from 'vitest';
import { checkCorpusSize, checkInputSize, CORPUS_LIMITS } from './corpus-limits';

describe('corpus limits', () => {
  it('lets XQuAD-R through for BM25 and for a 1024-dimension model', () => {
    expect(checkCorpusSize(13_014)).toBeNull();
    expect(checkCorpusSize(13_014, 1024)).toBeNull();
  });

  it('refuses too many passages, saying how many and what the limit is', () => {
    expect(checkCorpusSize(CORPUS_LIMITS.maxPassages + 1)).toMatch(/^300,001 passages is more than the 300,000 this page holds; use the command line/);
  });

  it('refuses an embedding matrix over the limit for the chosen model only', () => {
    expect(checkCorpusSize(200_000)).toBeNull();
    expect(checkCorpusSize(200_000, 1024)).toMatch(/200,000 passages x 1024 dimensions need 781 MB of embeddings, more than the 572 MB/);
    expect(checkCorpusSize(200_000, 384)).toBeNull();
  });

  it('refuses to read input larger than the byte limit', () => {
    expect(checkInputSize(18_000_000)).toBeNull();
    expect(checkInputSize(500 * 1024 * 1024)).toMatch(/hold 500 MB, more than the 400 MB this page reads/);
  });
});
