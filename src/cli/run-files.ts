import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { DocTable } from '../core/runs/doc-table';
import type { ParsedRun } from '../core/runs/parsed-run';
import { looksLikeJson, parseRanxQrels, parseRanxRun } from '../core/runs/ranx-json';
import { createTrecQrelsParser, type Qrels } from '../core/runs/trec-qrels';
import { createTrecRunParser, type StreamParser } from '../core/runs/trec-run';
import { CliError } from './cli-error';

const CHUNK = 1 << 20;

export async function assertFile(flag: string, file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new CliError(`${flag} ${file}: no such file`);
  if (!info.isFile()) throw new CliError(`${flag} ${file}: not a file`);
}

/** Feeds a file to a streaming parser a megabyte at a time; the file is never held whole. */
export async function streamFile<T>(file: string, parser: StreamParser<T>, onProgress?: (bytes: number) => void): Promise<T> {
  let bytes = 0;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: CHUNK })) {
    parser.push(chunk as string);
    bytes += (chunk as string).length;
    onProgress?.(bytes);
  }
  return parser.end();
}

async function isJson(file: string): Promise<boolean> {
  if (file.toLowerCase().endsWith('.json')) return true;
  const stream = createReadStream(file, { encoding: 'utf8', start: 0, end: 255 });
  let head = '';
  for await (const chunk of stream) head += chunk as string;
  return looksLikeJson(head);
}

/** A TREC run (streamed) or a ranx-style JSON run (read whole: JSON has no lines to stream by). */
export async function readRunFile(file: string, docs: DocTable, onProgress?: (bytes: number) => void): Promise<ParsedRun> {
  await assertFile('--run', file);
  if (await isJson(file)) return parseRanxRun(file, await readFile(file, 'utf8'), docs);
  return streamFile(file, createTrecRunParser(file, docs), onProgress);
}

export async function readQrelsFile(file: string, docs: DocTable): Promise<Qrels> {
  await assertFile('--qrels', file);
  if (await isJson(file)) return parseRanxQrels(file, await readFile(file, 'utf8'), docs);
  return streamFile(file, createTrecQrelsParser(file, docs));
}
