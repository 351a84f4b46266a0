import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs, with its errors (a missing value, a stray positional, an unknown option,
 * "--depth -1" read as an option) turned into one-line CliErrors, and an option given twice
 * refused instead of the last one silently winning.
 */
export function parseCliArgs<O extends Options>(argv: string[], options: O, usageHint: string) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: false, tokens: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')) {
      throw new CliError(`${oneLine((e as Error).message)} (${usageHint})`);
    }
    throw e;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw new CliError(`--${token.name} is given more than once; give it once`);
    seen.add(token.name);
  }
  return parsed.values;
}

function oneLine(message: string): string {
  return message
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
}

/** A comma-separated list, each item at most once and (when `allowed` is given) one of those. */
export function parseList(value: string | undefined, flag: string, allowed?: readonly string[]): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new CliError(`${flag}: empty list`);
  const bad = allowed ? list.filter((v) => !allowed.includes(v)) : [];
  if (bad.length) throw new CliError(`${flag}: unknown ${bad.join(', ')}; expected some of ${allowed!.join(', ')}`);
  const twice = list.find((v, i) => list.indexOf(v) !== i);
  if (twice !== undefined) throw new CliError(`${flag}: "${twice}" is named twice`);
  return list;
}
