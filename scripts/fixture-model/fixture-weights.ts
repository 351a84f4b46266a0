// Constructed (not trained) weights whose mean-pooled output has a known geometry:
//   embedding(word piece) = meaning(concept) + languageBias * offset(language) + noise
// with meaning and offset vectors drawn once per concept / language. The transformer layers are
// real (random Q/K, content-dependent attention, GELU feed-forward) but close to the identity on
// this signal: attention adds a fraction of the attention-weighted average of the sentence's
// tokens (value/output projections ~ identity), the feed-forward adds a small random term, and
// residual + LayerNorm keep each token's direction. So a sentence's pooled embedding is
// approximately the mean of its concepts' meaning vectors plus its language's offset.

import type { EncoderShape, EncoderWeights, LayerNormWeights, Linear } from './encoder-weights';
import type { VocabPiece } from './fixture-vocab';
import type { LexiconLanguage } from './lexicon';
import { LEXICON, LEXICON_LANGUAGES } from './lexicon';
import type { SeededRandom } from './seeded-random';
import { fillNormal } from './seeded-random';

export interface FixtureWeightOptions {
  /** Length of the language offset relative to a concept's meaning vector (both unit length). */
  languageBias: number;
  /** Length of each piece's own random noise vector, relative to the same unit. */
  pieceNoise: number;
}

export const DEFAULT_FIXTURE_WEIGHT_OPTIONS: FixtureWeightOptions = { languageBias: 0.3, pieceNoise: 0.1 };

// Layer scales (documented in docs/fixture-model.md).
const POSITION_STD = 2e-4; // far below sqrt(layer_norm_eps): positions barely move a word, and meaning-free pieces stay near zero
const ATTENTION_QK_GAIN = 1; // attention logits ~ N(0, 1): content-dependent but not peaked
const VALUE_NOISE = 0.1;
const ATTENTION_OUTPUT_GAIN = 0.5; // each token gains 0.5 x the attention-weighted mean of the sentence
const ATTENTION_OUTPUT_NOISE = 0.05;
const FFN_OUTPUT_GAIN = 0.1; // the feed-forward adds a ~10% random term per token

export function createFixtureWeights(shape: EncoderShape, vocab: readonly VocabPiece[], random: SeededRandom, options: FixtureWeightOptions): EncoderWeights {
  const h = shape.hiddenSize;
  const meaning = new Map(LEXICON.map((c) => [c.id, drawUnitVector(random.fork(`concept:${c.id}`), h)]));
  const offset = new Map(LEXICON_LANGUAGES.map((lang) => [lang, drawUnitVector(random.fork(`language:${lang}`), h)]));

  const wordEmbeddings = new Float32Array(shape.vocabSize * h);
  vocab.forEach((entry, id) => {
    const row = embedPiece(entry, h, meaning, offset, random.fork(`piece:${id}`), options);
    wordEmbeddings.set(row, id * h);
  });

  const positionEmbeddings = fillNormal(random.fork('positions'), shape.maxPositions * h, POSITION_STD);
  positionEmbeddings.fill(0, shape.padTokenId * h, (shape.padTokenId + 1) * h); // XLM-R's padding_idx row is zero

  const layers = Array.from({ length: shape.numLayers }, (_, i) => {
    const r = random.fork(`layer:${i}`);
    const inter = shape.intermediateSize;
    return {
      query: createLinear(fillNormal(r.fork('query'), h * h, ATTENTION_QK_GAIN / Math.sqrt(h)), h, h),
      key: createLinear(fillNormal(r.fork('key'), h * h, ATTENTION_QK_GAIN / Math.sqrt(h)), h, h),
      value: createLinear(addIdentity(fillNormal(r.fork('value'), h * h, VALUE_NOISE / Math.sqrt(h)), h, 1), h, h),
      attentionOutput: createLinear(
        addIdentity(fillNormal(r.fork('attention-output'), h * h, ATTENTION_OUTPUT_NOISE / Math.sqrt(h)), h, ATTENTION_OUTPUT_GAIN),
        h,
        h,
      ),
      attentionNorm: createUnitNorm(h),
      intermediate: createLinear(fillNormal(r.fork('intermediate'), h * inter, 1 / Math.sqrt(h)), h, inter),
      output: createLinear(fillNormal(r.fork('output'), inter * h, FFN_OUTPUT_GAIN / Math.sqrt(inter)), inter, h),
      outputNorm: createUnitNorm(h),
    };
  });

  return {
    wordEmbeddings,
    positionEmbeddings,
    tokenTypeEmbeddings: new Float32Array(shape.typeVocabSize * h),
    embeddingNorm: createUnitNorm(h),
    layers,
  };
}

function embedPiece(
  entry: VocabPiece,
  h: number,
  meaning: ReadonlyMap<string, Float32Array>,
  offset: ReadonlyMap<LexiconLanguage, Float32Array>,
  random: SeededRandom,
  options: FixtureWeightOptions,
): Float32Array {
  const row = new Float32Array(h);
  switch (entry.meaning.kind) {
    case 'special':
    case 'neutral':
      return row; // meaning-free: LayerNorm maps (near) zero input to a near-zero token
    case 'padding':
    case 'char':
      // Padding gets a full-size random vector so a broken attention mask would show.
      return drawUnitVector(random, h);
    case 'word': {
      const { concept, languages } = entry.meaning;
      const conceptVector = meaning.get(concept);
      if (!conceptVector) throw new Error(`no meaning vector for concept ${concept}`);
      const noise = drawUnitVector(random, h);
      for (let k = 0; k < h; k++) {
        let languagePart = 0;
        for (const lang of languages) languagePart += offset.get(lang)?.[k] ?? 0;
        row[k] = conceptVector[k] + (options.languageBias * languagePart) / languages.length + options.pieceNoise * noise[k];
      }
      return row;
    }
  }
}

/** A random direction with zero mean over its components, so LayerNorm only rescales it. */
export function drawUnitVector(random: SeededRandom, h: number): Float32Array {
  const v = fillNormal(random, h, 1);
  let mean = 0;
  for (let k = 0; k < h; k++) mean += v[k];
  mean /= h;
  let norm = 0;
  for (let k = 0; k < h; k++) {
    v[k] -= mean;
    norm += v[k] * v[k];
  }
  norm = Math.sqrt(norm);
  for (let k = 0; k < h; k++) v[k] /= norm;
  return v;
}

function addIdentity(weight: Float32Array, h: number, gain: number): Float32Array {
  for (let k = 0; k < h; k++) weight[k * h + k] += gain;
  return weight;
}

function createLinear(weight: Float32Array, inputs: number, outputs: number): Linear {
  return { weight, bias: new Float32Array(outputs), inputs, outputs };
}

function createUnitNorm(h: number): LayerNormWeights {
  return { gamma: new Float32Array(h).fill(1), beta: new Float32Array(h) };
}
