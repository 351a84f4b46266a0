// Random weights with a given shape, for benchmarks: the same cost to run as a real model of
// that shape, no meaning. Uniform values (cheap to draw for 100M weights) at BERT's init scale.

import type { EncoderShape, EncoderWeights, LayerNormWeights, Linear } from './encoder-weights';
import type { SeededRandom } from './seeded-random';

const INIT_STD = 0.02;

export function createRandomWeights(shape: EncoderShape, random: SeededRandom): EncoderWeights {
  const h = shape.hiddenSize;
  const drawUniform = (length: number): Float32Array => {
    // Uniform on [-a, a] has std a / sqrt(3).
    const a = INIT_STD * Math.sqrt(3);
    const out = new Float32Array(length);
    for (let i = 0; i < length; i++) out[i] = (random.uniform() * 2 - 1) * a;
    return out;
  };
  const createLinear = (inputs: number, outputs: number): Linear => ({
    weight: drawUniform(inputs * outputs),
    bias: new Float32Array(outputs),
    inputs,
    outputs,
  });
  const createUnitNorm = (): LayerNormWeights => ({ gamma: new Float32Array(h).fill(1), beta: new Float32Array(h) });
  return {
    wordEmbeddings: drawUniform(shape.vocabSize * h),
    positionEmbeddings: drawUniform(shape.maxPositions * h),
    tokenTypeEmbeddings: drawUniform(shape.typeVocabSize * h),
    embeddingNorm: createUnitNorm(),
    layers: Array.from({ length: shape.numLayers }, () => ({
      query: createLinear(h, h),
      key: createLinear(h, h),
      value: createLinear(h, h),
      attentionOutput: createLinear(h, h),
      attentionNorm: createUnitNorm(),
      intermediate: createLinear(h, shape.intermediateSize),
      output: createLinear(shape.intermediateSize, h),
      outputNorm: createUnitNorm(),
    })),
  };
}
