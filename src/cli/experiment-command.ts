import { loadCorpus } from '../core/corpus/load-corpus';
import { adapterFileName, buildExperimentJson, formatResultsFile } from '../core/training/experiment-files';
import { formatResultsMarkdown } from '../core/training/results-table';
import { runExperiment, type ExperimentResult } from '../core/training/run-experiment';
import { parseStrategyName, type BatchStrategy } from '../core/training/strategy-names';
import type { Dtype } from '../encoder/model-registry';
import { parseCliArgs, parseList } from './cli-args';
import { CliError } from './cli-error';
import { corpusSummaryLines } from './corpus-summary';
import { openOutputDir, type OutputDir } from './output-dir';
import { escapeControl } from '../core/corpus/printable';
import type { FileSource } from '../core/corpus/types';
import { createNodeEncoder, resolveNodeModel } from '../encoder/node-encoder';
import { createProgressReporter } from './progress-reporter';
import { resolveDataSource } from './resolve-data';
import { createCliScoring } from './scoring-option';

export const EXPERIMENT_USAGE = `npm run experiment -- --data <folder|url> --retriever <model id|model folder> [--dtype q8|fp16|fp32]
       [--strategies mono,cross,hybrid] [--alpha 0.5] [--epochs 10] [--batch-size 100] [--tau 0.05]
       [--lr 0.0005] [--weight-decay 0.01] [--rank 0] [--test-fraction 0.2] [--hold-out el,vi] [--seed 1]
       [--scoring auto|typescript] --out <dir> [--force]

Trains one linear adapter per batch strategy over the frozen encoder's embeddings (monolingual,
cross-lingual or hybrid batches, InfoNCE, AdamW) on a split of the question ids, and evaluates the
untrained encoder and each adapter on the held-out questions in the three settings. Writes
<dir>/experiment.json (settings, split, loss curves, reports; timings apart), <dir>/results.md (the
table) and <dir>/adapter-<strategy>.xlad. The same seed gives the same numbers. The files appear only
when the run succeeds; a folder that is not empty is refused unless --force. --scoring auto (the
default) scores, trains and applies the adapters on onnxruntime-node where it agrees with the
TypeScript kernel (float32 sums: losses move by about 1e-6 relative); typescript uses the reference alone.`;

const HELP_HINT = 'npm run experiment -- --help';

function parseNumber(value: string | undefined, flag: string, check: (n: number) => boolean, expected: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new CliError(`${flag} ${value}: expected ${expected}`);
  return n;
}

function parseStrategies(value: string | undefined): BatchStrategy[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new CliError('--strategies: empty list; expected some of mono, cross, hybrid');
  const bad = names.filter((n) => !parseStrategyName(n));
  if (bad.length) throw new CliError(`--strategies: unknown ${bad.join(', ')}; expected some of mono, cross, hybrid`);
  const strategies = names.map((n) => parseStrategyName(n)!);
  if (new Set(strategies).size !== strategies.length) throw new CliError(`--strategies ${value}: a strategy is named twice`);
  return strategies;
}

