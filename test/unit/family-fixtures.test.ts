// The conformance fixtures (one per export family the registry uses): their interface matches
// the real exports', they regenerate byte for byte, and every menu entry loads on its family
// fixture through the Node encoder from a local folder; the fill-mask ones are refused.

import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AutoTokenizer, env } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { FAMILY_FIXTURES, generateFamilyFixture } from '../../scripts/fixture-model/family-fixtures';
import { summarizeOnnx } from '../../scripts/fixture-model/onnx-summary';
import { createNodeEncoder, type NodeEncoder } from '../../src/encoder/node-encoder';
import { FAMILY_FIXTURE_INFO, FIXTURES_FOR_ENTRY, findFixtureInfo, fixtureEntry, fixtureStandIn } from '../../src/encoder/family-fixtures';
import { MODEL_REGISTRY, type Dtype } from '../../src/encoder/model-registry';
import { OUT_OF_MENU } from '../../src/encoder/models-out-of-menu';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MODELS = join(ROOT, 'public/models');
const folderOf = (id: string) => join(MODELS, id);
const readJson = (id: string, file: string) => JSON.parse(readFileSync(join(folderOf(id), file), 'utf8')) as Record<string, unknown>;
const TEXTS = ['The river flows through the old city.', 'Der Fluss fließt durch die alte Stadt.', '河流穿过古老的城市。'];

function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

const open: NodeEncoder[] = [];
afterAll(async () => {
  for (const e of open) await e.dispose();
});

