import { CorpusError } from '../core/corpus/corpus-error';
import { RunFormatError } from '../core/runs/run-format-error';
import { ModelError } from '../encoder/model-error';
import { ANALYZE_USAGE, runAnalyze } from './analyze-command';
import { CliError } from './cli-error';
import { EVAL_USAGE, runEval } from './eval-command';
import { EXPERIMENT_USAGE, runExperimentCommand } from './experiment-command';

const USAGE = `Cross-lingual retrieval lab, command line.

${EVAL_USAGE}

${EXPERIMENT_USAGE}

${ANALYZE_USAGE}`;

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  eval: runEval,
  experiment: runExperimentCommand,
  analyze: async (argv) => {
    await runAnalyze(argv);
  },
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `unknown command "${name}"\n\n` : ''}${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  await command(rest);
}

main().catch((e: unknown) => {
  // Input mistakes get their message alone; anything else keeps its stack for a bug report.
  const known = e instanceof CliError || e instanceof ModelError || e instanceof CorpusError || e instanceof RunFormatError || (e instanceof TypeError && (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION');
  process.stderr.write(`error: ${known ? (e as Error).message : e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 2;
});
