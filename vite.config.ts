import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connect, Plugin } from 'vite';

// COOP/COEP make the page cross-origin isolated, so onnxruntime-web can use WASM threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), sharedDataPlugin()],
  server: { headers: isolation, fs: { allow: ['..'] } },
  preview: { headers: isolation },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@huggingface/transformers'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    // The encoder test page (encoder-harness.html) is a second entry, so e2e tests and
    // `npm run bench:embed` can drive the built encoder; analysis-harness.html renders the analysis view,
    // training-harness.html the training panel.
    rolldownOptions: { input: { main: 'index.html', harness: 'encoder-harness.html', analysis: 'analysis-harness.html', training: 'training-harness.html' } },
  },
});

/**
 * Local servers only (`npm run dev`, `npm run preview`; never the built site): ../shared/data
 * under /dev-data/, so the app can open the development copy of XQuAD-R by URL. A folder without
 * a manifest.json gets one listing its data files, which is what loadCorpus asks a URL for.
 */
function sharedDataPlugin(): Plugin {
  const root = fileURLToPath(new URL('../shared/data/', import.meta.url));
  const serve: Connect.NextHandleFunction = (req, res, next) => {
    const url = decodeURIComponent((req.url ?? '').split('?')[0]);
    if (!url.startsWith('/dev-data/') || !existsSync(root)) return next();
    const file = path.resolve(root, `.${url.slice('/dev-data'.length)}`);
    if (!file.startsWith(root)) return next();
    const dir = path.dirname(file);
    let body: Buffer | string;
    if (existsSync(file) && statSync(file).isFile()) body = readFileSync(file);
    else if (path.basename(file) === 'manifest.json' && existsSync(dir) && statSync(dir).isDirectory()) {
      const files = readdirSync(dir).filter((f) => /\.(json|jsonl|tsv)$/.test(f)).sort();
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
