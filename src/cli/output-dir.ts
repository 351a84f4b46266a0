import { createWriteStream, type WriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { CliError } from './cli-error';

/** What a file-system error code means, in words a person can act on. */
const FS_CODES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'name too long',
  ENOTEMPTY: 'is a folder that is not empty',
};

/** One line for a Node file-system error: "<what>: <meaning> (<CODE>)". */
export function fsErrorLine(what: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code) return `${what}: ${FS_CODES[code] ?? 'file system error'} (${code})`;
  return `${what}: ${e instanceof Error ? e.message : String(e)}`;
}

export interface OutputDir {
  /** A stream to a file that appears under its name only at commit(); write errors surface at commit(). */
  stream(name: string): WriteStream;
  write(name: string, data: string | Uint8Array): Promise<void>;
  /** Close the streams and move every file into place; earlier files of those names are replaced. */
  commit(): Promise<string[]>;
  /** Remove what this run wrote; the folder is left as it was. */
  abort(): Promise<void>;
}

/**
 * The --out folder of one run. Checked before any work (a file, under a file, unwritable, or not
 * empty without --force), then written through a hidden temporary folder inside it, so an error
 * or Ctrl-C never leaves half-written runs beside an earlier metrics.json.
 */
export async function openOutputDir(out: string, opts: { force?: boolean; flag?: string } = {}): Promise<OutputDir> {
  const flag = opts.flag ?? '--out';
  const info = await stat(out).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? null : Promise.reject(new CliError(fsErrorLine(`${flag} ${out}`, e))),
  );
  if (info && !info.isDirectory()) throw new CliError(`${flag} ${out}: is a file; give a folder (it is created when missing)`);
  if (!info) await mkdir(out, { recursive: true }).catch((e) => Promise.reject(new CliError(fsErrorLine(`${flag} ${out}: cannot create the folder`, e))));
  const entries = (await readdir(out).catch((e) => Promise.reject(new CliError(fsErrorLine(`${flag} ${out}`, e))))).filter((n) => !n.startsWith('.partial-'));
  if (entries.length > 0 && !opts.force) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', ...' : '');
    throw new CliError(`${flag} ${out}: the folder is not empty (${shown}); give a new or empty folder, or add --force to replace the files this run writes`);
  }
  const temp = await mkdtemp(path.join(out, '.partial-')).catch((e) => Promise.reject(new CliError(fsErrorLine(`${flag} ${out}: cannot write there`, e))));
  const names: string[] = [];
  const streams: Array<{ stream: WriteStream; error: Error | null }> = [];
  let done = false;
  const abort = async () => {
    if (done) return;
    done = true;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    for (const s of streams) s.stream.destroy();
    await rm(temp, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void abort().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const fail = async (what: string, e: unknown): Promise<never> => {
    await abort();
    throw new CliError(fsErrorLine(what, e));
  };
  return {
    stream(name) {
      names.push(name);
      const entry = { stream: createWriteStream(path.join(temp, name)), error: null as Error | null };
      // Without a listener a failed write is an "Unhandled 'error' event" crash.
      entry.stream.on('error', (e) => (entry.error ??= e));
      streams.push(entry);
      return entry.stream;
    },
    async write(name, data) {
      names.push(name);
      // A name may hold a subfolder ("qrels/test.tsv"): made inside the temporary folder, and in --out at commit.
      await mkdir(path.dirname(path.join(temp, name)), { recursive: true }).catch((e) => fail(`cannot write ${path.join(out, name)}`, e));
      await writeFile(path.join(temp, name), data).catch((e) => fail(`cannot write ${path.join(out, name)}`, e));
    },
    async commit() {
      for (const s of streams) {
        s.stream.end();
        await finished(s.stream).catch((e: Error) => (s.error ??= e));
        if (s.error) await fail(`cannot write ${path.join(out, path.basename(String(s.stream.path)))}`, s.error);
      }
      // Check every target first, so a folder in the way stops the run before anything is replaced.
      for (const name of names) {
        const target = await lstat(path.join(out, name)).catch(() => null);
        if (target?.isDirectory()) await fail(`cannot replace ${path.join(out, name)}`, Object.assign(new Error(), { code: 'EISDIR' }));
      }
      for (const name of names) {
        await mkdir(path.dirname(path.join(out, name)), { recursive: true }).catch((e) => fail(`cannot move ${name} into ${out}`, e));
        await rename(path.join(temp, name), path.join(out, name)).catch((e) => fail(`cannot move ${name} into ${out}`, e));
      }
      await abort();
      return names;
    },
    abort,
  };
}
