// A plain TypeScript forward pass of the encoder (float64), written from the XLM-R / BERT
// definitions rather than from the ONNX graph, so tests can check that the generated graph
// computes what the model is supposed to compute.

import type { EncoderShape, EncoderWeights, LayerNormWeights, Linear } from './encoder-weights';

/** Returns last_hidden_state for one sequence, [seq, hidden] row-major. */
export function runReferenceEncoder(shape: EncoderShape, weights: EncoderWeights, inputIds: readonly number[], attentionMask: readonly number[]): Float64Array {
  const h = shape.hiddenSize;
  const seq = inputIds.length;
  const positions = computeReferencePositionIds(shape, inputIds);

  let hidden: Float64Array = new Float64Array(seq * h);
  for (let t = 0; t < seq; t++) {
    for (let k = 0; k < h; k++) {
      hidden[t * h + k] = weights.wordEmbeddings[inputIds[t] * h + k] + weights.positionEmbeddings[positions[t] * h + k] + weights.tokenTypeEmbeddings[k];
    }
  }
  hidden = layerNorm(hidden, seq, h, weights.embeddingNorm, shape.layerNormEps);

  const heads = shape.numHeads;
  const headSize = h / heads;
  for (const layer of weights.layers) {
    const q = linear(hidden, seq, layer.query);
    const k = linear(hidden, seq, layer.key);
    const v = linear(hidden, seq, layer.value);
    const context = new Float64Array(seq * h);
    for (let head = 0; head < heads; head++) {
      const offset = head * headSize;
      for (let i = 0; i < seq; i++) {
        const logits = new Float64Array(seq);
        let max = -Infinity;
        for (let j = 0; j < seq; j++) {
          if (!attentionMask[j]) {
            logits[j] = -Infinity;
            continue;
          }
          let dot = 0;
          for (let d = 0; d < headSize; d++) dot += q[i * h + offset + d] * k[j * h + offset + d];
          logits[j] = dot / Math.sqrt(headSize);
          max = Math.max(max, logits[j]);
        }
        let sum = 0;
        for (let j = 0; j < seq; j++) sum += logits[j] = Math.exp(logits[j] - max);
        for (let j = 0; j < seq; j++) {
          const p = logits[j] / sum;
          for (let d = 0; d < headSize; d++) context[i * h + offset + d] += p * v[j * h + offset + d];
        }
      }
    }
    hidden = layerNorm(add(linear(context, seq, layer.attentionOutput), hidden), seq, h, layer.attentionNorm, shape.layerNormEps);
    const inner = linear(hidden, seq, layer.intermediate).map(gelu);
    hidden = layerNorm(add(linear(inner, seq, layer.output), hidden), seq, h, layer.outputNorm, shape.layerNormEps);
  }
  return hidden;
}

/** XLM-R: padding keeps padding_idx, other tokens count up from padding_idx + 1. BERT: 0..seq-1. */
export function computeReferencePositionIds(shape: EncoderShape, inputIds: readonly number[]): number[] {
  if (shape.modelType === 'bert') return inputIds.map((_, t) => t);
  let count = 0;
  return inputIds.map((id) => (id === shape.padTokenId ? shape.padTokenId : shape.padTokenId + ++count));
}

function linear(x: Float64Array, rows: number, layer: Linear): Float64Array {
  const out = new Float64Array(rows * layer.outputs);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < layer.outputs; o++) {
      let sum = layer.bias[o];
      for (let i = 0; i < layer.inputs; i++) sum += x[r * layer.inputs + i] * layer.weight[i * layer.outputs + o];
      out[r * layer.outputs + o] = sum;
    }
  }
  return out;
}

function add(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((value, i) => value + b[i]);
}

function layerNorm(x: Float64Array, rows: number, h: number, norm: LayerNormWeights, eps: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    let mean = 0;
    for (let k = 0; k < h; k++) mean += x[r * h + k];
    mean /= h;
    let variance = 0;
    for (let k = 0; k < h; k++) variance += (x[r * h + k] - mean) ** 2;
    variance /= h;
    const scale = 1 / Math.sqrt(variance + eps);
    for (let k = 0; k < h; k++) out[r * h + k] = (x[r * h + k] - mean) * scale * norm.gamma[k] + norm.beta[k];
  }
  return out;
}

function gelu(x: number): number {
  return 0.5 * x * (1 + erf(x / Math.SQRT2));
}

/** erf to ~1e-7 (Abramowitz & Stegun 7.1.26), ample for comparing float32 outputs. */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}
