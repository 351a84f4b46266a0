import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../core/corpus/load-corpus';
import type { Question } from '../core/corpus/types';
import { ALL_SETTINGS, evaluateCorpus } from '../core/evaluation/evaluate-corpus';
import { pairMatrixOf, withoutQueries } from '../core/evaluation/summarise-report';
import type { SettingName } from '../core/metrics/types';
import { CliError } from './cli-error';
import { createProgressReporter } from './progress-reporter';
import { resolveDataSource } from './resolve-data';
import { resolveRetriever } from './resolve-retriever';
import { createCliScoring } from './scoring-option';
import { formatSummaryLine } from './summary-line';
import { formatQrelsLines, formatRunLines } from './trec-files';

export const EVAL_USAGE = `npm run eval -- --data <folder|url> [--retriever bm25|<model id>|<model folder>]
       [--dtype q8|fp16|fp32] [--langs en,de,...] [--settings mono,cross,multi] [--depth 100] [--tag name]
       [--scoring auto|typescript] --out <dir>

Writes <dir>/metrics.json (macro figures, per-language and per-pair cells, the X->Y mAP matrix,
the language mix of the multilingual top-10), run.<setting>.trec (qid Q0 docid rank score tag,
top --depth per query) and qrels.<setting>.txt (trec_eval's format) for each setting. Dense scoring
runs on onnxruntime-node when it agrees with the TypeScript kernel on a first block (--scoring auto,
the default); the rankings and metrics are the same either way.`;

function parseList(value: string | undefined, flag: string, allowed?: readonly string[]): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new CliError(`${flag}: empty list`);
  const bad = allowed ? list.filter((v) => !allowed.includes(v)) : [];
  if (bad.length) throw new CliError(`${flag}: unknown ${bad.join(', ')}; expected some of ${allowed!.join(', ')}`);
  return list;
}

function closeStream(s: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => s.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

export async function runEval(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      retriever: { type: 'string', default: 'bm25' },
      dtype: { type: 'string' },
      langs: { type: 'string' },
      settings: { type: 'string' },
      depth: { type: 'string', default: '100' },
      tag: { type: 'string' },
      scoring: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${EVAL_USAGE}\n`);
    return;
  }
  if (!values.data) throw new CliError(`--data is required\n\n${EVAL_USAGE}`);
  if (!values.out) throw new CliError(`--out is required\n\n${EVAL_USAGE}`);
  const depth = Number(values.depth);
  if (!Number.isInteger(depth) || depth < 1) throw new CliError(`--depth ${values.depth}: expected a positive whole number`);
  const settings = (parseList(values.settings, '--settings', ALL_SETTINGS) ?? ALL_SETTINGS) as SettingName[];
  const langs = parseList(values.langs, '--langs');

  const progress = createProgressReporter();
  const source = await resolveDataSource(values.data);
  const loaded = await loadCorpus(source);
  const { corpus } = loaded;
  for (const w of loaded.warnings) progress.log(`warning: ${w}`);
  progress.log(`${corpus.name}: ${corpus.passages.length} passages, ${corpus.questions.length} questions, ${corpus.languages.length} languages (${corpus.languages.join(' ')})`);
  if (langs) {
    const missing = langs.filter((l) => !corpus.languages.includes(l));
    if (missing.length) throw new CliError(`--langs: ${missing.join(', ')} not in ${corpus.name} (it has ${corpus.languages.join(', ')})`);
  }
  const scoring = createCliScoring(values.scoring, (m) => progress.log(m));
  const retriever = await resolveRetriever(values.retriever!, { dtype: values.dtype, log: (m) => progress.log(m), backend: scoring.backend });
  // trec_eval splits on white space; keep the tag to word characters so every tool reads it.
  const tag = values.tag ?? retriever.name.replace(/[^\w.-]+/g, '_');

  await mkdir(values.out, { recursive: true });
  const runs = new Map<SettingName, WriteStream>();
  const qrels = new Map<SettingName, WriteStream>();
  for (const s of settings) {
    runs.set(s, createWriteStream(path.join(values.out, `run.${s}.trec`)));
    qrels.set(s, createWriteStream(path.join(values.out, `qrels.${s}.txt`)));
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
  await Promise.all([...runs.values(), ...qrels.values()].map(closeStream));
  await scoring.release();

  const summary = {
    ...withoutQueries(report),
    data: values.data,
    format: loaded.format,
    warnings: loaded.warnings,
    pairMatrix: settings.includes('mono') || settings.includes('cross') ? pairMatrixOf(report) : undefined,
    runFiles: settings.map((s) => `run.${s}.trec`),
    qrelsFiles: settings.map((s) => `qrels.${s}.txt`),
  };
  await writeFile(path.join(values.out, 'metrics.json'), `${JSON.stringify(summary, null, 2)}\n`);
  progress.log(`done in ${(report.elapsedMs / 1000).toFixed(1)} s`);
  if (values.retriever !== 'bm25') progress.log(`scoring: ${scoring.status()}`);
  for (const s of settings) {
    const m = report.settings[s]?.macro;
    if (!m) continue;
    progress.log(formatSummaryLine(s, m));
  }
  progress.log(`wrote ${path.join(values.out, 'metrics.json')} and ${settings.length * 2} TREC files`);
}
