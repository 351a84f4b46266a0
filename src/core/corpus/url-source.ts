import type { FileSource } from './types';

export interface UrlSourceOptions {
  /** Defaults to the global fetch; injectable for tests and custom headers. */
  fetch?: typeof fetch;
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
      return response.text();
    },
  };
}
