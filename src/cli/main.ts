import { CorpusError } from '../core/corpus/corpus-error';
import { escapeControl } from '../core/corpus/printable';
import { UnreachableError } from '../core/corpus/url-source';
import { EmbeddingFormatError } from '../core/embeddings/embedding-error';
import { FreeTextRefusedError } from '../core/retrieval/precomputed-encoder';
import { RunFormatError } from '../core/runs/run-format-error';
import { ModelError } from '../encoder/model-error';
import { ANALYZE_USAGE, runAnalyze } from './analyze-command';
import { CliError } from './cli-error';
import { EMBED_USAGE, runEmbed } from './embed-command';
import { EVAL_USAGE, runEval } from './eval-command';
import { EXPORT_CORPUS_USAGE, runExportCorpus } from './export-corpus-command';
import { EXPERIMENT_USAGE, runExperimentCommand } from './experiment-command';
import { fsErrorLine } from './output-dir';

const USAGE = `Cross-lingual retrieval lab, command line.

${EVAL_USAGE}

${EXPERIMENT_USAGE}

${ANALYZE_USAGE}

${EMBED_USAGE}

${EXPORT_CORPUS_USAGE}`;

const commands = new Map<string, (argv: string[]) => Promise<void>>([
  ['eval', runEval],
  ['experiment', runExperimentCommand],
  ['embed', runEmbed],
  ['export-corpus', runExportCorpus],
  [
    'analyze',
    async (argv) => {
      await runAnalyze(argv);
    },
  ],
]);

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const command = name ? commands.get(name) : undefined;
  if (!command) {
    process.stderr.write(
      name
        ? `error: unknown command ${JSON.stringify(name)}; expected eval, experiment, analyze, embed or export-corpus (run without arguments for usage)\n`
        : `${USAGE}\n`,
    );
    process.exitCode = 2;
    return;
  }
  await command(rest);
}

/**
 * Every failure is one line on stderr and exit code 2: input mistakes say what to fix, file-system
 * errors name the path and what the code means. A stack trace only with XLING_DEBUG=1 (for a bug
 * report). The line is escaped, so text from a corpus cannot send terminal control sequences.
 */
export function errorLine(e: unknown): string {
  if (
    e instanceof CliError ||
    e instanceof ModelError ||
    e instanceof CorpusError ||
    e instanceof RunFormatError ||
    e instanceof UnreachableError ||
    e instanceof EmbeddingFormatError ||
    e instanceof FreeTextRefusedError
  )
    return e.message;
  const errno = e as NodeJS.ErrnoException;
  if (errno && typeof errno.code === 'string' && typeof errno.syscall === 'string') {
    return fsErrorLine(`${errno.syscall}${errno.path ? ` ${errno.path}` : ''}`, e);
  }
  const message = e instanceof Error ? e.message : String(e);
  return `${message} (unexpected: set XLING_DEBUG=1 to see where)`;
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${escapeControl(errorLine(e))}\n`);
  if (process.env.XLING_DEBUG && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exitCode = 2;
});
