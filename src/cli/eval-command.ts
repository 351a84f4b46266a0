import { stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCorpus } from '../core/corpus/load-corpus';
import type { Question } from '../core/corpus/types';
import { ALL_SETTINGS, evaluateCorpus } from '../core/evaluation/evaluate-corpus';
import { pairMatrixOf, withoutQueries } from '../core/evaluation/summarise-report';
import { reportToJson } from '../core/evaluation/report-json';
import type { SettingName } from '../core/metrics/types';
import { parseCliArgs, parseList } from './cli-args';
import { CliError } from './cli-error';
import { corpusSummaryLines } from './corpus-summary';
import { openOutputDir } from './output-dir';
import { createProgressReporter } from './progress-reporter';
import { resolveDataSource } from './resolve-data';
import { embeddingsFormatOf } from './embeddings-files';
import { exportRetrieverEmbeddings, precomputedRetriever } from './precomputed-retriever';
import { resolveRetriever } from './resolve-retriever';
import { createCliScoring } from './scoring-option';
import { formatSummaryLine } from './summary-line';
import { formatQrelsLines, formatRunLines } from './trec-files';
import type { Writable } from 'node:stream';
import { escapeControl } from '../core/corpus/printable';
import type { OutputDir } from './output-dir';
import type { FileSource } from '../core/corpus/types';

export const EVAL_USAGE = `npm run eval -- --data <folder|url> [--retriever bm25|<model id>|<model folder>|rrf:bm25+<model>|combsum:bm25+<model>]
       [--embeddings <file.parquet|file.npy> [--ids ids.txt]] [--export-embeddings <file.parquet|file.npy>]
       [--dtype q8|fp16|fp32] [--langs en,de,...] [--settings mono,cross,multi] [--depth 100] [--tag name]
       [--scoring auto|typescript] --out <dir> [--force]

Writes <dir>/metrics.json (macro figures, per-language and per-pair cells, the X->Y mAP matrix,
the language mix of the multilingual top-10), run.<setting>.trec (qid Q0 docid rank score tag,
top --depth per query) and qrels.<setting>.txt (trec_eval's format) for each setting. The files
appear only when the run succeeds; a folder that is not empty is refused unless --force. Dense
scoring runs on onnxruntime-node when it agrees with the TypeScript kernel on a first block
(--scoring auto, the default); the rankings and metrics are the same either way. --embeddings
ranks with precomputed rows instead of a model (Parquet: 'id' + list<float32> 'embedding' or
'vector' column; .npy: float32 rows x dim with one id per line in --ids, default <name>.ids.txt),
as npm run embed writes them. --export-embeddings writes the rows a dense retriever ranked with
(passages and questions of the evaluated languages) in the same format: --embeddings on that
file reproduces this evaluation exactly.`;

const HELP_HINT = 'npm run eval -- --help';
/** trec_eval splits on white space: a tag keeps to word characters, dots and dashes. */
const TAG = /^[\w.-]{1,64}$/;

export interface EvalOptions {
  data: string;
  out: string;
  retriever: string;
  /** Precomputed embeddings to rank with instead of a model. */
  embeddings?: string;
  ids?: string;
  exportEmbeddings?: string;
  dtype?: string;
  tag?: string;
  scoring?: string;
  force: boolean;
  depth: number;
  settings: SettingName[];
  langs?: string[];
}

