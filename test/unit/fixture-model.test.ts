// The committed fixture model, loaded the way the app loads models: through transformers.js
// from a local folder, in fp32, fp16 and q8.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureExtractionPipeline, PreTrainedTokenizer } from '@huggingface/transformers';
import { AutoModel, AutoTokenizer, pipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LexiconLanguage } from '../../scripts/fixture-model/lexicon';
import { LEXICON_LANGUAGES, UNSPACED_LANGUAGES, findConcept } from '../../scripts/fixture-model/lexicon';
import { QUESTIONS, SENTENCE_GROUPS } from '../../scripts/fixture-model/lexicon-corpus';
import { summarizeOnnx } from '../../scripts/fixture-model/onnx-summary';
import { OnnxType } from '../../src/encoder/onnx/onnx-proto';
import { runReferenceEncoder } from '../../scripts/fixture-model/reference-encoder';
import { XLMR_TINY_ID, buildXlmrTiny } from '../../scripts/fixture-model/xlmr-tiny';
import {
  DTYPES,
  FOLDER,
  HIDDEN,
  MODELS_DIR,
  ONNX_FILES,
  corpus,
  dot,
  embed,
  englishQuestions,
  passages,
  rank,
  useLocalModels,
} from '../support/fixture-model-support';

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
