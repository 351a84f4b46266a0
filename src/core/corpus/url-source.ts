import { CorpusError } from './corpus-error';
import { decodeUtf8 } from './decode-utf8';
import { quoteValue } from './printable';
import type { FileSource } from './types';

/** Default cap on one file fetched from a URL: big enough for MLQA-R, small enough not to exhaust a tab. */
export const DEFAULT_URL_MAX_BYTES = 512 * 1024 * 1024;

export interface UrlSourceOptions {
  /** Defaults to the global fetch; injectable for tests and custom headers. */
  fetch?: typeof fetch;
  /** File path -> pinned SHA-256 (hex): a file whose bytes differ is refused, not read. */
  sha256?: Readonly<Record<string, string>>;
  /** Largest file read, in bytes; bigger files fail with a message saying so. */
  maxBytes?: number;
  /** Bytes received so far for one file (total from Content-Length, or null). */
  onProgress?: (file: string, received: number, total: number | null) => void;
}

/** The host could not be reached at all (DNS, refused, offline): said as such, not as a missing file. */
export class UnreachableError extends Error {
  constructor(url: string, cause: string) {
    super(`cannot reach ${url} (${cause})`);
    this.name = 'UnreachableError';
  }
}

/**
 * Why a corpus URL is refused, or null: only http(s) URLs and relative paths may be fetched, so
 * a link cannot make the page run javascript: or read data: / file: / blob: URLs.
 */
export function corpusUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (trimmed === '') return 'the URL is empty';
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed)?.[1];
  if (scheme !== undefined && !/^https?$/i.test(scheme))
    return `${quoteValue(`${scheme}:`, 20)} URLs are not allowed; use an http(s) URL or a path on this site`;
  return null;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Files under a base URL (absolute, or relative to the page). A URL cannot be listed, so
 * list() returns null and loadCorpus falls back to explicit file names or manifest.json.
 */
export function createUrlSource(baseUrl: string, opts: UrlSourceOptions = {}): FileSource {
  const refused = corpusUrlProblem(baseUrl);
  if (refused) throw new CorpusError(quoteValue(baseUrl, 60), '', 'an http(s) URL or a relative path', refused);
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const maxBytes = opts.maxBytes ?? DEFAULT_URL_MAX_BYTES;
  return {
    label: base,
    list: async () => null,
    readText: async (path) => {
      const url = base + path.split('/').map(encodeURIComponent).join('/');
      const doFetch = opts.fetch ?? globalThis.fetch;
      let response: Response;
      try {
        response = await doFetch(url);
      } catch (e) {
        if (e instanceof Error && e.name === 'AbortError') throw e;
        // Node's fetch says only "fetch failed"; the cause holds ECONNREFUSED, ENOTFOUND, ...
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        const detail = cause?.code ?? cause?.message;
        throw new UnreachableError(url, `${e instanceof Error ? e.message : String(e)}${detail ? `: ${detail}` : ''}`);
      }
      if (!response.ok) {
        throw new Error(`GET ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const bytes = await readCapped(response, url, maxBytes, (received, total) => opts.onProgress?.(path, received, total));
      const pinned = opts.sha256?.[path];
      if (pinned) {
        const got = await sha256Hex(bytes);
        if (got !== pinned) throw new Error(`GET ${url}: SHA-256 ${got} differs from the pinned ${pinned}; the file was not used`);
      }
      return decodeUtf8(path, bytes);
    },
  };
}

function tooBig(url: string, maxBytes: number): Error {
  const mb = (maxBytes / 1024 / 1024).toFixed(0);
  return new Error(`GET ${url}: the file is larger than the ${mb} MB limit for corpora loaded from a URL; download it and open it as a file instead`);
}

/** The body, refusing to hold more than maxBytes (checked against Content-Length first, then as it streams). */
async function readCapped(
  response: Response,
  url: string,
  maxBytes: number,
  onProgress: (received: number, total: number | null) => void,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  if (total !== null && total > maxBytes) {
    await response.body?.cancel();
    throw tooBig(url, maxBytes);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.length;
    if (received > maxBytes) {
      await reader.cancel();
      throw tooBig(url, maxBytes);
    }
    chunks.push(value);
    onProgress(received, total);
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
