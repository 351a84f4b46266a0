import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeUtf8 } from '../core/corpus/decode-utf8';
import type { FileSource } from '../core/corpus/types';

/**
 * A FileSource over a folder on disk. list() walks it recursively and returns relative POSIX
 * paths, sorted; dot-files and dot-folders (.git, .DS_Store) are left out; symlinks are followed.
 */
export function createFsSource(folder: string): FileSource {
  const root = path.resolve(folder);
  return {
    label: root,
    list: async () => (await walk(root, '')).sort(),
    readText: async (relative) => {
      const full = path.join(root, ...relative.split('/'));
      let bytes: Buffer;
      try {
        bytes = await readFile(full);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
        throw new Error(`cannot read ${full}: ${code}`);
      }
      return decodeUtf8(full, bytes);
    },
  };
}

async function walk(root: string, prefix: string): Promise<string[]> {
  const entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    // Follow symlinks (a linked data folder is common); stat says what they point at.
    const kind = entry.isSymbolicLink() ? await stat(path.join(root, relative)).catch(() => null) : entry;
    if (!kind) continue; // a dangling link
    if (kind.isDirectory()) out.push(...(await walk(root, relative)));
    else if (kind.isFile()) out.push(relative);
  }
  return out;
}