/** The command line of `eval`, checked; `null` for --help. Throws a one-line CliError. Pure (fuzzed in test/fuzz). */
export function parseEvalArgs(argv: string[]): EvalOptions | null {
  const values = parseCliArgs(
    argv,
    {
      data: { type: 'string' },
      retriever: { type: 'string' },
      embeddings: { type: 'string' },
      ids: { type: 'string' },
      'export-embeddings': { type: 'string' },
      dtype: { type: 'string' },
      langs: { type: 'string' },
      settings: { type: 'string' },
      depth: { type: 'string', default: '100' },
      tag: { type: 'string' },
      scoring: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP_HINT,
  );
  if (values.help) return null;
  if (!values.data) throw new CliError(`--data is required (${HELP_HINT})`);
  if (!values.out) throw new CliError(`--out is required (${HELP_HINT})`);
  const depth = Number(values.depth);
  if (!/^\d+$/.test(values.depth!) || !Number.isSafeInteger(depth) || depth < 1)
    throw new CliError(`--depth ${values.depth}: expected a positive whole number`);
  if (values.tag !== undefined && !TAG.test(values.tag)) {
    throw new CliError(`--tag ${JSON.stringify(values.tag)}: expected 1-64 letters, digits, "_", "." or "-" (trec_eval splits run lines on white space)`);
  }
  if (values.embeddings !== undefined && (values.retriever !== undefined || values.dtype !== undefined))
    throw new CliError(`--embeddings ranks with the file's rows: give it without --retriever or --dtype`);
  if (values.ids !== undefined && values.embeddings === undefined) throw new CliError('--ids goes with --embeddings <file.npy>');
  return {
    data: values.data,
    out: values.out,
    retriever: values.retriever ?? 'bm25',
    embeddings: values.embeddings,
    ids: values.ids,
    exportEmbeddings: values['export-embeddings'],
    dtype: values.dtype,
    tag: values.tag,
    scoring: values.scoring,
    force: values.force ?? false,
    depth,
    settings: (parseList(values.settings, '--settings', ALL_SETTINGS) ?? ALL_SETTINGS) as SettingName[],
    langs: parseList(values.langs, '--langs'),
  };
}

export async function runEval(argv: string[]): Promise<void> {
  const options = parseEvalArgs(argv);
  if (!options) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return;
  }
  // Checked before the corpus loads, so a bad --data or --out costs nothing and nothing earlier is touched.
  const source = await resolveDataSource(options.data);
  if (options.exportEmbeddings) {
    embeddingsFormatOf(options.exportEmbeddings, '--export-embeddings');
    if ((await stat(options.exportEmbeddings).catch(() => null)) && !options.force)
      throw new CliError(`--export-embeddings ${options.exportEmbeddings}: the file exists; add --force to replace it`);
  }
  const out = await openOutputDir(options.out, { force: options.force });
  try {
    await evaluateInto(out, source, options);
  } catch (e) {
    await out.abort();
    throw e;
  }
}

async function evaluateInto(out: OutputDir, source: FileSource, values: EvalOptions): Promise<void> {
  const { depth, settings, langs } = values;
  const outDir = values.out;
  const progress = createProgressReporter();
  const loaded = await loadCorpus(source);
  const { corpus } = loaded;
  for (const line of corpusSummaryLines(loaded)) progress.log(line);
  if (langs) {
    const missing = langs.filter((l) => !corpus.languages.includes(l));
    if (missing.length) throw new CliError(`--langs: ${missing.join(', ')} not in ${escapeControl(corpus.name)} (it has ${corpus.languages.join(', ')})`);
  }
  const scoring = createCliScoring(values.scoring, (m) => progress.log(m));
  const log = (m: string) => progress.log(m);
  const retriever = values.embeddings
    ? await precomputedRetriever(values.embeddings, values.ids, corpus, langs, { log, backend: scoring.backend })
    : await resolveRetriever(values.retriever, { dtype: values.dtype, log, backend: scoring.backend });
  // trec_eval splits on white space; keep the tag to word characters so every tool reads it.
  const tag = values.tag ?? retriever.name.replace(/[^\w.-]+/g, '_');

  const runs = new Map<SettingName, Writable>();
  const qrels = new Map<SettingName, Writable>();
  for (const s of settings) {
    runs.set(s, out.stream(`run.${s}.trec`));
    qrels.set(s, out.stream(`qrels.${s}.txt`));
  }
  const questions = new Map<string, Question>(corpus.questions.map((q) => [q.id, q]));
  const report = await evaluateCorpus(corpus, retriever, {
    settings,
    languages: langs,
    keepQueries: false,
    runDepth: depth,
    onProgress: (p) => progress.update(p),
    onRanked: (block) => {
      runs.get(block.setting)!.write(formatRunLines(block, depth, tag));
      qrels.get(block.setting)!.write(formatQrelsLines(block, questions));
    },
  });

  await scoring.release();

  const summary = {
    ...reportToJson(withoutQueries(report)),
    data: values.data,
    format: loaded.format,
    warnings: loaded.warnings,
    pairMatrix: settings.includes('mono') || settings.includes('cross') ? pairMatrixOf(report) : undefined,
    runFiles: settings.map((s) => `run.${s}.trec`),
    qrelsFiles: settings.map((s) => `qrels.${s}.txt`),
  };
  await out.write('metrics.json', `${JSON.stringify(summary, null, 2)}\n`);
  if (values.exportEmbeddings) progress.log(`wrote ${(await exportRetrieverEmbeddings(retriever, corpus, langs, values.exportEmbeddings)).join(' and ')}`);
  await out.commit();
  progress.log(`done in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  if (values.retriever !== 'bm25' || values.embeddings) progress.log(`scoring: ${scoring.status()}`);
  for (const s of settings) {
    const m = report.settings[s]?.macro;
    if (!m) continue;
    progress.log(formatSummaryLine(s, m));
  }
  progress.log(`wrote ${path.join(outDir, 'metrics.json')} and ${settings.length * 2} TREC files`);
}
