/**
 * A local stand-in for the Hugging Face hub's file server, shared by the Node tests (transformers.js'
 * remote loading, `npm run models:fetch -- --host`) and the browser tests (remote loading in a
 * worker, resuming from the Cache API after a reload). It serves model folders under the hub's URL
 * layout, `GET|HEAD /<owner>/<name>/resolve/<revision>/<file>`, as the hub does:
 * - files over `redirectOver` bytes answer 302 to a second URL (`/cdn/...`; the hub sends LFS/Xet
 *   files to its CDN) with X-Linked-Size and X-Linked-ETag; smaller ones answer 200 directly;
 * - every answer has Content-Length; a byte range (transformers.js asks for byte 0 to learn a
 *   file's size) answers 206 with Content-Range;
 * - a file the repo lacks (a dtype it has no file for) is a 404 with X-Error-Code EntryNotFound, an
 *   unknown repo a 404 with RepoNotFound;
 * - CORS: every answer allows any origin and the preflight (OPTIONS) answers 204, so a
 *   cross-origin-isolated page on another port can read it.
 * `hold(file)` keeps a file's downloads waiting until released (a size probe still answers), to
 * cut a download short.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface HubLayoutServer {
  /** "http://localhost:<port>" (no trailing slash). */
  url: string;
  /** "<status> <METHOD> <path>" for every answer, in order (a held file is logged once answered). */
  log: string[];
  /** "<METHOD> <path>" for every request as it arrives. */
  requests: string[];
  /** Holds every download (not a byte-range probe) of paths ending in `file` until the returned function is called. */
  hold(file: string): () => void;
  close(): Promise<void>;
}

export interface HubLayoutOptions {
  /** Hub id ("owner/name") -> the folder whose files it serves. */
  repos: Record<string, string>;
  /** Files larger than this many bytes are redirected (default 100 kB). */
  redirectOver?: number;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, ETag, X-Error-Code, X-Linked-Size',
  'Cross-Origin-Resource-Policy': 'cross-origin',
};

export async function startHubLayoutServer(opts: HubLayoutOptions): Promise<HubLayoutServer> {
  const redirectOver = opts.redirectOver ?? 100_000;
  const log: string[] = [];
  const requests: string[] = [];
  const holds = new Map<string, Promise<void>>();

  const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string> = {}, body = '') => {
    log.push(`${status} ${req.method} ${new URL(req.url ?? '/', 'http://localhost').pathname}`);
    res.writeHead(status, { ...CORS, 'Content-Length': String(Buffer.byteLength(body)), ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: string, size: number) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const headers = { ...CORS, 'Content-Type': 'application/octet-stream', ETag: `"${size}"`, 'Accept-Ranges': 'bytes' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
      if (start >= size) return send(req, res, 416, { 'Content-Range': `bytes */${size}` });
      log.push(`206 ${req.method} ${pathname}`);
      res.writeHead(206, { ...headers, 'Content-Length': String(end - start + 1), 'Content-Range': `bytes ${start}-${end}/${size}` });
      if (req.method === 'HEAD') return res.end();
      return createReadStream(file, { start, end }).pipe(res);
    }
    log.push(`200 ${req.method} ${pathname}`);
    res.writeHead(200, { ...headers, 'Content-Length': String(size) });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  };

  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    if (req.method === 'OPTIONS') return send(req, res, 204);
    if (url.pathname === '/') return send(req, res, 200, { 'Content-Type': 'text/plain' }, 'local hub');
    // /cdn/<id>/resolve/<revision>/<file>: where large files are redirected to; the same bytes.
    const fromCdn = url.pathname.startsWith('/cdn/');
    const parts = /^\/(?:cdn\/)?([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(decodeURIComponent(url.pathname));
    if (!parts) return send(req, res, 404, { 'Content-Type': 'text/plain' }, 'not a hub file URL');
    const folder = opts.repos[parts[1]];
    if (!folder) return send(req, res, 404, { 'Content-Type': 'text/plain', 'X-Error-Code': 'RepoNotFound' }, 'Repository not found');
    const file = path.join(folder, parts[3]);
    const info = file.startsWith(folder + path.sep) ? await stat(file).catch(() => null) : null;
    if (!info?.isFile()) return send(req, res, 404, { 'Content-Type': 'text/plain', 'X-Error-Code': 'EntryNotFound' }, 'Entry not found');
    // A held file still answers a size probe (a byte range): only its download hangs.
    const held = req.headers.range ? undefined : [...holds].find(([suffix]) => url.pathname.endsWith(suffix));
    if (held) await held[1];
    if (!fromCdn && info.size > redirectOver) {
      return send(req, res, 302, { Location: `${hubUrl}/cdn${url.pathname}`, 'X-Linked-Size': String(info.size), 'X-Linked-ETag': `"${info.size}"` });
    }
    sendFile(req, res, file, info.size);
  };

  const server = createServer((req, res) => {
    // A client that went away (a page reloaded mid-download) must not take the server down.
    res.on('error', () => undefined);
    answer(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const hubUrl = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: hubUrl,
    log,
    requests,
    hold(file) {
      let release!: () => void;
      holds.set(file, new Promise<void>((resolve) => (release = resolve)));
      return () => {
        holds.delete(file);
        release();
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [file] of holds) holds.delete(file);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
