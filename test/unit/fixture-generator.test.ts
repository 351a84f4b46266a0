// The fixture generator: deterministic output, its language-bias knob, its building blocks, and the
// committed files on onnxruntime-web against onnxruntime-node.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoTokenizer, pipeline } from '@huggingface/transformers';
import * as ortNode from 'onnxruntime-node';
import * as ortWeb from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBenchVocab } from '../../scripts/fixture-model/bench-vocab';
import { fromFloat16Bits, toFloat16Bits } from '../../scripts/fixture-model/float16';
import { SENTENCE_GROUPS, buildLexiconCorpus, formatJsonl } from '../../scripts/fixture-model/lexicon-corpus';
import { buildTokenizerFiles } from '../../scripts/fixture-model/tokenizer-files';
import { DEFAULT_XLMR_TINY_OPTIONS, buildXlmrTiny, generateXlmrTiny } from '../../scripts/fixture-model/xlmr-tiny';
import {
  DTYPES,
  FOLDER,
  HIDDEN,
  MODELS_DIR,
  ONNX_FILES,
  ROOT,
  dot,
  embed,
  englishQuestions,
  passages,
  rank,
  useLocalModels,
} from '../support/fixture-model-support';

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