export async function runExperimentCommand(argv: string[]): Promise<void> {
  const values = parseCliArgs(
    argv,
    {
      data: { type: 'string' },
      retriever: { type: 'string' },
      dtype: { type: 'string' },
      strategies: { type: 'string' },
      alpha: { type: 'string' },
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      tau: { type: 'string' },
      lr: { type: 'string' },
      'weight-decay': { type: 'string' },
      rank: { type: 'string' },
      'test-fraction': { type: 'string' },
      'hold-out': { type: 'string' },
      seed: { type: 'string', default: '1' },
      scoring: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    HELP_HINT,
  );
  if (values.help) {
    process.stdout.write(`${EXPERIMENT_USAGE}\n`);
    return;
  }
  if (!values.data) throw new CliError(`--data is required (${HELP_HINT})`);
  if (!values.retriever) throw new CliError(`--retriever is required: a dense model id or folder (${HELP_HINT})`);
  if (!values.out) throw new CliError(`--out is required (${HELP_HINT})`);
  if (values.retriever === 'bm25')
    throw new CliError('--retriever bm25: training needs a dense encoder whose embeddings an adapter can map; give a model id or folder');
  const dtypes: readonly Dtype[] = ['fp32', 'fp16', 'q8'];
  if (values.dtype && !dtypes.includes(values.dtype as Dtype)) throw new CliError(`--dtype ${values.dtype}: expected one of ${dtypes.join(', ')}`);
  const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
  const settings = {
    strategies: parseStrategies(values.strategies),
    alpha: parseNumber(values.alpha, '--alpha', (n) => n >= 0 && n <= 1, 'a number from 0 to 1'),
    epochs: parseNumber(values.epochs, '--epochs', positiveInt, 'a positive whole number'),
    batchSize: parseNumber(values['batch-size'], '--batch-size', (n) => Number.isInteger(n) && n >= 2, 'a whole number of at least 2'),
    tau: parseNumber(values.tau, '--tau', (n) => n > 0, 'a positive number'),
    lr: parseNumber(values.lr, '--lr', (n) => n > 0, 'a positive number'),
    weightDecay: parseNumber(values['weight-decay'], '--weight-decay', (n) => n >= 0, 'a number of at least 0'),
    rank: parseNumber(values.rank, '--rank', (n) => Number.isInteger(n) && n >= 0, 'a whole number (0 = full matrix)'),
    testFraction: parseNumber(values['test-fraction'], '--test-fraction', (n) => n > 0 && n < 1, 'a number between 0 and 1'),
    seed: parseNumber(values.seed, '--seed', Number.isInteger, 'a whole number')!,
  };
  const heldOut = parseList(values['hold-out'], '--hold-out');
  const source = await resolveDataSource(values.data);
  const out = await openOutputDir(values.out, { force: values.force });
  try {
    await experimentInto(
      out,
      source,
      { data: values.data, retriever: values.retriever, dtype: values.dtype, out: values.out, scoring: values.scoring },
      settings,
      heldOut,
    );
  } catch (e) {
    await out.abort();
    throw e;
  }
}

type ExperimentSettings = Omit<Parameters<typeof runExperiment>[0], 'corpus' | 'encoder' | 'heldOutLanguages' | 'onProgress'>;

async function experimentInto(
  out: OutputDir,
  source: FileSource,
  values: { data: string; retriever: string; dtype?: string; out: string; scoring?: string },
  settings: ExperimentSettings,
  heldOut: string[] | undefined,
): Promise<void> {
  const progress = createProgressReporter();
  const scoring = createCliScoring(values.scoring, (m) => progress.log(m));
  const loaded = await loadCorpus(source);
  const { corpus } = loaded;
  for (const line of corpusSummaryLines(loaded)) progress.log(line);
  const missing = (heldOut ?? []).filter((l) => !corpus.languages.includes(l));
  if (missing.length) throw new CliError(`--hold-out: ${missing.join(', ')} not in ${escapeControl(corpus.name)} (it has ${corpus.languages.join(', ')})`);

  const model = resolveNodeModel(values.retriever);
  const encoder = await createNodeEncoder(model, { dtype: values.dtype as Dtype | undefined });
  progress.log(`${model.entry.label}: ${encoder.dim}-dimensional ${model.entry.pooling} pooling, dtype ${encoder.dtype}, from ${model.folder}`);
  let result: ExperimentResult;
  try {
    result = await runExperiment({
      corpus,
      encoder,
      scoreBackend: scoring.backend,
      products: scoring.products,
      ...settings,
      heldOutLanguages: heldOut,
      onProgress: (p) => {
        if (p.phase === 'train')
          progress.update({ stage: `training ${p.strategy}: epoch ${p.epoch + 1}, loss ${p.loss.toFixed(4)}`, done: p.step + 1, total: p.totalSteps });
        else if (p.phase === 'evaluate') progress.update({ stage: `evaluating ${p.name}: ${p.stage}`, done: p.done, total: p.total });
        else progress.update(p);
      },
    });
  } catch (e) {
    // The core names a bad setting with its own option name; say it in the command line's terms.
    if (e instanceof RangeError && /^(runExperiment|splitByQid): /.test(e.message)) throw new CliError(e.message.replace(/^runExperiment: /, ''));
    throw e;
  } finally {
    await encoder.dispose();
    await scoring.release();
  }
  progress.log(`scoring: ${scoring.status()}`);
  progress.log(`training and adapter products: ${scoring.productsStatus()}`);

  const json = buildExperimentJson(result, { data: values.data, retriever: values.retriever, format: loaded.format, warnings: loaded.warnings });
  await out.write('experiment.json', `${JSON.stringify(json, null, 2)}\n`);
  await out.write('results.md', formatResultsFile(result));
  for (const s of result.strategies) await out.write(adapterFileName(s.shortName), s.adapterBytes);
  await out.commit();

  progress.log(
    `done in ${(result.totalMs / 1000).toFixed(1)} s (training ${result.strategies.map((s) => `${s.shortName} ${(s.trainMs / 1000).toFixed(s.trainMs < 1000 ? 2 : 1)} s`).join(', ')})`,
  );
  progress.log(formatResultsMarkdown(result.rows));
  progress.log(`wrote experiment.json, results.md and ${result.strategies.length} adapter file(s) to ${values.out}`);
}
