/**
 * One entry point for every corpus layout: find the files, pick the format, load.
 * Sources that can list their files (a folder, picked files) need nothing more. A URL cannot be
 * listed, so either the caller passes `files` (and maybe `format`), or the base URL serves a
 * manifest.json: {"format": "squad" | "beir" | "jsonl", "files": ["en.json", ...], "name"?: "..."}.
 */
import { looksLikeBeir, loadBeirCorpus } from './beir-loader';
import { CorpusError } from './corpus-error';
import { listJsonlFiles, loadJsonlCorpus } from './jsonl-loader';
import type { CorpusFormat, LoadedCorpus } from './loaded-corpus';
import { isObject, optionalString, optionalStringArray, parseJsonFile } from './read-json';
import { listSquadFiles, loadSquadCorpus } from './squad-loader';
import type { FileSource } from './types';
import { UnreachableError } from './url-source';

export const MANIFEST_FILE = 'manifest.json';
const FORMATS: readonly CorpusFormat[] = ['squad', 'beir', 'jsonl'];

export interface LoadCorpusOptions {
  /** Skip detection. */
  format?: CorpusFormat;
  /** The files to read, for sources that cannot list them (URLs) when there is no manifest.json. */
  files?: string[];
  /** Corpus name; default from the manifest or meta record, else the source label's last segment. */
  name?: string;
  /** BEIR qrels split; default "test", else the only one. */
  split?: string;
}

export interface DetectedCorpus {
  format: CorpusFormat;
  files: string[];
  /** A name the manifest gave, if any. */
  name?: string;
}

/** The format a file list looks like, or null. BEIR wins over plain JSONL when queries or qrels exist. */
export function guessCorpusFormat(files: readonly string[]): CorpusFormat | null {
  if (looksLikeBeir(files)) return 'beir';
  if (listJsonlFiles(files).length > 0) return 'jsonl';
  if (listSquadFiles(files).length > 0) return 'squad';
  return null;
}

async function readManifest(source: FileSource): Promise<{ format?: CorpusFormat; files: string[]; name?: string }> {
  let text: string;
  try {
    text = await source.readText(MANIFEST_FILE);
  } catch (e) {
    // An unreachable host is not a missing manifest: say which it is.
    if (e instanceof UnreachableError || (e instanceof CorpusError && e.file === MANIFEST_FILE)) throw e;
    throw new CorpusError(
      source.label,
      '',
      `a file list: pass the file names (and format) explicitly, or serve ${MANIFEST_FILE} {"format", "files"} there`,
      `cannot list files, and no ${MANIFEST_FILE} (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const value = parseJsonFile(MANIFEST_FILE, text);
  if (!isObject(value)) throw new CorpusError(MANIFEST_FILE, '(top level)', 'an object {"format", "files"}');
  const files = optionalStringArray(value, 'files', MANIFEST_FILE, '');
  if (!files || files.length === 0) throw new CorpusError(MANIFEST_FILE, 'files', 'a non-empty array of relative file paths');
  const format = optionalString(value, 'format', MANIFEST_FILE, '');
  if (format !== undefined && !FORMATS.includes(format as CorpusFormat)) {
    throw new CorpusError(MANIFEST_FILE, 'format', `one of ${FORMATS.join(', ')}`, `unknown format "${format}"`);
  }
  return { format: format as CorpusFormat | undefined, files, name: optionalString(value, 'name', MANIFEST_FILE, '') };
}

/** Find the files and the format of a corpus source. */
export async function detectCorpusFormat(source: FileSource, opts: Pick<LoadCorpusOptions, 'format' | 'files'> = {}): Promise<DetectedCorpus> {
  let files = opts.files ?? (await source.list());
  let manifest: Awaited<ReturnType<typeof readManifest>> | undefined;
  // A manifest speaks for its folder wherever it is found (data:fetch and the dev server write one).
  if (files === null || (!opts.files && files.includes(MANIFEST_FILE))) {
    manifest = await readManifest(source);
    files = manifest.files;
  }
  const format = opts.format ?? manifest?.format ?? guessCorpusFormat(files);
  if (!format) {
    const shown = files.slice(0, 8).join(', ') + (files.length > 8 ? ', ...' : '');
    throw new CorpusError(
      source.label,
      '',
      '<lang>.json files (XQuAD-R, MLQA-R), a BEIR folder (corpus.jsonl, queries.jsonl, qrels/<split>.tsv) or .jsonl passage/question records',
      `cannot tell the corpus format from the files [${shown}]`,
    );
  }
  return { format, files, name: manifest?.name };
}

/** Load a corpus from any source, whatever its layout; a complete corpus or a CorpusError. */
export async function loadCorpus(source: FileSource, opts: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const detected = await detectCorpusFormat(source, opts);
  const name = opts.name ?? detected.name;
  switch (detected.format) {
    case 'squad':
      return loadSquadCorpus(source, detected.files, { name });
    case 'beir':
      return loadBeirCorpus(source, detected.files, { name, split: opts.split });
    case 'jsonl':
      return loadJsonlCorpus(source, detected.files, { name });
  }
}
