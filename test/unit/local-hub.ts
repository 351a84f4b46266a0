// A local stand-in for the Hugging Face hub's file server (node:http on 127.0.0.1), serving model
// folders under the hub's URL layout: GET/HEAD /<owner>/<name>/resolve/main/<file>. As the hub
// does, large files answer with a 302 redirect to another URL (the hub sends LFS/Xet files to a
// CDN host) carrying the linked size, small ones answer 200 directly; every answer has a
// Content-Length; a file the repo lacks is a 404 with X-Error-Code EntryNotFound, an unknown
// repo a 404 with RepoNotFound. Used by the hub-layout tests (Node) and usable by browser tests.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';

export interface LocalHub {
  /** "http://127.0.0.1:<port>" (no trailing slash). */
  url: string;
  /** "<status> <method> <path>" for every request, in order. */
  log: string[];
  close(): Promise<void>;
}

export interface LocalHubOptions {
  /** Files larger than this many bytes are redirected (default 100 KB). */
  redirectOver?: number;
}

/** `repos`: hub id ("owner/name") -> the folder whose files it serves. */
export async function startLocalHub(repos: Record<string, string>, opts: LocalHubOptions = {}): Promise<LocalHub> {
  const redirectOver = opts.redirectOver ?? 100_000;
  const log: string[] = [];
  const send = (req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body = '') => {
    log.push(`${status} ${req.method} ${req.url}`);
    res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), 'Access-Control-Allow-Origin': '*', ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
  const sendFile = (req: IncomingMessage, res: ServerResponse, file: string) => {
    const size = statSync(file).size;
    log.push(`200 ${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Length': String(size), 'Content-Type': 'application/octet-stream', 'Access-Control-Allow-Origin': '*', ETag: `"${size}"` });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const parts = url.pathname.split('/').map(decodeURIComponent);
    if (url.pathname === '/') return send(req, res, 200, { 'Content-Type': 'text/plain' }, 'local hub');
    // /cdn/<owner>/<name>/<file...>: where large files are redirected to.
    if (parts[1] === 'cdn') {
      const folder = repos[`${parts[2]}/${parts[3]}`];
      const file = folder && path.join(folder, ...parts.slice(4));
      if (file && existsSync(file)) return sendFile(req, res, file);
      return send(req, res, 404, { 'Content-Type': 'text/plain' }, 'not found');
    }
    // /<owner>/<name>/resolve/main/<file...>
    const [, owner, name, resolve, revision, ...rest] = parts;
    if (resolve !== 'resolve' || revision !== 'main' || rest.length === 0) return send(req, res, 404, { 'Content-Type': 'text/plain' }, 'not a hub file URL');
    const folder = repos[`${owner}/${name}`];
    if (!folder) return send(req, res, 404, { 'X-Error-Code': 'RepoNotFound', 'Content-Type': 'text/plain' }, 'Repository not found');
    const file = path.join(folder, ...rest);
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      return send(req, res, 404, { 'X-Error-Code': 'EntryNotFound', 'Content-Type': 'text/plain' }, 'Entry not found');
    }
    const size = statSync(file).size;
    if (size > redirectOver) {
      return send(req, res, 302, { Location: `${hubUrl}/cdn/${owner}/${name}/${rest.join('/')}`, 'X-Linked-Size': String(size), 'X-Linked-ETag': `"${size}"` });
    }
    return sendFile(req, res, file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hubUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return {
    url: hubUrl,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
