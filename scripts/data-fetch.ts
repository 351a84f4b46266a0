/**
 * Fetches a benchmark into public/data/<name>/ with a manifest.json, so the app opens it from its
 * own server (/data/<name>/) and the CLI from the folder, both offline afterwards:
 *
 *   npm run data:fetch -- xquad-r|mlqa-r [--host https://raw.githubusercontent.com] [--out public/data]
 *
 * XQuAD-R's files are checked against the SHA-256 sums of LAReQA's commit 9bc8c7fb; a file that
 * differs is not kept. Without internet it fails at once and says what to do instead.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_HOST = 'https://raw.githubusercontent.com';
const REPO_PATH = 'google-research-datasets/lareqa/master';

interface Dataset {
  name: string;
  folder: string;
  /** Language file -> SHA-256, or null where no sum is pinned. */
  files: Record<string, string | null>;
  licence: string;
}

export const DATASETS: Record<string, Dataset> = {
  'xquad-r': {
    name: 'XQuAD-R',
    folder: 'xquad-r',
    licence: 'CC BY-SA 4.0',
    files: {
      'ar.json': 'c52922d3b8ac1ae03ed5ac38647ad59870dca3dda2beefe18ecdc30729acb69d',
      'de.json': '16fb0f4bf4916154b585a20c24c66074591c9718a1affe764ff4697572328949',
      'el.json': '163fd43ee785a30eb534ae2061e9eaa766a7ee4e8ffce5e4b422480c150f64b6',
      'en.json': '7b0954f39297c27a31fef610f0883337dd2907fa8699151dc922afdd0fa12ffe',
      'es.json': 'f8e836b2d91009c4363e04315f7ede363eedbbb49c67dda60de6c4aa782f58de',
      'hi.json': 'ea45ba8ae4513d1533b222bebdc02a90bc319c055d3aeea68584a053d2e92872',
      'ru.json': '7f4dff853538b9a5fcc28c070b8bb983a5c5d190ac747b8e005a1ada9cab18f1',
      'th.json': 'c3a041864c3a9fb0b4dd91cfdf99cf36b411b3e704c58a303c97bc6dc786cfe4',
      'tr.json': 'f3e8c13002bbce154a4578f535f7533cb70f3da08840e6b62735935baec7bd94',
      'vi.json': 'e35926bf5cc6fc6ecbdfca49467aabeb454f08d152d7818143a906bd31dde995',
      'zh.json': '80c2cde7b9c2fb134c303cbb52f2ba396ead9eb0014aec43993543d2ba9e93ed',
    },
  },
  'mlqa-r': {
    name: 'MLQA-R',
    folder: 'mlqa-dev-r',
    licence: 'CC BY-SA 3.0 (MLQA)',
    files: Object.fromEntries(['ar', 'de', 'en', 'es', 'hi', 'vi', 'zh'].map((l) => [`${l}.json`, null])),
  },
};

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
  const base = `${(opts.host ?? DEFAULT_HOST).replace(/\/+$/, '')}/${REPO_PATH}/${set.folder}/`;
  const folder = path.join(opts.outDir ?? path.join(ROOT, 'public', 'data'), opts.dataset);
  const texts: Record<string, Buffer> = {};
  for (const [file, sum] of Object.entries(set.files)) {
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
    if (sum && got !== sum) throw new DataFetchError(`${url}: SHA-256 ${got} differs from the pinned ${sum}; nothing was written`);
    texts[file] = bytes;
    log(`  ${file}: ${(bytes.length / 1e6).toFixed(2)} MB${sum ? ', checksum ok' : ''}`);
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const [file, bytes] of Object.entries(texts)) await writeFile(path.join(folder, file), bytes);
  const manifest = { format: 'squad', name: set.name, files: Object.keys(set.files), licence: set.licence, source: base };
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
    process.stderr.write(`done: ${folder} (open /data/${path.basename(folder)}/ in the app, or --data ${path.relative(process.cwd(), folder)} on the command line)\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return e instanceof DataFetchError ? 2 : 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
