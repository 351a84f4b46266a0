// The committed test fixture "fixture/xlmr-tiny": an XLM-R-shaped encoder (2 layers, hidden 64,
// 4 heads) over the lexicon vocabulary, with constructed weights (see fixture-weights.ts).

import type { EncoderShape, EncoderWeights } from './encoder-weights';
import type { FixtureWeightOptions } from './fixture-weights';
import { DEFAULT_FIXTURE_WEIGHT_OPTIONS, createFixtureWeights } from './fixture-weights';
import type { VocabPiece } from './fixture-vocab';
import { buildFixtureVocab } from './fixture-vocab';
import { LEXICON, LEXICON_LANGUAGES } from './lexicon';
import { writeModelFolder } from './model-folder';
import { createRandom } from './seeded-random';
import { buildTokenizerFiles } from './tokenizer-files';

export const XLMR_TINY_ID = 'fixture/xlmr-tiny';
export const DEFAULT_FIXTURE_SEED = 20240816;

export interface XlmrTinyOptions extends FixtureWeightOptions {
  seed: number;
}

export const DEFAULT_XLMR_TINY_OPTIONS: XlmrTinyOptions = { seed: DEFAULT_FIXTURE_SEED, ...DEFAULT_FIXTURE_WEIGHT_OPTIONS };

export function buildXlmrTinyShape(vocabSize: number): EncoderShape {
  return {
    modelType: 'xlm-roberta',
    vocabSize,
    hiddenSize: 64,
    numLayers: 2,
    numHeads: 4,
    intermediateSize: 128,
    maxPositions: 514,
    typeVocabSize: 1,
    layerNormEps: 1e-5,
    padTokenId: 1,
    tokenTypeInput: false,
  };
}

export interface XlmrTiny {
  vocab: VocabPiece[];
  shape: EncoderShape;
  weights: EncoderWeights;
}

/** Builds the fixture in memory (deterministic for given options). */
export function buildXlmrTiny(options: XlmrTinyOptions = DEFAULT_XLMR_TINY_OPTIONS): XlmrTiny {
  if (!(options.languageBias >= 0)) throw new Error(`--language-bias: expected a number >= 0, got ${options.languageBias}`);
  if (!(options.pieceNoise >= 0)) throw new Error(`--piece-noise: expected a number >= 0, got ${options.pieceNoise}`);
  const vocab = buildFixtureVocab();
  const shape = buildXlmrTinyShape(vocab.length);
  const weights = createFixtureWeights(shape, vocab, createRandom(options.seed), options);
  return { vocab, shape, weights };
}

/** Writes the fixture model folder; returns file sizes in bytes. */
export function generateXlmrTiny(folder: string, options: XlmrTinyOptions = DEFAULT_XLMR_TINY_OPTIONS): Record<string, number> {
  const { vocab, shape, weights } = buildXlmrTiny(options);
  return writeModelFolder(folder, {
    shape,
    weights,
    tokenizer: buildTokenizerFiles(vocab, shape.maxPositions - 2),
    precisions: ['fp32', 'fp16', 'q8'],
    configExtras: {
      fixture: {
        description:
          'Generated test fixture, not a trained model: embedding(word) = meaning(concept) + language_bias * offset(language) + noise; see docs/fixture-model.md.',
        generator: 'scripts/fixture-model/generate.ts',
        seed: options.seed,
        language_bias: options.languageBias,
        piece_noise: options.pieceNoise,
        concepts: LEXICON.length,
        languages: [...LEXICON_LANGUAGES],
      },
    },
    docString: `${XLMR_TINY_ID}: generated XLM-R-shaped test fixture (seed ${options.seed}, language bias ${options.languageBias})`,
  });
}
