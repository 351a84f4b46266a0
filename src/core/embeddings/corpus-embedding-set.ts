import type { Corpus } from '../corpus/types';
import { checkEmbeddingSet, type EmbeddingSet } from './embedding-set';

/**
 * A corpus's passage and question rows as one EmbeddingSet (passages first, in corpus order, then
 * questions), the layout `npm run embed` writes. Checked, so a passage and a question sharing an
 * id are refused before a file is written that could not be read back.
 */
export function corpusEmbeddingSet(input: {
  corpus: Pick<Corpus, 'passages' | 'questions'>;
  passageRows: Float32Array;
  questionRows: Float32Array;
  dim: number;
  encoder: string;
  source: string;
}): EmbeddingSet {
  const { corpus, passageRows, questionRows, dim } = input;
  if (passageRows.length !== corpus.passages.length * dim || questionRows.length !== corpus.questions.length * dim)
    throw new RangeError(
      `corpusEmbeddingSet: ${passageRows.length / dim} passage rows and ${questionRows.length / dim} question rows for ${corpus.passages.length} passages and ${corpus.questions.length} questions`,
    );
  const rows = new Float32Array(passageRows.length + questionRows.length);
  rows.set(passageRows, 0);
  rows.set(questionRows, passageRows.length);
  return checkEmbeddingSet({
    source: input.source,
    encoder: input.encoder,
    ids: [...corpus.passages.map((p) => p.id), ...corpus.questions.map((q) => q.id)],
    dim,
    rows,
  });
}
