// The committed fixture model, loaded the way the app loads models: through transformers.js
// from a local folder, in fp32, fp16 and q8.

import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureExtractionPipeline, PreTrainedTokenizer } from '@huggingface/transformers';
import { AutoModel, AutoTokenizer, env, pipeline } from '@huggingface/transformers';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchVocab } from '../../scripts/fixture-model/bench-vocab';
import { fromFloat16Bits, toFloat16Bits } from '../../scripts/fixture-model/float16';
import type { LexiconLanguage } from '../../scripts/fixture-model/lexicon';
import { LEXICON_LANGUAGES, UNSPACED_LANGUAGES, findConcept } from '../../scripts/fixture-model/lexicon';
import { QUESTIONS, SENTENCE_GROUPS, buildLexiconCorpus, formatJsonl } from '../../scripts/fixture-model/lexicon-corpus';
import { summarizeOnnx } from '../../scripts/fixture-model/onnx-summary';
import { OnnxType } from '../../src/encoder/onnx/onnx-proto';
import { runReferenceEncoder } from '../../scripts/fixture-model/reference-encoder';
import { buildTokenizerFiles } from '../../scripts/fixture-model/tokenizer-files';
import { DEFAULT_XLMR_TINY_OPTIONS, XLMR_TINY_ID, buildXlmrTiny, generateXlmrTiny } from '../../scripts/fixture-model/xlmr-tiny';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODELS_DIR = join(ROOT, 'public/models');
const FOLDER = join(MODELS_DIR, XLMR_TINY_ID);
const DTYPES = ['fp32', 'fp16', 'q8'] as const;
const ONNX_FILES = { fp32: 'model.onnx', fp16: 'model_fp16.onnx', q8: 'model_quantized.onnx' } as const;
const HIDDEN = 64;

interface CorpusRecord {
  kind: 'passage' | 'question';
  id: string;
  lang: LexiconLanguage;
  text: string;
  group?: string;
  qid?: string;
  answer_groups?: string[];
}

