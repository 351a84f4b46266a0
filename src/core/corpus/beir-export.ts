import { CorpusError } from './corpus-error';
import type { Corpus, TextFile } from './types';

export interface BeirExportOptions {
  /** Name of the qrels split; default "test" (what loadBeirCorpus picks by default). */
  split?: string;
  /** Also write each passage's paragraph as "context" (large for sentence corpora). */
  includeContext?: boolean;
}

/**
 * A corpus as BEIR files (corpus.jsonl, queries.jsonl, qrels/<split>.tsv) that loadBeirCorpus
 * reads back to the same passages, questions and relevant sets. Language, group and qid travel
 * as extra fields, which BEIR tools ignore.
 */
export function toBeirFiles(corpus: Corpus, opts: BeirExportOptions = {}): TextFile[] {
  const split = opts.split ?? 'test';
  const qrelsName = `qrels/${split}.tsv`;
  const corpusLines = corpus.passages.map((p) =>
    JSON.stringify({
      _id: p.id,
      text: p.text,
      lang: p.lang,
      ...(p.group !== undefined ? { group: p.group } : {}),
      ...(opts.includeContext && p.context !== undefined ? { context: p.context } : {}),
    }),
  );
  const queryLines = corpus.questions.map((q) => JSON.stringify({ _id: q.id, text: q.text, lang: q.lang, qid: q.qid }));
  const qrelLines = ['query-id\tcorpus-id\tscore'];
  for (const q of corpus.questions) {
    for (const id of q.relevant) {
      for (const value of [q.id, id]) {
        if (/[\t\r\n]/.test(value)) {
          throw new CorpusError(qrelsName, `id "${value}"`, 'ids without tabs or line breaks (TSV cannot hold them)');
        }
      }
      qrelLines.push(`${q.id}\t${id}\t1`);
    }
  }
  return [
    { name: 'corpus.jsonl', text: corpusLines.join('\n') + '\n' },
    { name: 'queries.jsonl', text: queryLines.join('\n') + '\n' },
    { name: qrelsName, text: qrelLines.join('\n') + '\n' },
  ];
}
