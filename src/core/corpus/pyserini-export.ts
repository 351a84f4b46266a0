import type { Corpus, TextFile } from './types';

/** A question's text on one TSV line: tabs and line breaks would split the topic, so white space runs become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A corpus as Pyserini / Anserini read it:
 * - corpus/<lang>.jsonl: one `{"id", "contents", "lang"}` per passage (JsonCollection; index the
 *   folder for the multilingual pool, one file's folder for a single language);
 * - topics.tsv: `qid<TAB>text` per question (-topics with -topicReader TsvString), and
 *   topics.<lang>.tsv with the questions of one language;
 * - qrels.txt: TREC qrels `qid 0 docid 1`, every relevant passage in every language.
 * Ids hold no white space (the corpus invariant), so every line splits as these tools split it.
 */
export function toPyseriniFiles(corpus: Corpus): TextFile[] {
  const files: TextFile[] = [];
  for (const lang of corpus.languages) {
    const lines = corpus.passages.filter((p) => p.lang === lang).map((p) => JSON.stringify({ id: p.id, contents: p.text, lang: p.lang }));
    if (lines.length) files.push({ name: `corpus/${lang}.jsonl`, text: lines.join('\n') + '\n' });
  }
  const topic = (q: Corpus['questions'][number]) => `${q.id}\t${oneLine(q.text)}`;
  files.push({ name: 'topics.tsv', text: corpus.questions.map(topic).join('\n') + '\n' });
  for (const lang of corpus.languages) {
    const questions = corpus.questions.filter((q) => q.lang === lang);
    if (questions.length) files.push({ name: `topics.${lang}.tsv`, text: questions.map(topic).join('\n') + '\n' });
  }
  const qrels = corpus.questions.flatMap((q) => q.relevant.map((id) => `${q.id} 0 ${id} 1`));
  files.push({ name: 'qrels.txt', text: qrels.join('\n') + '\n' });
  return files;
}
