/**
 * A local stand-in for the Hugging Face hub's file URLs, for browser tests of remote loading:
 * `/<repo id>/resolve/<revision>/<file>` answered from a folder on disk, as the hub does it:
 * files over `redirectOver` bytes answer 302 to a second URL (the hub sends large files to its
 * CDN), every file answer carries Content-Length, a byte range (transformers.js asks for byte 0 to
 * learn a size) answers 206 with Content-Range, and a file that is not there answers 404. CORS
 * headers let a cross-origin-isolated page on another port read it.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface HubLayoutServer {
  /** http://localhost:<port> (no trailing slash). */
  host: string;
  /** Paths requested, in order (with the method, e.g. "GET /id/resolve/main/config.json"). */
  requests: string[];
  close(): Promise<void>;
}

export interface HubLayoutOptions {
  /** Repo id -> folder holding its files. An id not listed answers 404 for everything. */
  repos: Record<string, string>;
  /** Files larger than this answer with a redirect. Default 64 kB. */
  redirectOver?: number;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-expose-headers': 'content-length, content-range, etag',
  'cross-origin-resource-policy': 'cross-origin',
};

function answer(res: ServerResponse, status: number, headers: Record<string, string> = {}, body = ''): void {
  res.writeHead(status, { ...CORS, ...headers });
  res.end(body);
}

export async function startHubLayoutServer(opts: HubLayoutOptions): Promise<HubLayoutServer> {
  const redirectOver = opts.redirectOver ?? 64 * 1024;
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    if (req.method === 'OPTIONS') return answer(res, 204);
    // /cdn/... is where large files are redirected to; it serves the same bytes.
    const fromCdn = url.pathname.startsWith('/cdn/');
    const match = /^\/(?:cdn\/)?(.+?)\/resolve\/([^/]+)\/(.+)$/.exec(decodeURIComponent(url.pathname));
    const folder = match ? opts.repos[match[1]] : undefined;
    if (!match || !folder) return answer(res, 404, { 'content-type': 'text/plain' }, 'Repository not found');
    const file = path.join(folder, match[3]);
    if (!file.startsWith(folder + path.sep)) return answer(res, 404);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return answer(res, 404, { 'content-type': 'text/plain', 'x-error-code': 'EntryNotFound' }, 'Entry not found');
    if (!fromCdn && info.size > redirectOver) return answer(res, 302, { location: `/cdn${url.pathname}` });
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(info.size - 1, range[2] ? Number(range[2]) : info.size - 1);
      if (start >= info.size) return answer(res, 416, { 'content-range': `bytes */${info.size}` });
      res.writeHead(206, { ...CORS, 'content-length': String(end - start + 1), 'content-range': `bytes ${start}-${end}/${info.size}` });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { ...CORS, 'content-length': String(info.size), 'content-type': 'application/octet-stream' });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `http://localhost:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
