import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EmbeddingSet } from '../core/embeddings/embedding-set';
import { readNpyEmbeddings, writeNpyEmbeddings } from '../core/embeddings/npy';
import { readParquetEmbeddings, writeParquetEmbeddings } from '../core/embeddings/parquet-embeddings';
import { CliError } from './cli-error';
import { fsErrorLine } from './output-dir';
import { assertFile } from './run-files';

export type EmbeddingsFormat = 'parquet' | 'npy';

/** parquet or npy by the file's extension; anything else is refused naming the flag. */
export function embeddingsFormatOf(file: string, flag: string): EmbeddingsFormat {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.parquet') return 'parquet';
  if (ext === '.npy') return 'npy';
  throw new CliError(`${flag} ${file}: expected a .parquet file (id + list<float32> vector column) or a .npy file (float32, rows x dim) with --ids`);
}

/** The ids file written beside an .npy file: x.npy -> x.ids.txt. */
export function idsFileFor(npyFile: string): string {
  return npyFile.replace(/\.npy$/i, '') + '.ids.txt';
}

/** An embeddings file from disk: Parquet, or .npy with its id list (--ids, default <name>.ids.txt beside it). */
export async function readEmbeddingsFile(file: string, idsFile?: string): Promise<EmbeddingSet> {
  const format = embeddingsFormatOf(file, '--embeddings');
  await assertFile('--embeddings', file);
  const bytes = await readFile(file);
  if (format === 'parquet') {
    if (idsFile) throw new CliError(`--ids ${idsFile}: a Parquet file carries its ids in its 'id' column; --ids goes with an .npy file`);
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    return readParquetEmbeddings(buffer, file);
  }
  const ids = idsFile ?? idsFileFor(file);
  await assertFile('--ids', ids).catch(() => {
    throw new CliError(`--ids: ${file} is an .npy file and needs its ids, one per line in row order: give --ids <file> (${ids} does not exist)`);
  });
  return readNpyEmbeddings(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), file, await readFile(ids, 'utf8'), ids);
}

/**
 * Writes the set as Parquet or .npy (+ <name>.ids.txt) through temporary names renamed into
 * place, so a failed write never leaves a half file under the name asked for.
 */
export async function writeEmbeddingsFile(set: EmbeddingSet, file: string): Promise<string[]> {
  const format = embeddingsFormatOf(file, '--out');
  const files: Array<[string, string | Uint8Array]> = [];
  if (format === 'parquet') files.push([file, new Uint8Array(writeParquetEmbeddings(set))]);
  else {
    const { npy, ids } = writeNpyEmbeddings(set);
    files.push([file, npy], [idsFileFor(file), ids]);
  }
  const temp = (f: string) => path.join(path.dirname(f), `.partial-${path.basename(f)}`);
  try {
    for (const [f, data] of files) await writeFile(temp(f), data);
    for (const [f] of files) await rename(temp(f), f);
  } catch (e) {
    for (const [f] of files) await rm(temp(f), { force: true });
    throw new CliError(fsErrorLine(`cannot write ${file}`, e));
  }
  return files.map(([f]) => f);
}
