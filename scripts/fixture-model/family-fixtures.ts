// Conformance fixtures: one tiny model per export family the registry uses, reproducing the
// real export's interface (config.json architectures and model_type, input and output names,
// tokenizer type and special-token ids, position ids, file names per dtype, external data).
// Weights are the lexicon fixture's (fixture-weights.ts), so embeddings still mean something.
// The XLM-R feature-extraction family is fixture/xlmr-tiny itself (xlmr-tiny.ts).
//
//   npx tsx scripts/fixture-model/generate.ts --families   # public/models/fixture/<family>/

import { join } from 'node:path';
import type { EncoderHead, Precision } from './encoder-graph';
import type { EncoderShape, EncoderWeights, Linear } from './encoder-weights';
import { createFixtureWeights, DEFAULT_FIXTURE_WEIGHT_OPTIONS, drawUnitVector } from './fixture-weights';
import { buildFixtureVocab, type VocabPiece } from './fixture-vocab';
import { writeModelFolder } from './model-folder';
import { createRandom, fillNormal, type SeededRandom } from './seeded-random';
import { buildTokenizerFiles } from './tokenizer-files';
import { buildWordPieceTokenizerFiles } from './wordpiece-tokenizer-files';
import { buildWordPieceVocab } from './wordpiece-vocab';
import { buildXlmrTinyShape, DEFAULT_FIXTURE_SEED } from './xlmr-tiny';

export interface FamilyFixture {
  /** Registry-style id, also the folder under public/models/. */
  id: string;
  /** What real export it stands for. */
  stands: string;
  tokenizer: 'xlmr-unigram' | 'bert-wordpiece';
  /** 'xlm-roberta': positions after padding_idx, no token_type_ids; 'bert': positions 0.., token_type_ids. */
  encoder: 'xlm-roberta' | 'bert';
  head: EncoderHead;
  precisions: readonly Precision[];
  externalData?: readonly Precision[];
  config: Record<string, unknown>;
}

export const FAMILY_FIXTURES: readonly FamilyFixture[] = [
  {
    id: 'fixture/minilm-xlmr-vocab',
    stands: 'multilingual-e5-small / paraphrase-multilingual-MiniLM-L12-v2: a BertModel with the XLM-R SentencePiece vocabulary',
    tokenizer: 'xlmr-unigram',
    encoder: 'bert',
    head: 'none',
    precisions: ['fp32', 'fp16', 'q8'],
    config: { architectures: ['BertModel'], model_type: 'bert', tokenizer_class: 'XLMRobertaTokenizer' },
  },
  {
    id: 'fixture/labse-bert-pooler',
    stands: 'LaBSE: a cased WordPiece BertModel whose export has last_hidden_state and pooler_output',
    tokenizer: 'bert-wordpiece',
    encoder: 'bert',
    head: 'pooler',
    precisions: ['fp32', 'fp16', 'q8'],
    config: { architectures: ['BertModel'], model_type: 'bert', tokenizer_class: undefined },
  },
  {
    id: 'fixture/xlmr-fill-mask',
    stands: 'Xenova/xlm-roberta-base: an XLMRobertaForMaskedLM export whose only output is logits',
    tokenizer: 'xlmr-unigram',
    encoder: 'xlm-roberta',
    head: 'masked-lm',
    precisions: ['fp32', 'q8'],
    config: { architectures: ['XLMRobertaForMaskedLM'], model_type: 'xlm-roberta' },
  },
  {
    id: 'fixture/mbert-fill-mask',
    stands: 'Xenova/bert-base-multilingual-cased: a BertForMaskedLM export whose only output is logits',
    tokenizer: 'bert-wordpiece',
    encoder: 'bert',
    head: 'masked-lm',
    precisions: ['fp32', 'q8'],
    config: { architectures: ['BertForMaskedLM'], model_type: 'bert', tokenizer_class: undefined },
  },
  {
    id: 'fixture/xlmr-external-data',
    stands: 'multilingual-e5-large / bge-m3 / arctic-embed-l-v2.0: XLMRobertaModel with fp32 weights in onnx/model.onnx_data, and the q4f16 file arctic-l has',
    tokenizer: 'xlmr-unigram',
    encoder: 'xlm-roberta',
    head: 'none',
    precisions: ['fp32', 'fp16', 'q8', 'q4f16'],
    externalData: ['fp32'],
    config: { architectures: ['XLMRobertaModel'], model_type: 'xlm-roberta' },
  },
  {
    id: 'fixture/gte-new',
    stands: "gte-multilingual-base / arctic-embed-m-v2.0: the custom 'new' architecture (trust_remote_code), XLM-R vocabulary",
    tokenizer: 'xlmr-unigram',
    encoder: 'bert',
    head: 'none',
    precisions: ['fp32', 'fp16', 'q8'],
    config: {
      architectures: ['NewModel'],
      model_type: 'new',
      auto_map: { AutoConfig: 'Alibaba-NLP/new-impl--configuration.NewConfig', AutoModel: 'Alibaba-NLP/new-impl--modeling.NewModel' },
      tokenizer_class: 'XLMRobertaTokenizer',
    },
  },
];

