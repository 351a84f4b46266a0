/** Opens a corpus for the page from a preset, a URL or picked files, within the page's limits. */
import { CorpusError } from '../../../core/corpus/corpus-error';
import { loadCorpus } from '../../../core/corpus/load-corpus';
import type { LoadedCorpus } from '../../../core/corpus/loaded-corpus';
import { createMemorySource } from '../../../core/corpus/memory-source';
import type { FileSource } from '../../../core/corpus/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import { createUrlSource } from '../../../core/corpus/url-source';
import { checkCorpusSize, checkInputSize } from '../../../core/evaluation/corpus-limits';
import { corpusUrlAllowed } from '../../../core/security/content-security-policy';
import type { CorpusRef } from '../../../core/view-state/view-state';
import { findPreset } from './corpus-presets';

/** What the page says when a corpus cannot be opened. */
export interface CorpusProblem {
  /** What was being opened: a preset's label, a URL, the picked folder's name. */
  source: string;
  message: string;
  /** From a CorpusError: the file, where in it, what was expected. */
  file?: string;
  where?: string;
  expected?: string;
}

export class CorpusTooLarge extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorpusTooLarge';
  }
}

/** A fetch that gives up when the signal aborts. */
function fetchWith(signal: AbortSignal | undefined, base: typeof fetch = fetch): typeof fetch {
  return (input, init) => base(input, { ...init, signal });
}

export function describeCorpusRef(ref: CorpusRef, files?: readonly File[]): string {
  if (ref.kind === 'preset') return findPreset(ref.id)?.label ?? ref.id;
  if (ref.kind === 'url') return ref.url;
  return files?.length === 1 ? files[0].name : ref.name;
}

/** Says when each file has been read and its parsing starts (the loader parses right after readText). */
function announceParsing(source: FileSource, onProgress?: (p: ProgressInfo) => void): FileSource {
  if (!onProgress) return source;
  return {
    ...source,
    readText: async (path) => {
      const text = await source.readText(path);
      onProgress({ stage: `Parsing ${path}…`, done: 0, total: 0 });
      return text;
    },
  };
}

/** Bytes received, for a person: "Reading en.json…" with a count when the size is known. */
function byteProgress(onProgress?: (p: ProgressInfo) => void) {
  return onProgress && ((file: string, received: number, total: number | null) => onProgress({ stage: `Reading ${file}…`, done: received, total: total ?? 0 }));
}

/**
 * Loads the corpus a ref names. Picked files are checked for size before they are read and every
 * corpus for passage count after; `dim` is the dense model's embedding size when one is chosen.
 */
export async function openCorpus(
  ref: CorpusRef,
  opts: { files?: readonly File[]; signal?: AbortSignal; dim?: number; onProgress?: (p: ProgressInfo) => void; fetch?: typeof fetch } = {},
): Promise<LoadedCorpus> {
  let loaded: LoadedCorpus;
  if (ref.kind === 'preset') {
    const preset = findPreset(ref.id);
    if (!preset) throw new Error(`there is no corpus preset "${ref.id}"`);
    const source = createUrlSource(preset.url, { fetch: fetchWith(opts.signal, opts.fetch), sha256: preset.sha256, onProgress: byteProgress(opts.onProgress) });
    loaded = await loadCorpus(announceParsing(source, opts.onProgress), { files: preset.files, format: preset.format, name: preset.name });
  } else if (ref.kind === 'url') {
    const source = createUrlSource(ref.url, { fetch: fetchWith(opts.signal, opts.fetch), onProgress: byteProgress(opts.onProgress) });
    loaded = await loadCorpus(announceParsing(source, opts.onProgress), { format: ref.format });
  } else {
    const files = opts.files ?? [];
    if (files.length === 0) throw new Error(`the files of "${ref.name}" were picked on another visit; pick them again (a link cannot carry files)`);
    const tooBig = checkInputSize(files.reduce((n, f) => n + f.size, 0));
    if (tooBig) throw new CorpusTooLarge(tooBig);
    const source = createMemorySource(files, files.length === 1 ? files[0].name.replace(/\.[^.]+$/, '') : undefined);
    loaded = await loadCorpus(announceParsing(source, opts.onProgress));
  }
  opts.signal?.throwIfAborted();
  const tooLarge = checkCorpusSize(loaded.corpus.passages.length, opts.dim);
  if (tooLarge) throw new CorpusTooLarge(`${loaded.corpus.name}: ${tooLarge}`);
  return loaded;
}

/**
 * The other site a linked corpus would be fetched from (a URL on another origin, or a preset
 * hosted elsewhere), or null when it is this site's own. A link must not make the page contact
 * another site before the person agrees (it would tell that site who opened the link).
 */
export function foreignOrigin(ref: CorpusRef, pageUrl: string): string | null {
  const url = ref.kind === 'url' ? ref.url : ref.kind === 'preset' ? findPreset(ref.id)?.url : undefined;
  if (url === undefined) return null;
  try {
    const origin = new URL(url, pageUrl).origin;
    return origin === new URL(pageUrl).origin ? null : origin;
  } catch {
    return null;
  }
}

export function describeCorpusProblem(e: unknown, source: string): CorpusProblem {
  const message = e instanceof Error ? e.message : String(e);
  // url-source reports "GET <url>: Failed to fetch" for network and CORS failures, also inside a CorpusError.
  const failed = /Failed to fetch|NetworkError|Load failed/i.test(message);
  const unreachable = !failed
    ? ''
    : blockedByPolicy(source)
      ? ` This site's Content-Security-Policy lets the page fetch only from itself, the model hub and raw.githubusercontent.com, so the browser refused ${new URL(source).origin}: download the files and use "Pick files", or ask the site's host to add that origin to connect-src (README, "Hosting").`
      : ' The server could not be reached: offline, a wrong address, or a site that does not allow cross-site requests.';
  const text = unreachable && !/[.!?]$/.test(message) ? `${message}.${unreachable}` : message + unreachable;
  if (e instanceof CorpusError) return { source, message: text, file: e.file, where: e.where, expected: e.expected };
  return { source, message: text };
}

/** A typed corpus URL on a host the page's connect-src does not list (the browser refuses the fetch). */
function blockedByPolicy(source: string): boolean {
  return /^https?:\/\//i.test(source) && typeof location !== 'undefined' && !corpusUrlAllowed(source, location.origin);
}