describe("family fixtures: the real exports' interface", () => {
  it('regenerate byte for byte, and each stays under 4 MB', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'family-fixtures-'));
    try {
      for (const family of FAMILY_FIXTURES) {
        generateFamilyFixture(family, tmp);
        const files = filesUnder(join(tmp, family.id));
        expect(files.sort()).toEqual(filesUnder(folderOf(family.id)).sort());
        let total = 0;
        for (const f of files) {
          const committed = readFileSync(join(folderOf(family.id), f));
          expect(readFileSync(join(tmp, family.id, f)).equals(committed), `${family.id}/${f}`).toBe(true);
          total += committed.byteLength;
        }
        expect(total).toBeLessThan(4e6);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('config.json names the architecture and model_type of each real export', () => {
    const arch = (id: string) => [readJson(id, 'config.json').architectures, readJson(id, 'config.json').model_type];
    expect(arch('fixture/xlmr-tiny')).toEqual([['XLMRobertaModel'], 'xlm-roberta']);
    expect(arch('fixture/minilm-xlmr-vocab')).toEqual([['BertModel'], 'bert']);
    expect(arch('fixture/labse-bert-pooler')).toEqual([['BertModel'], 'bert']);
    expect(arch('fixture/xlmr-fill-mask')).toEqual([['XLMRobertaForMaskedLM'], 'xlm-roberta']);
    expect(arch('fixture/mbert-fill-mask')).toEqual([['BertForMaskedLM'], 'bert']);
    expect(arch('fixture/xlmr-external-data')).toEqual([['XLMRobertaModel'], 'xlm-roberta']);
    expect(arch('fixture/gte-new')).toEqual([['NewModel'], 'new']);
  });

  it('graphs take token_type_ids only in the BERT family, and give the outputs the real ones give', () => {
    const io = (id: string, file = 'onnx/model_quantized.onnx') => {
      const s = summarizeOnnx(readFileSync(join(folderOf(id), file)));
      return { inputs: s.inputs, outputs: s.outputs };
    };
    const xlmrIn = ['input_ids', 'attention_mask'];
    const bertIn = ['input_ids', 'attention_mask', 'token_type_ids'];
    expect(io('fixture/xlmr-tiny')).toEqual({ inputs: xlmrIn, outputs: ['last_hidden_state'] });
    expect(io('fixture/minilm-xlmr-vocab')).toEqual({ inputs: bertIn, outputs: ['last_hidden_state'] });
    expect(io('fixture/labse-bert-pooler')).toEqual({ inputs: bertIn, outputs: ['last_hidden_state', 'pooler_output'] });
    expect(io('fixture/xlmr-fill-mask')).toEqual({ inputs: xlmrIn, outputs: ['logits'] });
    expect(io('fixture/mbert-fill-mask')).toEqual({ inputs: bertIn, outputs: ['logits'] });
    expect(io('fixture/xlmr-external-data', 'onnx/model.onnx')).toEqual({ inputs: xlmrIn, outputs: ['last_hidden_state'] });
  });

  it("q4f16 (arctic-l's file) is the fp16 graph with 4-bit MatMulNBits weights, and onnxruntime runs it close to fp16", async () => {
    const file = (f: string) => join(folderOf('fixture/xlmr-external-data'), 'onnx', f);
    const q4 = summarizeOnnx(readFileSync(file('model_q4f16.onnx')));
    // 2 layers x (Q, K, V, attention output, intermediate, output): every weight MatMul is 4-bit.
    expect(q4.operators.MatMulNBits).toBe(12);
    expect(q4.operators.MatMulInteger).toBeUndefined();
    expect(q4.outputs).toEqual(['last_hidden_state']);
    const ids = [0, 200, 300, 40, 2];
    const t = (a: number[]) => new ort.Tensor('int64', BigInt64Array.from(a.map(BigInt)), [1, a.length]);
    const rows: Float32Array[] = [];
    for (const f of ['model_q4f16.onnx', 'model_fp16.onnx']) {
      const session = await ort.InferenceSession.create(file(f));
      rows.push((await session.run({ input_ids: t(ids), attention_mask: t(ids.map(() => 1)) })).last_hidden_state.data as Float32Array);
    }
    for (let token = 0; token < ids.length; token++) {
      let [ab, aa, bb] = [0, 0, 0];
      for (let j = 0; j < 64; j++) {
        const [a, b] = [rows[0][token * 64 + j], rows[1][token * 64 + j]];
        [ab, aa, bb] = [ab + a * b, aa + a * a, bb + b * b];
      }
      expect(ab / Math.sqrt(aa * bb), `token ${token}: q4f16 vs fp16`).toBeGreaterThan(0.99);
    }
  });

  it('names files per dtype as transformers.js does; large fp32 weights sit in model.onnx_data', () => {
    for (const info of FAMILY_FIXTURE_INFO) {
      const onnx = readdirSync(join(folderOf(info.id), 'onnx')).sort();
      const expected = info.dtypes.map((d) => ({ fp32: 'model.onnx', fp16: 'model_fp16.onnx', q8: 'model_quantized.onnx', q4f16: 'model_q4f16.onnx' })[d]);
      if (info.externalDataFp32) expected.push('model.onnx_data');
      expect(onnx, info.id).toEqual(expected.sort());
    }
    const graph = statSync(join(folderOf('fixture/xlmr-external-data'), 'onnx/model.onnx')).size;
    const data = statSync(join(folderOf('fixture/xlmr-external-data'), 'onnx/model.onnx_data')).size;
    expect(graph).toBeLessThan(data / 10);
  });

  it('tokenizers: XLM-R Unigram with <s>=0 <pad>=1 </s>=2 <unk>=3 and <mask> last; cased WordPiece with [CLS]/[SEP]', async () => {
    env.allowLocalModels = true;
    env.allowRemoteModels = false;
    env.localModelPath = `${MODELS}/`;
    const xlmr = await AutoTokenizer.from_pretrained('fixture/minilm-xlmr-vocab');
    const vocab = readJson('fixture/minilm-xlmr-vocab', 'config.json').vocab_size as number;
    expect(xlmr.convert_tokens_to_ids(['<s>', '<pad>', '</s>', '<unk>', '<mask>'])).toEqual([0, 1, 2, 3, vocab - 1]);
    expect(xlmr.tokenize('The river')).toEqual(['▁', 'T', 'h', 'e', '▁river']);
    const bert = await AutoTokenizer.from_pretrained('fixture/labse-bert-pooler');
    const ids = bert.encode('Der Fluss');
    expect(bert.decode(ids)).toBe('[CLS] Der Fluss [SEP]');
    expect(ids[0]).toBe(101);
    expect(ids[ids.length - 1]).toBe(102);
    expect(bert.tokenize('Fluss fluss')).toEqual(['Fluss', 'f', '##l', '##u', '##s', '##s']); // cased: no lower-casing
    expect(bert.tokenize('แม่น้ำเมือง')).toEqual(['แม่น้ำ', '##เมือง']);
  });

  it("XLM-R positions start after padding_idx, so padding does not change a text's hidden states", async () => {
    const session = await ort.InferenceSession.create(join(folderOf('fixture/xlmr-external-data'), 'onnx/model.onnx'));
    const run = async (ids: number[]) => {
      const t = (a: number[]) => new ort.Tensor('int64', BigInt64Array.from(a.map(BigInt)), [1, a.length]);
      const out = await session.run({ input_ids: t(ids), attention_mask: t(ids.map((i) => (i === 1 ? 0 : 1))) });
      return Array.from((out.last_hidden_state.data as Float32Array).slice(0, 64 * 3));
    };
    const plain = await run([0, 200, 2]);
    const padded = await run([0, 200, 2, 1, 1]);
    plain.forEach((v, i) => expect(padded[i]).toBeCloseTo(v, 4));
  });
});

describe('every menu entry loads on its family fixture (Node, local folder)', () => {
  const hubEntries = MODEL_REGISTRY.filter((m) => m.hub);
  it('every hub entry has a family fixture that loads', () => {
    for (const m of hubEntries) {
      const fixtures = FIXTURES_FOR_ENTRY[m.id] ?? [];
      expect(fixtures.length, m.id).toBeGreaterThan(0);
      for (const f of fixtures) expect(findFixtureInfo(f)?.expect, `${m.id} on ${f}`).toBe('loads');
    }
  });

  for (const entry of hubEntries) {
    for (const fixtureId of FIXTURES_FOR_ENTRY[entry.id] ?? []) {
      const standIn = fixtureStandIn(entry, findFixtureInfo(fixtureId)!);
      for (const dtype of Object.keys(standIn.dtypes) as Dtype[]) {
        it(`${entry.id} ${dtype} on ${fixtureId}: unit rows of the fixture's size, ${entry.pooling} pooling`, async () => {
          const encoder = await createNodeEncoder({ entry: standIn, folder: folderOf(fixtureId) }, { dtype });
          open.push(encoder);
          const rows = await encoder.embed(TEXTS, 'query');
          expect(rows.length).toBe(TEXTS.length * 64);
          for (let r = 0; r < TEXTS.length; r++) expect(Math.hypot(...rows.subarray(r * 64, r * 64 + 64))).toBeCloseTo(1, 4);
        });
      }
    }
  }

  it("LaBSE embeds from pooler_output: the rows are the graph's pooler_output, normalised, not CLS", async () => {
    const folder = folderOf('fixture/labse-bert-pooler');
    const labse = MODEL_REGISTRY.find((m) => m.id === 'Xenova/LaBSE')!;
    const encoder = await createNodeEncoder({ entry: fixtureStandIn(labse, findFixtureInfo('fixture/labse-bert-pooler')!), folder }, { dtype: 'fp32' });
    open.push(encoder);
    const row = await encoder.embed(['Der Fluss'], 'passage');
    const session = await ort.InferenceSession.create(join(folder, 'onnx/model.onnx'));
    const ids = [101, ...(await AutoTokenizer.from_pretrained(folder)).encode('Der Fluss', { add_special_tokens: false }), 102];
    const t = (a: number[]) => new ort.Tensor('int64', BigInt64Array.from(a.map(BigInt)), [1, a.length]);
    const out = await session.run({ input_ids: t(ids), attention_mask: t(ids.map(() => 1)), token_type_ids: t(ids.map(() => 0)) });
    const pooler = out.pooler_output.data as Float32Array;
    const norm = Math.hypot(...pooler);
    pooler.forEach((v, i) => expect(row[i]).toBeCloseTo(v / norm, 4));
    const cls = (out.last_hidden_state.data as Float32Array).slice(0, 64);
    const clsNorm = Math.hypot(...cls);
    expect(Math.abs(cls.reduce((s, v, i) => s + (v / clsNorm) * row[i], 0))).toBeLessThan(0.99);
  });
});

describe('fill-mask exports are refused with the load-time message', () => {
  for (const id of ['fixture/xlmr-fill-mask', 'fixture/mbert-fill-mask']) {
    it(`${id} (as ${OUT_OF_MENU.find((m) => FIXTURES_FOR_ENTRY[m.id]?.includes(id))?.id})`, async () => {
      const info = findFixtureInfo(id)!;
      const error = await createNodeEncoder({ entry: fixtureEntry(info), folder: folderOf(id) }, { dtype: 'q8' }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(
        new RegExp(
          `the model's output is logits \\[1, \\d+, ${info.vocab}\\]: one score per vocabulary entry \\(${info.vocab}\\), a masked-LM head, not hidden states; expected last_hidden_state \\[1, \\d+, 64\\]`,
        ),
      );
    });
  }
});