function shapeFor(family: FamilyFixture, vocabSize: number): EncoderShape {
  const base = buildXlmrTinyShape(vocabSize);
  if (family.encoder === 'xlm-roberta') return base;
  // BERT-architecture exports (e5-small, LaBSE, mBERT) take token_type_ids and count positions from 0.
  return { ...base, modelType: 'bert', typeVocabSize: 2, padTokenId: 0, layerNormEps: 1e-12, maxPositions: 512, tokenTypeInput: true };
}

/** Near-identity square layer: the pooler keeps the first token's direction through tanh. */
function nearIdentity(random: SeededRandom, h: number, gain: number, noise: number): Linear {
  const weight = fillNormal(random, h * h, noise / Math.sqrt(h));
  for (let k = 0; k < h; k++) weight[k * h + k] += gain;
  return { weight, bias: new Float32Array(h), inputs: h, outputs: h };
}

function addHead(weights: EncoderWeights, head: EncoderHead, shape: EncoderShape, random: SeededRandom): EncoderWeights {
  const h = shape.hiddenSize;
  if (head === 'pooler') return { ...weights, pooler: nearIdentity(random.fork('pooler'), h, 0.5, 0.1) };
  if (head === 'masked-lm') {
    const norm = { gamma: new Float32Array(h).fill(1), beta: new Float32Array(h) };
    return {
      ...weights,
      lmHead: { dense: nearIdentity(random.fork('lm-dense'), h, 1, 0.1), norm, bias: drawUnitVector(random.fork('lm-bias'), shape.vocabSize) },
    };
  }
  return weights;
}

/** Writes one family fixture under modelsDir/<id>/; returns file sizes in bytes. */
export function generateFamilyFixture(family: FamilyFixture, modelsDir: string, seed = DEFAULT_FIXTURE_SEED): Record<string, number> {
  const vocab: VocabPiece[] = family.tokenizer === 'xlmr-unigram' ? buildFixtureVocab() : buildWordPieceVocab();
  const shape = shapeFor(family, vocab.length);
  const random = createRandom(seed);
  const weights = addHead(createFixtureWeights(shape, vocab, random, DEFAULT_FIXTURE_WEIGHT_OPTIONS), family.head, shape, random);
  const tokenizer = family.tokenizer === 'xlmr-unigram' ? buildTokenizerFiles(vocab, 512) : buildWordPieceTokenizerFiles(vocab, 512);
  return writeModelFolder(join(modelsDir, family.id), {
    shape,
    weights,
    tokenizer,
    precisions: family.precisions,
    externalData: family.externalData,
    head: family.head,
    configExtras: {
      ...family.config,
      fixture: {
        description: `Generated conformance fixture, not a trained model: ${family.stands}. See docs/encoder.md (family fixtures).`,
        generator: 'scripts/fixture-model/generate.ts --families',
        seed,
      },
    },
    docString: `${family.id}: generated conformance fixture (seed ${seed})`,
  });
}
