import type { FileSource } from './types';

export interface UrlSourceOptions {
  /** Defaults to the global fetch; injectable for tests and custom headers. */
  fetch?: typeof fetch;
  /** File path -> pinned SHA-256 (hex): a file whose bytes differ is refused, not read. */
  sha256?: Readonly<Record<string, string>>;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Files under a base URL (absolute, or relative to the page). A URL cannot be listed, so
 * list() returns null and loadCorpus falls back to explicit file names or manifest.json.
 */
export function createUrlSource(baseUrl: string, opts: UrlSourceOptions = {}): FileSource {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
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
        throw new Error(`GET ${url}: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (!response.ok) {
        throw new Error(`GET ${url}: HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
      }
      const pinned = opts.sha256?.[path];
      if (!pinned) return response.text();
      const bytes = await response.arrayBuffer();
      const got = await sha256Hex(bytes);
      if (got !== pinned) throw new Error(`GET ${url}: SHA-256 ${got} differs from the pinned ${pinned}; the file was not used`);
      return new TextDecoder().decode(bytes);
    },
  };
}
