import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFixtureFiles } from '../../../test/fixtures/corpus/sources';
import { loadCorpus } from './load-corpus';
import { createUrlSource } from './url-source';

/** A fetch that serves a few files under one base URL and 404s the rest. */
function serve(base: string, files: Record<string, string>) {
  const requested: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    requested.push(url);
    const path = url.startsWith(base) ? decodeURIComponent(url.slice(base.length)) : '';
    return path in files ? new Response(files[path]) : new Response('nope', { status: 404, statusText: 'Not Found' });
  });
  return { fetch, requested };
}

afterEach(() => vi.unstubAllGlobals());

describe('createUrlSource', () => {
  it('cannot list, and reads files below the base URL with path segments encoded', async () => {
    const { fetch, requested } = serve('https://example.org/data/', { 'qrels/test split.tsv': 'x' });
    const source = createUrlSource('https://example.org/data', { fetch });
    expect(source.label).toBe('https://example.org/data/');
    expect(await source.list()).toBeNull();
    expect(await source.readText('qrels/test split.tsv')).toBe('x');
    expect(requested).toEqual(['https://example.org/data/qrels/test%20split.tsv']);
  });

  it('names the URL and the HTTP status when a file is missing', async () => {
    const { fetch } = serve('https://example.org/data/', {});
    await expect(createUrlSource('https://example.org/data/', { fetch }).readText('en.json')).rejects.toThrow(
      'GET https://example.org/data/en.json: HTTP 404 Not Found',
    );
  });

  it('names the URL when the network fails', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('fetch failed');
    });
    await expect(createUrlSource('/corpora/x/', { fetch }).readText('a.jsonl')).rejects.toThrow('cannot reach /corpora/x/a.jsonl (fetch failed)');
  });

  it('loads a corpus through the global fetch and a manifest.json', async () => {
    const files = Object.fromEntries((await readFixtureFiles('squad')).map((f) => [f.name, f.text]));
    files['manifest.json'] = JSON.stringify({ format: 'squad', files: ['de.json', 'en.json', 'es.json'] });
    const { fetch } = serve('https://example.org/xquad-r/', files);
    vi.stubGlobal('fetch', fetch);
    const { corpus } = await loadCorpus(createUrlSource('https://example.org/xquad-r/'));
    expect(corpus.name).toBe('xquad-r');
    expect(corpus.languages).toEqual(['de', 'en', 'es']);
    expect(fetch).toHaveBeenCalledTimes(4);
  });
});

const served: Record<string, string> = { 'https://example.org/d/en.json': '{"data":[]}' };
const fakeFetch = (async (url: string) =>
  url in served ? new Response(served[url]) : new Response('no', { status: 404, statusText: 'Not Found' })) as typeof fetch;
const sum = async (text: string) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, '0')).join('');

describe('createUrlSource with pinned SHA-256 sums', () => {
  it('reads a file whose bytes have the pinned sum', async () => {
    const source = createUrlSource('https://example.org/d', { fetch: fakeFetch, sha256: { 'en.json': await sum('{"data":[]}') } });
    expect(await source.readText('en.json')).toBe('{"data":[]}');
  });

  it('refuses a file with another sum, naming the URL and both sums', async () => {
    const pinned = '2132fbc03208535c0fe01f2e2c5121d06f9c2aa799af93b0a719dbc105bdf137';
    const source = createUrlSource('https://example.org/d/', { fetch: fakeFetch, sha256: { 'en.json': pinned } });
    await expect(source.readText('en.json')).rejects.toThrow(
      `GET https://example.org/d/en.json: SHA-256 ${await sum('{"data":[]}')} differs from the pinned ${pinned}; the file was not used`,
    );
    await expect(source.readText('de.json')).rejects.toThrow('GET https://example.org/d/de.json: HTTP 404 Not Found');
  });
});
