import path from 'node:path';
import { toBeirFiles } from '../core/corpus/beir-export';
import { loadCorpus } from '../core/corpus/load-corpus';
import { toPyseriniFiles } from '../core/corpus/pyserini-export';
import { parseCliArgs } from './cli-args';
import { CliError } from './cli-error';
import { corpusSummaryLines } from './corpus-summary';
import { openOutputDir } from './output-dir';
import { createProgressReporter } from './progress-reporter';
import { resolveDataSource } from './resolve-data';

export const EXPORT_CORPUS_USAGE = `npm run export-corpus -- --data <folder|url> --format pyserini|beir --out <dir> [--force]

Writes the corpus for engines that work at scale. pyserini: corpus/<lang>.jsonl ({"id",
"contents", "lang"} per passage, Pyserini's JsonCollection), topics.tsv and topics.<lang>.tsv
(qid<TAB>question), qrels.txt (TREC qrels, every relevant passage). beir: corpus.jsonl,
queries.jsonl and qrels/test.tsv, with "lang" (and the question's shared "qid") as extra fields.
docs/scale-out.md says how to index, search and bring the runs back with npm run analyze.`;

const FORMATS = ['pyserini', 'beir'] as const;

export async function runExportCorpus(argv: string[]): Promise<void> {
  const values = parseCliArgs(
    argv,
    { data: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    'npm run export-corpus -- --help',
  );
  if (values.help) {
    process.stdout.write(`${EXPORT_CORPUS_USAGE}\n`);
    return;
  }
  for (const flag of ['data', 'format', 'out'] as const) if (!values[flag]) throw new CliError(`--${flag} is required (npm run export-corpus -- --help)`);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new CliError(`--format ${values.format}: expected pyserini or beir`);
  const source = await resolveDataSource(values.data!);
  const out = await openOutputDir(values.out!, { force: values.force });
  const progress = createProgressReporter();
  try {
    const loaded = await loadCorpus(source);
    for (const line of corpusSummaryLines(loaded)) progress.log(line);
    const files = format === 'beir' ? toBeirFiles(loaded.corpus) : toPyseriniFiles(loaded.corpus);
    for (const f of files) await out.write(f.name, f.text);
    await out.commit();
    progress.log(`wrote ${files.length} files (${format}) to ${path.resolve(values.out!)}: ${files.map((f) => f.name).join(', ')}`);
  } catch (e) {
    await out.abort();
    throw e;
  }
}
