// "bench-e5-small-random": random weights in the exact shape of Xenova/multilingual-e5-small
// (a BertModel with the XLM-R vocabulary: 12 layers, hidden 384, 12 heads, intermediate 1536,
// vocabulary 250037, 512 positions, 2 token types, token_type_ids input). Costs the same to load
// and run as the real model; its embeddings mean nothing. Written to a gitignored folder.

import type { Precision } from './encoder-graph';
import type { EncoderShape } from './encoder-weights';
import { BENCH_VOCAB_DEFAULTS, buildBenchVocab, readTextSample } from './bench-vocab';
import { writeModelFolder } from './model-folder';
import { createRandomWeights } from './random-weights';
import { createRandom } from './seeded-random';
import { buildTokenizerFiles } from './tokenizer-files';
import { LEXICON } from './lexicon';

export const BENCH_E5_SMALL_ID = 'bench-e5-small-random';

export const E5_SMALL_SHAPE: EncoderShape = {
  modelType: 'bert',
  vocabSize: 250037,
  hiddenSize: 384,
  numLayers: 12,
  numHeads: 12,
  intermediateSize: 1536,
  maxPositions: 512,
  typeVocabSize: 2,
  layerNormEps: 1e-12,
  padTokenId: 0, // as in multilingual-e5-small's config.json; the tokenizer's <pad> is still id 1
  tokenTypeInput: true,
};

export interface BenchOptions {
  seed: number;
  /** Folder of SQuAD-format JSON files whose text shapes the vocabulary (XQuAD-R). */
  textDir: string;
  precisions?: readonly Precision[];
  log?: (message: string) => void;
}

export function generateBenchE5Small(folder: string, options: BenchOptions): Record<string, number> {
  const log = options.log ?? (() => {});
  let texts = readTextSample(options.textDir);
  if (texts.length === 0) {
    log(`warning: no text sample at ${options.textDir}; the vocabulary is built from the fixture lexicon and real text will tokenize into characters`);
    texts = LEXICON.flatMap((concept) => Object.values(concept.words));
  } else {
    log(`building the vocabulary from ${texts.length} texts in ${options.textDir}`);
  }
  const vocab = buildBenchVocab(texts, { ...BENCH_VOCAB_DEFAULTS, size: E5_SMALL_SHAPE.vocabSize });
  log('drawing random weights');
  const weights = createRandomWeights(E5_SMALL_SHAPE, createRandom(options.seed));
  log('writing model files');
  return writeModelFolder(folder, {
    shape: E5_SMALL_SHAPE,
    weights,
    tokenizer: buildTokenizerFiles(vocab, E5_SMALL_SHAPE.maxPositions),
    precisions: options.precisions ?? ['fp32', 'q8'],
    configExtras: {
      fixture: {
        description: 'Random weights with the exact shape of multilingual-e5-small, for benchmarks only: the embeddings mean nothing.',
        generator: 'scripts/fixture-model/generate.ts --bench',
        seed: options.seed,
      },
    },
    docString: `${BENCH_E5_SMALL_ID}: random weights, multilingual-e5-small shape (seed ${options.seed})`,
  });
}
