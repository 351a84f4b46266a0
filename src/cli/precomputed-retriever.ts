import type { Corpus } from '../core/corpus/types';
import { quoteValue } from '../core/corpus/printable';
import { describeCoverage } from '../core/embeddings/corpus-coverage';
import { checkEmbeddingSet } from '../core/embeddings/embedding-set';
import { createDenseRetriever, type DenseRetriever } from '../core/retrieval/dense-retriever';
import { createPrecomputedEncoder } from '../core/retrieval/precomputed-encoder';
import type { Retriever } from '../core/retrieval/types';
import type { ScoreBackend } from '../core/scoring/score-backend';
import { CliError } from './cli-error';
import { readEmbeddingsFile, writeEmbeddingsFile } from './embeddings-files';

/**
 * The dense retriever over an embeddings file (--embeddings, --ids): no model is loaded. What the
 * file covers is logged (ids the corpus lacks are counted, not used); a passage or question of
 * the evaluated languages without a row stops the run before any scoring, with the count.
 */
export async function precomputedRetriever(
  file: string,
  idsFile: string | undefined,
  corpus: Corpus,
  langs: readonly string[] | undefined,
  opts: { log: (m: string) => void; backend?: ScoreBackend },
): Promise<Retriever> {
  const set = await readEmbeddingsFile(file, idsFile);
  const encoder = createPrecomputedEncoder(set, corpus);
  for (const line of describeCoverage(encoder.coverage, file)) opts.log(line);
  if (encoder.normalized) opts.log(`${encoder.normalized} rows were not unit length and were scaled to it (ranking is by cosine)`);
  if (encoder.conflicts) opts.log(`warning: ${encoder.conflicts} texts belong to two records with different rows; the first record's row is used`);
  const inScope = (lang: string) => !langs || langs.includes(lang);
  const langById = new Map<string, string>([...corpus.passages.map((p) => [p.id, p.lang] as const), ...corpus.questions.map((q) => [q.id, q.lang] as const)]);
  for (const [what, missing] of [
    ['passages', encoder.coverage.passages.missing],
    ['questions', encoder.coverage.questions.missing],
  ] as const) {
    const needed = missing.filter((id) => inScope(langById.get(id)!));
    if (needed.length)
      throw new CliError(
        `--embeddings ${file}: ${needed.length} ${what}${langs ? ` in ${langs.join(', ')}` : ''} have no embedding (e.g. ${quoteValue(needed[0], 40)}); embed the whole corpus (npm run embed) or narrow --langs`,
      );
  }
  opts.log(`ranking with ${set.dim}-dimensional embeddings from ${file}${set.encoder ? ` (made by ${set.encoder})` : ''}; no model is loaded`);
  return createDenseRetriever(encoder, { name: encoder.id, backend: opts.backend });
}

/**
 * --export-embeddings: the rows a dense retriever ranked with (passages and questions of the
 * evaluated languages, from its cache, so the file reproduces this evaluation exactly), written
 * as Parquet or .npy + ids. Any other retriever has no rows to export.
 */
export async function exportRetrieverEmbeddings(retriever: Retriever, corpus: Corpus, langs: readonly string[] | undefined, file: string): Promise<string[]> {
  if (!isDense(retriever)) throw new CliError(`--export-embeddings: ${retriever.name} is not a dense retriever; it has no embeddings to export`);
  const inScope = (x: { lang: string }) => !langs || langs.includes(x.lang);
  const passages = corpus.passages.filter(inScope);
  const questions = corpus.questions.filter(inScope);
  const passageRows = await retriever.embedPassages(passages);
  const questionRows = await retriever.embedQueries(questions.map((q) => q.text));
  const rows = new Float32Array(passageRows.length + questionRows.length);
  rows.set(passageRows, 0);
  rows.set(questionRows, passageRows.length);
  const dim = passageRows.length / passages.length;
  const encoder = retriever.name.replace(/^precomputed:/, '');
  const set = checkEmbeddingSet({ source: file, encoder, ids: [...passages.map((p) => p.id), ...questions.map((q) => q.id)], dim, rows });
  return writeEmbeddingsFile(set, file);
}

function isDense(r: Retriever): r is DenseRetriever {
  return typeof (r as Partial<DenseRetriever>).embedPassages === 'function' && typeof (r as Partial<DenseRetriever>).embedQueries === 'function';
}
