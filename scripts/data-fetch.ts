/**
 * Fetches a benchmark into public/data/<name>/ with a manifest.json, so the app opens it from its
 * own server (/data/<name>/) and the CLI from the folder, both offline afterwards:
 *
 *   npm run data:fetch -- xquad-r|mlqa-r [--host https://raw.githubusercontent.com] [--out public/data]
 *
 * Every file is checked against its pinned SHA-256 (src/core/corpus/lareqa-sources.ts): XQuAD-R from
 * LAReQA's master, MLQA-R from commit 354d67d1 (mlqa-r/, CC BY-NC 4.0: non-commercial use only); a
 * file that differs is not kept. Without internet it fails at once and says what to do instead.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { LAREQA_SOURCES, lareqaBaseUrl, RAW_GITHUB_HOST, type LareqaSource } from '../src/core/corpus/lareqa-sources';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_HOST = RAW_GITHUB_HOST;

/** The datasets by name; files, commits and SHA-256 sums live in src/core/corpus/lareqa-sources.ts. */
export const DATASETS: Readonly<Record<string, LareqaSource>> = LAREQA_SOURCES;

export class DataFetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFetchError';
  }
}

export interface DataFetchOptions {
  dataset: string;
  host?: string;
  /** Default <project>/public/data. */
  outDir?: string;
  log?: (line: string) => void;
  /** Replaces the pinned SHA-256 sums (tests: files whose sums are known). */
  sums?: Record<string, string>;
}

function causeOf(e: unknown): string {
  const c = (e as { cause?: { code?: string } })?.cause;
  return c?.code ?? (e instanceof Error ? e.message : String(e));
}

/** Downloads, verifies and writes every file; returns the folder. Writes nothing unless all succeed. */
export async function fetchDataset(opts: DataFetchOptions): Promise<string> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const set = DATASETS[opts.dataset];
  if (!set) throw new DataFetchError(`unknown dataset ${opts.dataset}; expected one of ${Object.keys(DATASETS).join(', ')}`);
  const base = lareqaBaseUrl(set, opts.host ?? DEFAULT_HOST);
  const sums = opts.sums ?? set.files;
  log(`${set.name} from ${base} (${set.licenceNote})`);
  const folder = path.join(opts.outDir ?? path.join(ROOT, 'public', 'data'), opts.dataset);
  const texts: Record<string, Buffer> = {};
  for (const [file, sum] of Object.entries(sums)) {
    const url = base + file;
    const response = await fetch(url).catch((e: unknown) => {
      throw new DataFetchError(
        `cannot reach ${url} (${causeOf(e)}); nothing was written.\n` +
          `Run \`npm run data:fetch -- ${opts.dataset}\` on a machine with internet access and copy ${path.relative(ROOT, folder) || folder}/ here, ` +
          `or open ${set.name} in the app by URL or with the folder picker.`,
      );
    });
    if (!response.ok) throw new DataFetchError(`${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}; nothing was written`);
    const bytes = Buffer.from(await response.arrayBuffer());
    const got = createHash('sha256').update(bytes).digest('hex');
    if (got !== sum) throw new DataFetchError(`${url}: SHA-256 ${got} differs from the pinned ${sum}; nothing was written`);
    texts[file] = bytes;
    log(`  ${file}: ${(bytes.length / 1e6).toFixed(2)} MB, checksum ok`);
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const [file, bytes] of Object.entries(texts)) await writeFile(path.join(folder, file), bytes);
  const manifest = { format: 'squad', name: set.name, files: Object.keys(sums), licence: set.licence, licenceNote: set.licenceNote, source: base };
  await writeFile(path.join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return folder;
}

export async function main(argv: string[]): Promise<number> {
  const usage = `usage: npm run data:fetch -- ${Object.keys(DATASETS).join('|')} [--host URL] [--out public/data]`;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { host: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n${usage}\n`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  try {
    const folder = await fetchDataset({ dataset: parsed.positionals[0], host: parsed.values.host, outDir: parsed.values.out });
    process.stderr.write(
      `done: ${folder} (${DATASETS[parsed.positionals[0]].licenceNote}; open /data/${path.basename(folder)}/ in the app, or --data ${path.relative(process.cwd(), folder)} on the command line)\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof DataFetchError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
