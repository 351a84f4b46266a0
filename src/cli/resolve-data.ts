import { stat } from 'node:fs/promises';
import { createUrlSource } from '../core/corpus/url-source';
import type { FileSource } from '../core/corpus/types';
import { CliError } from './cli-error';
import { createFsSource } from './fs-source';

/** --data is a folder on disk or an http(s) URL (which needs a manifest.json or --files). */
export async function resolveDataSource(spec: string): Promise<FileSource> {
  if (/^https?:\/\//i.test(spec)) return createUrlSource(spec);
  const info = await stat(spec).catch(() => null);
  if (!info)
    throw new CliError(`--data ${spec}: no such folder (give a folder of XQuAD-R/MLQA-R <lang>.json files, a BEIR folder, a JSONL corpus, or an http(s) URL)`);
  if (!info.isDirectory()) throw new CliError(`--data ${spec}: is a file; give the folder that holds it`);
  return createFsSource(spec);
}
