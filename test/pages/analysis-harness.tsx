/**
 * Test page for the analysis view (analysis-harness.html): evaluates BM25 and a character-trigram
 * hashing retriever on the demo corpus, in the page, and renders AnalysisView with both reports
 * and an embedding map. The trigram vectors are a stand-in so the map has real vectors without
 * model weights; they are not a model, and the page says so. URL parameters:
 *   ?compare=0   one report only      ?presenter=1  presenter mode
 *   ?renderer=canvas|svg              ?method=umap  open the map on UMAP
 *   ?records=0   the first report without per-question records (as metrics.json)
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadCorpus } from '../../src/core/corpus/load-corpus';
import type { Corpus } from '../../src/core/corpus/types';
import { evaluateCorpus } from '../../src/core/evaluation/evaluate-corpus';
import type { EvalReport } from '../../src/core/evaluation/eval-report';
import { withoutQueries } from '../../src/core/evaluation/summarise-report';
import { createBm25Retriever } from '../../src/core/retrieval/bm25';
import { createDenseRetriever } from '../../src/core/retrieval/dense-retriever';
import type { Encoder } from '../../src/core/retrieval/types';
import { createUrlSource } from '../../src/core/corpus/url-source';
import { AnalysisView } from '../../src/app/features/analysis/analysis-view';
import type { ExportedFile } from '../../src/app/shared/download';
import type { EmbeddingMapItem } from '../../src/app/features/analysis/embedding-map';

declare global {
  interface Window {
    harnessReady?: boolean;
    harnessError?: string;
    harnessReports?: EvalReport[];
    /** Every file the view exported: name, type, size, first bytes (hex) and, for text, the text. */
    harnessExports?: { name: string; type: string; size: number; head: string; text?: string; base64?: string }[];
  }
}

const DIM = 256;

/** Hashed character trigrams of the lower-cased text, L2-normalised: shares only spelling across languages. */
function trigramEncoder(): Encoder {
  return {
    id: 'char-3gram-hash-256',
    dim: DIM,
    async embed(texts) {
      const out = new Float32Array(texts.length * DIM);
      texts.forEach((text, r) => {
        const t = ` ${text.toLowerCase().normalize('NFKC')} `;
        const chars = Array.from(t);
        for (let i = 0; i + 3 <= chars.length; i++) {
          let h = 2166136261;
          for (const c of chars.slice(i, i + 3).join('')) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
          out[r * DIM + ((h >>> 0) % DIM)] += 1;
        }
        let norm = 0;
        for (let j = 0; j < DIM; j++) norm += out[r * DIM + j] ** 2;
        norm = Math.sqrt(norm) || 1;
        for (let j = 0; j < DIM; j++) out[r * DIM + j] /= norm;
      });
      return out;
    },
  };
}

async function recordExport(file: ExportedFile): Promise<void> {
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
  const text = /^(text|application\/json)/.test(file.blob.type) ? new TextDecoder().decode(bytes) : undefined;
  let binary = '';
  if (file.blob.type === 'image/png') for (const b of bytes) binary += String.fromCharCode(b);
  const base64 = binary ? btoa(binary) : undefined;
  (window.harnessExports ??= []).push({ name: file.name, type: file.blob.type, size: bytes.length, head, text, base64 });
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  if (params.get('presenter') === '1') document.documentElement.classList.add('presenter');
  const { corpus } = await loadCorpus(createUrlSource(`${import.meta.env.BASE_URL}data/demo/`), { files: ['corpus.jsonl'], format: 'jsonl' });
  const encoder = trigramEncoder();
  const dense = createDenseRetriever(encoder, { name: 'char-3gram hash (stand-in)' });
  const bm25Report = await evaluateCorpus(corpus, createBm25Retriever());
  const report = params.get('records') === '0' ? withoutQueries(bm25Report) : bm25Report;
  const compare = params.get('compare') === '0' ? undefined : await evaluateCorpus(corpus, dense);
  window.harnessReports = compare ? [report, compare] : [report];

  const passages = corpus.passages;
  const vectors = await dense.embedPassages(passages);
  const items: EmbeddingMapItem[] = passages.map((p) => ({ id: p.id, lang: p.lang, text: p.text, group: p.group, kind: 'passage' }));
  const question = corpus.questions.find((q) => q.id === (params.get('question') ?? 'q-42.en')) ?? corpus.questions[0];
  const queryVector = await encoder.embed([question.text], 'query');

  render(corpus, report, compare, {
    vectors,
    dim: DIM,
    items,
    highlight: { queryVector, answerIds: question.relevant },
    source: `${encoder.id} (harness stand-in, not a model) on ${corpus.name}; question ${question.id}`,
    renderer: (params.get('renderer') as 'svg' | 'canvas' | null) ?? 'auto',
    initialMethod: params.get('method') === 'umap' ? 'umap' : 'pca',
  });
}

function render(corpus: Corpus, report: EvalReport, compare: EvalReport | undefined, embedding: Parameters<typeof AnalysisView>[0]['embedding']) {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AnalysisView report={report} compare={compare} corpus={corpus} onExport={(f) => void recordExport(f)} embedding={embedding} />
    </StrictMode>,
  );
  requestAnimationFrame(() => (window.harnessReady = true));
}

main().catch((e: unknown) => {
  window.harnessError = e instanceof Error ? `${e.message}\n${e.stack}` : String(e);
  document.getElementById('root')!.textContent = `Harness failed: ${window.harnessError}`;
});