const corpus: CorpusRecord[] = readFileSync(join(ROOT, 'test/fixtures/lexicon-corpus.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as CorpusRecord);
const passages = corpus.filter((r) => r.kind === 'passage');
const englishQuestions = corpus.filter((r) => r.kind === 'question' && r.lang === 'en');

function useLocalModels(localModelPath: string): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${localModelPath}/`;
}

async function embed(extractor: FeatureExtractionPipeline, texts: string[]): Promise<Float32Array> {
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  expect(output.dims).toEqual([texts.length, HIDDEN]);
  return output.data as Float32Array;
}

function dot(a: Float32Array, i: number, b: Float32Array, j: number): number {
  let sum = 0;
  for (let k = 0; k < HIDDEN; k++) sum += a[i * HIDDEN + k] * b[j * HIDDEN + k];
  return sum;
}

/** Passage indices of the pool, best first, for query row q. */
function rank(queries: Float32Array, q: number, pool: Float32Array, poolSize: number): number[] {
  const scores = Array.from({ length: poolSize }, (_, p) => dot(queries, q, pool, p));
  return scores.map((_, p) => p).sort((a, b) => scores[b] - scores[a]);
}

/** The tokens a lexicon sentence should split into: whole words, "▁" only where a space (or the start) was. */
function expectedTokens(concepts: readonly string[], lang: LexiconLanguage, endMark: string): string[] {
  const tokens = ['<s>'];
  concepts.forEach((id, i) => {
    const parts = findConcept(id).words[lang].normalize('NFKC').split(' ');
    if (UNSPACED_LANGUAGES.has(lang)) tokens.push(i === 0 ? `▁${parts[0]}` : parts[0]);
    else tokens.push(...parts.map((part) => `▁${part}`));
  });
  if (endMark) tokens.push(endMark.normalize('NFKC'));
  tokens.push('</s>');
  return tokens;
}

describe('fixture/xlmr-tiny model folder', () => {
  it('has the Hugging Face layout, an xlm-roberta config and stays under 2 MB', () => {
    const config = JSON.parse(readFileSync(join(FOLDER, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'xlm-roberta', hidden_size: HIDDEN, num_hidden_layers: 2, num_attention_heads: 4, pad_token_id: 1 });
    const files = [...readdirSync(FOLDER), ...readdirSync(join(FOLDER, 'onnx')).map((f) => `onnx/${f}`)].filter((f) => f !== 'onnx').sort();
    expect(files).toEqual(
      [
        'config.json',
        'onnx/model.onnx',
        'onnx/model_fp16.onnx',
        'onnx/model_quantized.onnx',
        'special_tokens_map.json',
        'tokenizer.json',
        'tokenizer_config.json',
      ].sort(),
    );
    const total = files.reduce((sum, f) => sum + statSync(join(FOLDER, f)).size, 0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });

  it('uses the operators of an exported XLM-R graph, and quantize_dynamic operators in the q8 file', () => {
    const summaries = Object.fromEntries(DTYPES.map((d) => [d, summarizeOnnx(readFileSync(join(FOLDER, 'onnx', ONNX_FILES[d])))]));
    for (const dtype of DTYPES) {
      const s = summaries[dtype];
      expect(s.opsetVersion).toBe(17);
      expect(s.inputs).toEqual(['input_ids', 'attention_mask']);
      expect(s.outputs).toEqual(['last_hidden_state']);
      for (const op of ['Gather', 'CumSum', 'LayerNormalization', 'Reshape', 'Transpose', 'Softmax', 'Erf', 'MatMul']) {
        expect(s.operators[op], `${dtype} ${op}`).toBeGreaterThan(0);
      }
    }
    expect(summaries.fp32.operators.MatMulInteger).toBeUndefined();
    expect(summaries.fp16.initializerTypes[OnnxType.float]).toBeUndefined();
    expect(summaries.fp16.initializerTypes[OnnxType.float16]).toBeGreaterThan(0);
    // 6 weight MatMuls per layer x 2 layers; the 2 attention MatMuls per layer stay float.
    expect(summaries.q8.operators.MatMulInteger).toBe(12);
    expect(summaries.q8.operators.DynamicQuantizeLinear).toBe(12);
    expect(summaries.q8.operators.MatMul).toBe(4);
    expect(summaries.q8.operators.DequantizeLinear).toBe(1);
  });
});

describe('fixture/xlmr-tiny through transformers.js', () => {
  let tokenizer: PreTrainedTokenizer;
  const extractors = {} as Record<(typeof DTYPES)[number], FeatureExtractionPipeline>;

  beforeAll(async () => {
    useLocalModels(MODELS_DIR);
    tokenizer = await AutoTokenizer.from_pretrained(XLMR_TINY_ID);
    for (const dtype of DTYPES) extractors[dtype] = await pipeline('feature-extraction', XLMR_TINY_ID, { dtype });
  }, 60_000);

  afterAll(async () => {
    for (const dtype of DTYPES) await extractors[dtype]?.dispose();
  });

  it('splits unspaced Thai, Chinese and Japanese sentences into the lexicon words', () => {
    // Tokens come out NFKC-normalised: Thai SARA AM (U+0E33) becomes NIKHAHIT + SARA AA.
    const river = 'แม่น้ำ'.normalize('NFKC');
    expect(river).not.toBe('แม่น้ำ');
    expect(tokenizer.tokenize('ใหญ่แดงแม่น้ำภูเขาเมือง', { add_special_tokens: true })).toEqual(['<s>', '▁ใหญ่', 'แดง', river, 'ภูเขา', 'เมือง', '</s>']);
    expect(tokenizer.tokenize('大红河山城市。', { add_special_tokens: true })).toEqual(['<s>', '▁大', '红', '河', '山', '城市', '。', '</s>']);
    expect(tokenizer.tokenize('大きい赤い川山都市。', { add_special_tokens: true })).toEqual(['<s>', '▁大きい', '赤い', '川', '山', '都市', '。', '</s>']);
  });

  it('tokenizes every corpus sentence, in all 15 languages, into whole lexicon words', () => {
    const specs = [...SENTENCE_GROUPS.map((g) => ({ id: g.id, concepts: g.concepts })), ...QUESTIONS.map((q) => ({ id: q.id, concepts: q.concepts }))];
    for (const record of corpus) {
      const spec = specs.find((s) => s.id === (record.group ?? record.qid));
      const words = spec!.concepts.map((id) => findConcept(id).words[record.lang]);
      const separator = UNSPACED_LANGUAGES.has(record.lang) ? '' : ' ';
      const endMark = record.text.slice(words.join(separator).length);
      expect(tokenizer.tokenize(record.text, { add_special_tokens: true }), record.id).toEqual(expectedTokens(spec!.concepts, record.lang, endMark));
    }
  });

  it('splits unknown words into characters rather than <unk>', () => {
    expect(tokenizer.tokenize('zebra')).toEqual(['▁', 'z', 'e', 'b', 'r', 'a']);
    expect(tokenizer.tokenize('水山').length).toBe(2);
  });

  it('treats the e5 prefixes "query: " and "passage: " as meaning-free', async () => {
    expect(tokenizer.tokenize('query: big red river.')).toEqual(['▁query', ':', '▁big', '▁red', '▁river', '.']);
    const texts = passages.slice(0, 15).map((p) => p.text);
    const plain = await embed(extractors.fp32, texts);
    const prefixed = await embed(
      extractors.fp32,
      texts.map((t) => `passage: ${t}`),
    );
    texts.forEach((text, i) => expect(dot(plain, i, prefixed, i), text).toBeGreaterThan(0.97));
  });

  it('computes the XLM-R forward pass: the fp32 graph matches a reference implementation, padding included', async () => {
    const { shape, weights } = buildXlmrTiny();
    const model = await AutoModel.from_pretrained(XLMR_TINY_ID, { dtype: 'fp32' });
    try {
      const texts = ['big red river mountain city.', '水山。', 'zebra unknown words here'];
      const inputs = tokenizer(texts, { padding: true });
      const { last_hidden_state: output } = await model(inputs);
      const [batch, seq, hidden] = output.dims;
      expect([batch, hidden]).toEqual([3, HIDDEN]);
      const ids = inputs.input_ids.tolist() as bigint[][];
      const mask = inputs.attention_mask.tolist() as bigint[][];
      const data = output.data as Float32Array;
      for (let b = 0; b < batch; b++) {
        const expected = runReferenceEncoder(shape, weights, ids[b].map(Number), mask[b].map(Number));
        for (let t = 0; t < seq; t++) {
          if (!mask[b][t]) continue;
          for (let k = 0; k < hidden; k++) expect(Math.abs(data[(b * seq + t) * hidden + k] - expected[t * hidden + k])).toBeLessThan(1e-3);
        }
      }
    } finally {
      await model.dispose();
    }
  });

  it('gives unit-length [n, 64] sentence embeddings in every dtype, and a sentence embeds the same alone or padded in a batch', async () => {
    const texts = passages.slice(0, 30).map((p) => p.text);
    for (const dtype of DTYPES) {
      const batch = await embed(extractors[dtype], texts);
      for (let i = 0; i < texts.length; i++) expect(Math.sqrt(dot(batch, i, batch, i))).toBeCloseTo(1, 5);
      const alone = await embed(extractors[dtype], [texts[4]]);
      expect(dot(alone, 0, batch, 4), dtype).toBeGreaterThan(0.9999);
    }
  });

  it('agrees between fp16, q8 and fp32 (cosine >= 0.99 for every corpus sentence)', async () => {
    const texts = corpus.map((r) => r.text);
    const reference = await embed(extractors.fp32, texts);
    for (const dtype of ['fp16', 'q8'] as const) {
      const other = await embed(extractors[dtype], texts);
      const worst = Math.min(...texts.map((_, i) => dot(reference, i, other, i)));
      expect(worst, dtype).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('retrieves the answer to every English question in each of the 14 other languages (cross-lingual top-1)', async () => {
    const pool = await embed(
      extractors.fp32,
      passages.map((p) => p.text),
    );
    const queries = await embed(
      extractors.fp32,
      englishQuestions.map((q) => q.text),
    );
    englishQuestions.forEach((question, q) => {
      const order = rank(queries, q, pool, passages.length);
      for (const lang of LEXICON_LANGUAGES.filter((l) => l !== 'en')) {
        const best = passages[order.find((p) => passages[p].lang === lang)!];
        expect(best.group, `${question.id} -> ${lang}`).toBe(question.answer_groups![0]);
      }
    });
  });

  it('ranks the translations of the answer high in the multilingual pool (mAP >= 0.85), the English one first', async () => {
    const pool = await embed(
      extractors.q8,
      passages.map((p) => p.text),
    );
    const queries = await embed(
      extractors.q8,
      englishQuestions.map((q) => q.text),
    );
    const averagePrecisions = englishQuestions.map((question, q) => {
      const order = rank(queries, q, pool, passages.length).map((p) => passages[p]);
      const answer = question.answer_groups![0];
      expect(order[0].id, question.id).toBe(`${answer}.en`);
      expect(order.slice(0, 15).filter((p) => p.group === answer).length, question.id).toBeGreaterThanOrEqual(7);
      const ranks = order.flatMap((p, r) => (p.group === answer ? [r] : []));
      return ranks.reduce((sum, r, i) => sum + (i + 1) / (r + 1), 0) / ranks.length;
    });
    const meanAp = averagePrecisions.reduce((a, b) => a + b, 0) / averagePrecisions.length;
    expect(meanAp).toBeGreaterThanOrEqual(0.85);
  });
});

describe('fixture generator', () => {
  let tempRoot: string;
  beforeAll(() => {
    tempRoot = mkdtempSync(join(tmpdir(), 'fixture-model-'));
  });
  afterAll(() => {
    rmSync(tempRoot, { recursive: true, force: true });
    useLocalModels(MODELS_DIR);
  });

  it('is deterministic: regenerating with the defaults reproduces the committed files byte for byte', () => {
    const folder = join(tempRoot, 'same');
    const sizes = generateXlmrTiny(folder);
    for (const name of Object.keys(sizes)) {
      expect(readFileSync(join(folder, name)).equals(readFileSync(join(FOLDER, name))), name).toBe(true);
    }
    expect(formatJsonl(buildLexiconCorpus())).toBe(readFileSync(join(ROOT, 'test/fixtures/lexicon-corpus.jsonl'), 'utf8'));
  });

  it('controls language bias: with --language-bias 2 an English question ranks all English passages first', async () => {
    generateXlmrTiny(join(tempRoot, 'fixture/biased'), { ...DEFAULT_XLMR_TINY_OPTIONS, languageBias: 2 });
    useLocalModels(tempRoot);
    const extractor = await pipeline('feature-extraction', 'fixture/biased', { dtype: 'fp32' });
    try {
      const pool = await embed(
        extractor,
        passages.map((p) => p.text),
      );
      const queries = await embed(
        extractor,
        englishQuestions.map((q) => q.text),
      );
      englishQuestions.forEach((question, q) => {
        const top = rank(queries, q, pool, passages.length)
          .slice(0, SENTENCE_GROUPS.length)
          .map((p) => passages[p]);
        expect(
          top.every((p) => p.lang === 'en'),
          question.id,
        ).toBe(true);
      });
    } finally {
      await extractor.dispose();
    }
  });
});

describe('generator building blocks', () => {
  it('converts to float16 with IEEE rounding, subnormals and overflow', () => {
    expect([1, -2, 1 / 3, 65504, 65520, 2 ** -24, 2 ** -26, 0.1].map(toFloat16Bits)).toEqual([0x3c00, 0xc000, 0x3555, 0x7bff, 0x7c00, 0x0001, 0x0000, 0x2e66]);
    expect(fromFloat16Bits(toFloat16Bits(0.1))).toBeCloseTo(0.1, 4);
  });

  it('builds a bench vocabulary of the requested size whose tokenizer keeps frequent words whole and splits rare ones', async () => {
    const texts = ['the cat sat on the mat.', 'the cat sat on a (big) mat, then the cat slept.', 'a cat and a mat'];
    const vocab = buildBenchVocab(texts, { size: 400, maskId: 300, maxPieceLength: 6, minWordCount: 2 });
    expect(vocab).toHaveLength(400);
    expect(vocab.slice(0, 4).map((v) => v.piece)).toEqual(['<s>', '<pad>', '</s>', '<unk>']);
    expect(vocab[300].piece).toBe('<mask>');
    const folder = mkdtempSync(join(tmpdir(), 'bench-vocab-'));
    try {
      for (const [name, text] of Object.entries(buildTokenizerFiles(vocab, 512))) writeFileSync(join(folder, name), text);
      const benchTokenizer = await AutoTokenizer.from_pretrained(folder);
      expect(benchTokenizer.tokenize('the cat sat on the mat.')).toEqual(['▁the', '▁cat', '▁sat', '▁on', '▁the', '▁mat', '.']);
      const rare = benchTokenizer.tokenize('the slept cat');
      expect(rare[0]).toBe('▁the');
      expect(rare.at(-1)).toBe('▁cat');
      expect(rare.length).toBeGreaterThan(3); // "slept" was seen once: it splits
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('fixture/xlmr-tiny on onnxruntime-web (the browser runtime, wasm backend)', () => {
  it('loads all three files and matches onnxruntime-node', async () => {
    ortWeb.env.wasm.numThreads = 1;
    // "big red river" and "mountain" plus padding, as ids from the generator's vocabulary.
    const { vocab } = buildXlmrTiny();
    const id = (piece: string): bigint => BigInt(vocab.findIndex((v) => v.piece === piece));
    const ids = [0n, id('▁big'), id('▁red'), id('▁river'), 2n, 0n, id('▁mountain'), 2n, 1n, 1n];
    const mask = [1n, 1n, 1n, 1n, 1n, 1n, 1n, 1n, 0n, 0n];
    for (const dtype of DTYPES) {
      const bytes = readFileSync(join(FOLDER, 'onnx', ONNX_FILES[dtype]));
      const web = await ortWeb.InferenceSession.create(bytes, { executionProviders: ['wasm'] });
      const node = await ortNode.InferenceSession.create(bytes);
      const feeds = <T extends typeof ortWeb.Tensor | typeof ortNode.Tensor>(T: T) => ({
        input_ids: new T('int64', BigInt64Array.from(ids), [2, 5]),
        attention_mask: new T('int64', BigInt64Array.from(mask), [2, 5]),
      });
      const a = (await web.run(feeds(ortWeb.Tensor) as Record<string, ortWeb.Tensor>)).last_hidden_state.data as Float32Array;
      const b = (await node.run(feeds(ortNode.Tensor) as Record<string, ortNode.Tensor>)).last_hidden_state.data as Float32Array;
      expect(a.length).toBe(2 * 5 * HIDDEN);
      // q8: the two runtimes round DynamicQuantizeLinear differently; compare token directions.
      for (let t = 0; t < 10; t++) {
        const cosine = dot(a, t, b, t) / Math.sqrt(dot(a, t, a, t) * dot(b, t, b, t));
        expect(cosine, `${dtype} token ${t}`).toBeGreaterThan(dtype === 'q8' ? 0.999 : 0.999999);
      }
      await web.release();
      await node.release();
    }
  });
});
