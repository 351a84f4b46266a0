import { stat } from 'node:fs/promises';
import { loadCorpus } from '../core/corpus/load-corpus';
import { escapeControl } from '../core/corpus/printable';
import { checkEmbeddingSet, type EmbeddingSet } from '../core/embeddings/embedding-set';
import { createNodeEncoder, resolveNodeModel } from '../encoder/node-encoder';
import type { Dtype } from '../encoder/model-registry';
import { parseCliArgs, parseList } from './cli-args';
import { CliError } from './cli-error';
import { corpusSummaryLines } from './corpus-summary';
import { embeddingsFormatOf, writeEmbeddingsFile } from './embeddings-files';
import { createProgressReporter } from './progress-reporter';
import { resolveDataSource } from './resolve-data';

export const EMBED_USAGE = `npm run embed -- --data <folder|url> --model <model id|model folder> --out <file.parquet|file.npy>
       [--dtype q8|fp16|fp32] [--langs en,de,...] [--force]

Embeds every passage (as a passage) and every question (as a query) of the corpus and writes
them keyed by id: Parquet with an 'id' column and an 'embedding' list<float32> column (the
encoder named in the file's metadata), or .npy (float32, rows x dim) with <name>.ids.txt beside
it. npm run eval -- --embeddings <file> ranks with them and loads no model.`;

const HELP_HINT = 'npm run embed -- --help';

export interface EmbedOptions {
  data: string;
  model: string;
  out: string;
  dtype?: Dtype;
  langs?: string[];
  force: boolean;
}

export function parseEmbedArgs(argv: string[]): EmbedOptions | null {
  const values = parseCliArgs(
    argv,
    {
      data: { type: 'string' },
      model: { type: 'string' },
      out: { type: 'string' },
      dtype: { type: 'string' },
      langs: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP_HINT,
  );
  if (values.help) return null;
  for (const flag of ['data', 'model', 'out'] as const) if (!values[flag]) throw new CliError(`--${flag} is required (${HELP_HINT})`);
  embeddingsFormatOf(values.out!, '--out');
  if (values.dtype !== undefined && !['q8', 'fp16', 'fp32'].includes(values.dtype))
    throw new CliError(`--dtype ${values.dtype}: expected one of q8, fp16, fp32`);
  return {
    data: values.data!,
    model: values.model!,
    out: values.out!,
    dtype: values.dtype as Dtype | undefined,
    langs: parseList(values.langs, '--langs'),
    force: values.force ?? false,
  };
}

export async function runEmbed(argv: string[]): Promise<void> {
  const options = parseEmbedArgs(argv);
  if (!options) {
    process.stdout.write(`${EMBED_USAGE}\n`);
    return;
  }
  const existing = await stat(options.out).catch(() => null);
  if (existing?.isDirectory()) throw new CliError(`--out ${options.out}: is a folder; give a file name ending in .parquet or .npy`);
  if (existing && !options.force) throw new CliError(`--out ${options.out}: the file exists; add --force to replace it`);
  const progress = createProgressReporter();
  const loaded = await loadCorpus(await resolveDataSource(options.data));
  for (const line of corpusSummaryLines(loaded)) progress.log(line);
  const { corpus } = loaded;
  const langs = options.langs;
  if (langs) {
    const missing = langs.filter((l) => !corpus.languages.includes(l));
    if (missing.length) throw new CliError(`--langs: ${missing.join(', ')} not in ${escapeControl(corpus.name)} (it has ${corpus.languages.join(', ')})`);
  }
  const keep = <T extends { lang: string }>(xs: T[]) => (langs ? xs.filter((x) => langs.includes(x.lang)) : xs);
  const passages = keep(corpus.passages);
  const questions = keep(corpus.questions);

  const model = resolveNodeModel(options.model);
  const encoder = await createNodeEncoder(model, { dtype: options.dtype });
  progress.log(`${model.entry.label}: ${encoder.dim}-dimensional, dtype ${encoder.dtype}, from ${model.folder}`);
  const started = Date.now();
  try {
    const onProgress = progress.update;
    const passageRows = await encoder.embed(
      passages.map((p) => p.text),
      'passage',
      { onProgress },
    );
    const questionRows = await encoder.embed(
      questions.map((q) => q.text),
      'query',
      { onProgress },
    );
    const rows = new Float32Array(passageRows.length + questionRows.length);
    rows.set(passageRows, 0);
    rows.set(questionRows, passageRows.length);
    const set: EmbeddingSet = {
      source: options.out,
      encoder: encoder.id,
      ids: [...passages.map((p) => p.id), ...questions.map((q) => q.id)],
      dim: encoder.dim,
      rows,
    };
    // A passage and a question sharing an id would make the file unreadable: refuse before writing.
    const written = await writeEmbeddingsFile(checkEmbeddingSet(set), options.out);
    progress.log(
      `embedded ${passages.length} passages and ${questions.length} questions (${encoder.dim} dims) in ${((Date.now() - started) / 1000).toFixed(1)} s; wrote ${written.join(' and ')}`,
    );
  } finally {
    await encoder.dispose();
  }
}
