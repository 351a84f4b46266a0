/**
 * The dense encoder in Node on the committed fixture model (public/models/fixture/xlmr-tiny),
 * through transformers.js and onnxruntime-node, from the local folder only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJsonlCorpus } from '../core/corpus/jsonl-loader';
import { createMemorySource } from '../core/corpus/memory-source';
import type { Corpus } from '../core/corpus/types';
import { evaluateCorpus } from '../core/evaluation/evaluate-corpus';
import { createDenseRetriever } from '../core/retrieval/dense-retriever';
import { findModel } from './model-registry';
import { ModelError } from './model-error';
import { createNodeEncoder, resolveNodeModel, type NodeEncoder } from './node-encoder';

const FIXTURE_DIR = path.resolve(__dirname, '../../public/models/fixture/xlmr-tiny');
let corpus: Corpus;
const encoders: Partial<Record<'fp32' | 'fp16' | 'q8', NodeEncoder>> = {};

beforeAll(async () => {
  corpus = (
    await loadJsonlCorpus(
      createMemorySource([{ name: 'lexicon-corpus.jsonl', text: readFileSync(path.resolve(__dirname, '../../test/fixtures/lexicon-corpus.jsonl'), 'utf8') }]),
      ['lexicon-corpus.jsonl'],
    )
  ).corpus;
  for (const dtype of ['fp32', 'fp16', 'q8'] as const) encoders[dtype] = await createNodeEncoder(resolveNodeModel('fixture/xlmr-tiny'), { dtype });
});

afterAll(async () => {
  for (const e of Object.values(encoders)) await e?.dispose();
});

function rowNorms(rows: Float32Array, dim: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows.length; i += dim) out.push(Math.hypot(...rows.subarray(i, i + dim)));
  return out;
}

function rowCosines(a: Float32Array, b: Float32Array, dim: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i += dim) {
    let dot = 0;
    for (let j = 0; j < dim; j++) dot += a[i + j] * b[i + j];
    out.push(dot / (Math.hypot(...a.subarray(i, i + dim)) * Math.hypot(...b.subarray(i, i + dim))));
  }
  return out;
}

describe('createNodeEncoder on the fixture model', () => {
  it('gives one unit row of 64 numbers per text, in input order', async () => {
    const enc = encoders.fp32!;
    expect(enc.id).toBe('fixture/xlmr-tiny@fp32/mean');
    expect(enc.dim).toBe(64);
    const texts = corpus.passages.slice(0, 40).map((p) => p.text);
    const rows = await enc.embed(texts, 'passage');
    expect(rows.length).toBe(40 * 64);
    for (const n of rowNorms(rows, 64)) expect(n).toBeCloseTo(1, 5);
    // Order: embedding one text alone gives the same row as within the (length-sorted) batch.
    const alone = await enc.embed([texts[7]], 'passage');
    expect(rowCosines(alone, rows.subarray(7 * 64, 8 * 64), 64)[0]).toBeGreaterThan(0.9999);
    expect(await enc.embed([], 'query')).toHaveLength(0);
  });

  it('adds the registry prefixes: "query: " for questions, "passage: " for candidates', async () => {
    const raw = await pipeline('feature-extraction', FIXTURE_DIR, { dtype: 'fp32', device: 'cpu' });
    const text = corpus.questions[0].text;
    const [asQuery, asPassage] = [await encoders.fp32!.embed([text], 'query'), await encoders.fp32!.embed([text], 'passage')];
    const expectQuery = (await raw([`query: ${text}`], { pooling: 'mean', normalize: true })).data as Float32Array;
    const expectPassage = (await raw([`passage: ${text}`], { pooling: 'mean', normalize: true })).data as Float32Array;
    const bare = (await raw([text], { pooling: 'mean', normalize: true })).data as Float32Array;
    for (let j = 0; j < 64; j++) {
      expect(asQuery[j]).toBeCloseTo(expectQuery[j], 5);
      expect(asPassage[j]).toBeCloseTo(expectPassage[j], 5);
    }
    // The prefix tokens are meaning-free in the fixture but still change the pooled row.
    expect(Math.max(...asQuery.map((v, j) => Math.abs(v - bare[j])))).toBeGreaterThan(1e-4);
    await raw.dispose();
  });

  it('pools as the registry says: CLS takes the first token, not the mean', async () => {
    const base = findModel('fixture/xlmr-tiny')!;
    const cls = await createNodeEncoder({ entry: { ...base, pooling: 'cls', prefixes: { query: '', passage: '' } }, folder: FIXTURE_DIR }, { dtype: 'fp32' });
    const raw = await pipeline('feature-extraction', FIXTURE_DIR, { dtype: 'fp32', device: 'cpu' });
    const texts = corpus.passages.slice(0, 3).map((p) => p.text);
    const rows = await cls.embed(texts, 'passage');
    const expected = (await raw(texts, { pooling: 'cls', normalize: true })).data as Float32Array;
    const mean = (await raw(texts, { pooling: 'mean', normalize: true })).data as Float32Array;
    for (const c of rowCosines(rows, expected, 64)) expect(c).toBeGreaterThan(0.9999);
    for (const c of rowCosines(rows, mean, 64)) expect(c).toBeLessThan(0.99);
    expect(cls.id).toBe('fixture/xlmr-tiny@fp32/cls');
    await Promise.all([cls.dispose(), raw.dispose()]);
  });

  it('fp32, fp16 and q8 agree on every corpus sentence (cosine >= 0.99)', async () => {
    const texts = [...corpus.passages, ...corpus.questions].map((p) => p.text);
    const fp32 = await encoders.fp32!.embed(texts, 'passage');
    for (const dtype of ['fp16', 'q8'] as const) {
      const other = await encoders[dtype]!.embed(texts, 'passage');
      expect(Math.min(...rowCosines(fp32, other, 64)), dtype).toBeGreaterThanOrEqual(0.99);
    }
  });

  it("ranks each sentence's translations first across languages (evaluateCorpus, dense retriever)", async () => {
    const report = await evaluateCorpus(corpus, createDenseRetriever(encoders.q8!), { settings: ['mono', 'cross'] });
    expect(report.settings.mono!.macro.recallAt1).toBe(1);
    expect(report.settings.cross!.macro.recallAt1).toBeGreaterThanOrEqual(0.99);
    expect(report.settings.cross!.macro.ap).toBeGreaterThanOrEqual(0.99);
  });
});

describe('resolveNodeModel', () => {
  it('resolves registry ids to public/models and explains how to vendor a missing one', () => {
    expect(resolveNodeModel('fixture/xlmr-tiny').folder).toBe(FIXTURE_DIR);
    expect(() => resolveNodeModel('Xenova/multilingual-e5-small', '/nonexistent/models')).toThrow(ModelError);
    expect(() => resolveNodeModel('Xenova/multilingual-e5-small', '/nonexistent/models')).toThrow(
      /not available offline: \/nonexistent\/models\/Xenova\/multilingual-e5-small\/config.json is missing; vendor it first .*npm run models:fetch -- Xenova\/multilingual-e5-small --dtype q8/,
    );
  });

  it('takes a model folder, with the preset of its name', () => {
    const m = resolveNodeModel(FIXTURE_DIR);
    expect(m.entry).toMatchObject({ id: 'folder:xlmr-tiny', dimensions: 64, prefixes: { query: 'query: ' } });
    expect(() => resolveNodeModel('/no/such/folder')).toThrow(/not bm25, not a registry model id \(.*Xenova\/LaBSE.*\), and not a model folder/);
  });
});
