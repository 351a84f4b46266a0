import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';
import { contentSecurityPolicy } from './src/core/security/content-security-policy.ts';

// COOP/COEP make the page cross-origin isolated, so onnxruntime-web can use WASM threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The test pages (test/pages/*.html) drive the encoder, the analysis view and the training panel
 * for the end-to-end tests and the benchmarks. They exist only in test mode (`--mode test`, which
 * test/e2e/browser-harness.ts sets): `npm run build` puts only the app in dist/, and `npm run dev`
 * does not serve them.
 */
const TEST_PAGES = {
  encoder: 'test/pages/encoder-harness.html',
  analysis: 'test/pages/analysis-harness.html',
  training: 'test/pages/training-harness.html',
  scoring: 'test/pages/scoring-harness.html',
  comparison: 'test/pages/comparison-harness.html',
};

const PROJECT_ROOT = fileURLToPath(new URL('./', import.meta.url));
const SHARED_DATA = fileURLToPath(new URL('../shared/data/', import.meta.url));

/**
 * The Content-Security-Policy (src/core/security/content-security-policy.ts) goes in the built
 * page's meta tag and in every response of the dev and preview servers, workers included. Not in
 * test mode: the test pages load models from a stand-in hub on another localhost port.
 * The dev server's nonce changes at each start: it lets Vite's own inline preamble (React Fast
 * Refresh) and injected <style> elements run, nothing else.
 */
const DEV_NONCE = randomBytes(16).toString('base64');

export default defineConfig(({ mode, command, isPreview }) => {
  const csp = mode !== 'test';
  const dev = command === 'serve' && !isPreview;
  const policy = (nonce?: string) => (csp ? { 'Content-Security-Policy': contentSecurityPolicy({ delivery: 'header', nonce }) } : {});
  return {
    plugins: [react(), sharedDataPlugin(), testPagesOnlyIn(mode === 'test'), ...(csp ? [policyMetaTag()] : [])],
    html: csp && dev ? { cspNonce: DEV_NONCE } : undefined,
    // The dev server reads files from the project (node_modules included: each checkout has its
    // own) and, from outside it, only the shared data; '..' would serve the whole parent folder.
    server: { headers: { ...isolation, ...policy(DEV_NONCE) }, fs: { allow: [PROJECT_ROOT, SHARED_DATA] } },
    preview: { headers: { ...isolation, ...policy() } },
    worker: { format: 'es' },
    optimizeDeps: { exclude: ['@huggingface/transformers'] },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: mode === 'test' ? { main: 'index.html', ...TEST_PAGES } : { main: 'index.html' } },
    },
  };
});

/** The built page carries the policy itself, for hosts that cannot set headers (README, "Hosting"). */
function policyMetaTag(): Plugin {
  return {
    name: 'csp-meta-tag',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ delivery: 'meta' }) }, injectTo: 'head-prepend' },
    ],
  };
}

/** Outside test mode the dev and preview servers answer 404 for anything under /test/. */
function testPagesOnlyIn(testMode: boolean): Plugin {
  const guard: Connect.NextHandleFunction = (req, res, next) => {
    if (testMode || !(req.url ?? '').startsWith('/test/')) return next();
    res.statusCode = 404;
    res.end('The test pages are served only in test mode (vite --mode test).');
  };
  return {
    name: 'test-pages-only',
    configureServer: (server) => void server.middlewares.use(guard),
    configurePreviewServer: (server) => void server.middlewares.use(guard),
  };
}

/**
 * Local servers only (`npm run dev`, `npm run preview`; never the built site): ../shared/data
 * under /dev-data/, so the app can open the development copy of XQuAD-R by URL. A folder without
 * a manifest.json gets one listing its data files, which is what loadCorpus asks a URL for.
 */
function sharedDataPlugin(): Plugin {
  const root = SHARED_DATA;
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const raw = (req.url ?? '').split('?')[0];
    if (!raw.startsWith('/dev-data/')) return next();
    let url: string;
    try {
      url = decodeURIComponent(raw);
    } catch {
      // A malformed %-escape is the client's mistake: 400, not a 500 from the thrown URIError.
      res.statusCode = 400;
      res.end('Bad request: malformed %-escape in the path');
      return;
    }
    if (!existsSync(root)) return next();
    const file = path.resolve(root, `.${url.slice('/dev-data'.length)}`);
    if (!file.startsWith(root)) return next();
    const dir = path.dirname(file);
    let body: Buffer | string;
    if (existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    else if (path.basename(file) === 'manifest.json' && existsSync(dir) && statSync(dir).isDirectory()) {
      const files = readdirSync(dir)
        .filter((f) => /\.(json|jsonl|tsv)$/.test(f))
        .sort();
      body = JSON.stringify({ files, name: path.basename(dir) });
    } else return next();
    res.setHeader('Content-Type', file.endsWith('.tsv') ? 'text/tab-separated-values; charset=utf-8' : 'application/json; charset=utf-8');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.end(body);
  };
  return {
    name: 'shared-data',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}
