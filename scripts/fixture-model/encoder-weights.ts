// The shape and the float32 weights of a BERT/XLM-R style encoder, independent of how they
// were made (constructed for the fixture, random for the bench) or how they are stored.

export interface EncoderShape {
  /** config.json model_type: "xlm-roberta" or "bert" (multilingual-e5-small is a BERT with the XLM-R vocabulary). */
  modelType: 'xlm-roberta' | 'bert';
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  numHeads: number;
  intermediateSize: number;
  maxPositions: number;
  typeVocabSize: number;
  layerNormEps: number;
  /** XLM-R: the padding id, positions start at padIdx + 1. BERT: the config's pad_token_id. */
  padTokenId: number;
  /** Whether the graph takes token_type_ids (BERT exports do; XLM-R exports do not). */
  tokenTypeInput: boolean;
}

/** A linear layer stored as ONNX MatMul expects it: weight is [inputs, outputs], row-major. */
export interface Linear {
  weight: Float32Array;
  bias: Float32Array;
  inputs: number;
  outputs: number;
}

export interface LayerNormWeights {
  gamma: Float32Array;
  beta: Float32Array;
}

export interface LayerWeights {
  query: Linear;
  key: Linear;
  value: Linear;
  attentionOutput: Linear;
  attentionNorm: LayerNormWeights;
  intermediate: Linear;
  output: Linear;
  outputNorm: LayerNormWeights;
}

export interface EncoderWeights {
  /** [vocabSize, hiddenSize] */
  wordEmbeddings: Float32Array;
  /** [maxPositions, hiddenSize] */
  positionEmbeddings: Float32Array;
  /** [typeVocabSize, hiddenSize] */
  tokenTypeEmbeddings: Float32Array;
  embeddingNorm: LayerNormWeights;
  layers: LayerWeights[];
  /** BERT's pooler (Dense + tanh over the first token): the pooler_output of BertModel exports. */
  pooler?: Linear;
  /** A masked-LM head (dense, GELU, LayerNorm, then the word embeddings transposed + bias): ...ForMaskedLM exports. */
  lmHead?: { dense: Linear; norm: LayerNormWeights; bias: Float32Array };
}

/** Throws if any array does not have the size the shape implies (a generator bug, not user input). */
export function checkWeights(shape: EncoderShape, weights: EncoderWeights): void {
  const h = shape.hiddenSize;
  const expect = (what: string, actual: number, expected: number): void => {
    if (actual !== expected) throw new Error(`${what}: expected ${expected} values, got ${actual}`);
  };
  expect('wordEmbeddings', weights.wordEmbeddings.length, shape.vocabSize * h);
  expect('positionEmbeddings', weights.positionEmbeddings.length, shape.maxPositions * h);
  expect('tokenTypeEmbeddings', weights.tokenTypeEmbeddings.length, shape.typeVocabSize * h);
  expect('layers', weights.layers.length, shape.numLayers);
  const checkLinear = (what: string, linear: Linear, inputs: number, outputs: number): void => {
    expect(`${what}.weight`, linear.weight.length, inputs * outputs);
    expect(`${what}.bias`, linear.bias.length, outputs);
  };
  weights.layers.forEach((layer, i) => {
    for (const name of ['query', 'key', 'value', 'attentionOutput'] as const) checkLinear(`layer ${i} ${name}`, layer[name], h, h);
    checkLinear(`layer ${i} intermediate`, layer.intermediate, h, shape.intermediateSize);
    checkLinear(`layer ${i} output`, layer.output, shape.intermediateSize, h);
  });
  if (h % shape.numHeads !== 0) throw new Error(`hiddenSize ${h} is not divisible by numHeads ${shape.numHeads}`);
}
