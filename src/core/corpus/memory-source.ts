import { decodeUtf8 } from './decode-utf8';
import type { FileSource, TextFile } from './types';

/** What a browser File offers that we need (a File fits this; so does a test double). */
export interface PickedFile {
  name: string;
  /** Set when the user picked a folder: "xquad-r/en.json". */
  webkitRelativePath?: string;
  text(): Promise<string>;
  /** A browser File has it; when present the bytes are decoded strictly (decodeUtf8). */
  arrayBuffer?(): Promise<ArrayBuffer>;
}

function isTextFile(f: PickedFile | TextFile): f is TextFile {
  return typeof (f as TextFile).text === 'string';
}

/**
 * A FileSource over files the user picked (File objects) or texts already in memory
 * ({name, text} pairs, e.g. from toBeirFiles). Paths use "/"; when every file sits in the same
 * top folder (a picked folder "xquad-r/..."), that folder is dropped so paths start inside it,
 * and it becomes the label (and so the default corpus name) unless one is given.
 */
export function createMemorySource(files: ReadonlyArray<PickedFile | TextFile>, label?: string): FileSource {
  const paths = files.map((f) => ((!isTextFile(f) && f.webkitRelativePath) || f.name).replace(/\\/g, '/'));
  const top = commonTopFolder(paths);
  const name = label ?? top ?? 'picked files';
  const byPath = new Map<string, PickedFile | TextFile>();
  paths.forEach((p, i) => {
    const path = top ? p.slice(top.length + 1) : p;
    if (byPath.has(path)) throw new Error(`${name}: "${path}" was given twice`);
    byPath.set(path, files[i]);
  });
  return {
    label: name,
    list: async () => [...byPath.keys()].sort(),
    readText: async (path) => {
      const file = byPath.get(path);
      if (!file) {
        const known = [...byPath.keys()].sort();
        const shown = known.slice(0, 10).join(', ') + (known.length > 10 ? ', ...' : '');
        throw new Error(`${name}: no file "${path}" (have ${shown})`);
      }
      if (isTextFile(file)) return file.text;
      // File.text() would turn invalid UTF-8 into U+FFFD silently.
      return file.arrayBuffer ? decodeUtf8(path, await file.arrayBuffer()) : file.text();
    },
  };
}

function commonTopFolder(paths: string[]): string | null {
  if (paths.length === 0) return null;
  const first = paths[0].split('/')[0];
  return paths.every((p) => p.includes('/') && p.split('/')[0] === first) ? first : null;
}
