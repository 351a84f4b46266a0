// The encoder as an ONNX graph, written with the operators a torch.onnx / optimum export of
// XLMRobertaModel or BertModel contains: Gather embeddings, LayerNormalization (opset 17),
// multi-head self-attention with an additive mask bias, an Erf-form GELU feed-forward and
// residual connections. Three storage forms, matching transformers.js' dtype files:
//   fp32 -> onnx/model.onnx, fp16 -> onnx/model_fp16.onnx, q8 -> onnx/model_quantized.onnx,
//   q4f16 -> onnx/model_q4f16.onnx.

import type { EncoderShape, EncoderWeights, LayerNormWeights, Linear } from './encoder-weights';
import { checkWeights } from './encoder-weights';
import { toFloat16Array } from './float16';
import type { OnnxModel, OnnxTypeCode, OnnxValueInfo } from '../../src/encoder/onnx/onnx-proto';
import { OnnxType } from '../../src/encoder/onnx/onnx-proto';
import { GraphBuilder, createTensor } from './onnx-graph-builder';
import { quantizeBlockwise4, quantizeSymmetricInt8 } from './quantize-weights';

export type Precision = 'fp32' | 'fp16' | 'q8' | 'q4f16';

/** MatMulNBits' block along K in the q4f16 form (the 32 transformers.js' q4 exports use). */
export const Q4_BLOCK_SIZE = 32;

export const OPSET_VERSION = 17;
const IR_VERSION = 8;

/** What the graph returns: hidden states; plus BERT's pooler_output; or only masked-LM logits. */
export type EncoderHead = 'none' | 'pooler' | 'masked-lm';

export interface EncoderGraphOptions {
  precision: Precision;
  docString: string;
  head?: EncoderHead;
}

/**
 * How each precision stores and computes:
 * - fp32: float32 weights and arithmetic.
 * - fp16: float16 weights and arithmetic, int64 inputs and a float32 output (the
 *   keep_io_types form of onnxconverter-common's float16 conversion that Xenova's files use).
 * - q8: every weight MatMul becomes DynamicQuantizeLinear + MatMulInteger with int8 weights,
 *   and the word-embedding table is stored int8 behind Gather + DequantizeLinear, as
 *   onnxruntime's quantize_dynamic does; the activation-by-activation attention MatMuls,
 *   LayerNorms and biases stay float32.
 * - q4f16: the fp16 graph with every weight MatMul as onnxruntime's com.microsoft MatMulNBits
 *   (4-bit symmetric blocks of 32 along K, fp16 scales), as the q4f16 exports hold them; the
 *   embedding tables, LayerNorms and biases stay fp16. A WebGPU format: it needs shader-f16.
 */
export function buildEncoderModel(shape: EncoderShape, weights: EncoderWeights, options: EncoderGraphOptions): OnnxModel {
  checkWeights(shape, weights);
  const emitter = new EncoderEmitter(shape, options.precision);
  const graph = emitter.emit(weights, options.head ?? 'none');
  return {
    irVersion: IR_VERSION,
    opsetVersion: OPSET_VERSION,
    producerName: 'xling-retrieval-lab fixture-model',
    producerVersion: '1',
    docString: options.docString,
    graph,
    ...(options.precision === 'q4f16' ? { extraOpsets: [{ domain: 'com.microsoft', version: 1 }] } : {}),
  };
}

class EncoderEmitter {
  private readonly g = new GraphBuilder('main_graph');
  private readonly computeType: OnnxTypeCode;

  constructor(
    private readonly shape: EncoderShape,
    private readonly precision: Precision,
  ) {
    this.computeType = precision === 'fp16' || precision === 'q4f16' ? OnnxType.float16 : OnnxType.float;
  }

  emit(weights: EncoderWeights, head: EncoderHead): ReturnType<GraphBuilder['build']> {
    const { g, shape } = this;
    const inputs: OnnxValueInfo[] = [
      { name: 'input_ids', type: OnnxType.int64, shape: ['batch_size', 'sequence_length'] },
      { name: 'attention_mask', type: OnnxType.int64, shape: ['batch_size', 'sequence_length'] },
    ];
    if (shape.tokenTypeInput) inputs.push({ name: 'token_type_ids', type: OnnxType.int64, shape: ['batch_size', 'sequence_length'] });

    let hidden = this.emitEmbeddings(weights);
    const maskBias = this.emitMaskBias();
    weights.layers.forEach((layer, i) => {
      const scope = `/encoder/layer.${i}`;
      const attention = this.emitSelfAttention(`${scope}/attention`, hidden, maskBias, layer.query, layer.key, layer.value);
      const attentionOut = this.emitLinear(`${scope}/attention/output/dense`, attention, layer.attentionOutput);
      const attentionResidual = g.op(`${scope}/attention/output`, 'Add', [attentionOut, hidden]);
      hidden = this.emitLayerNorm(
        `${scope}/attention/output/LayerNorm`,
        attentionResidual,
        layer.attentionNorm,
        `encoder.layer.${i}.attention.output.LayerNorm`,
      );

      const intermediate = this.emitLinear(`${scope}/intermediate/dense`, hidden, layer.intermediate);
      const activated = this.emitGelu(`${scope}/intermediate/intermediate_act_fn`, intermediate);
      const ffnOut = this.emitLinear(`${scope}/output/dense`, activated, layer.output);
      const ffnResidual = g.op(`${scope}/output`, 'Add', [ffnOut, hidden]);
      hidden = this.emitLayerNorm(`${scope}/output/LayerNorm`, ffnResidual, layer.outputNorm, `encoder.layer.${i}.output.LayerNorm`);
    });

    const outputs: OnnxValueInfo[] = [];
    if (head === 'masked-lm') {
      this.emitOutput(this.emitLmHead(hidden, weights), 'logits');
      outputs.push({ name: 'logits', type: OnnxType.float, shape: ['batch_size', 'sequence_length', shape.vocabSize] });
      return g.build(inputs, outputs);
    }
    this.emitOutput(hidden, 'last_hidden_state');
    outputs.push({ name: 'last_hidden_state', type: OnnxType.float, shape: ['batch_size', 'sequence_length', shape.hiddenSize] });
    if (head === 'pooler') {
      if (!weights.pooler) throw new Error('head "pooler" needs pooler weights');
      // BertPooler: tanh(dense(hidden[:, 0])).
      const first = g.op('/pooler', 'Gather', [hidden, g.int64s('/pooler/first_token', [0], [])], { axis: { kind: 'int', value: 1 } });
      this.emitOutput(g.op('/pooler/activation', 'Tanh', [this.emitLinear('/pooler/dense', first, weights.pooler)]), 'pooler_output');
      outputs.push({ name: 'pooler_output', type: OnnxType.float, shape: ['batch_size', shape.hiddenSize] });
    }
    return g.build(inputs, outputs);
  }

  /** A graph output in float32 (the fp16 graph casts back, keep_io_types). */
  private emitOutput(value: string, name: string): void {
    const { g } = this;
    const scope = name === 'last_hidden_state' ? '/output' : `/${name}`;
    if (this.computeType === OnnxType.float16) g.op(scope, 'Cast', [value], { to: { kind: 'int', value: OnnxType.float } });
    else g.op(scope, 'Identity', [value]);
    g.renameLastOutput(name);
  }

  /** RobertaLMHead / BertLMPredictionHead: dense, GELU, LayerNorm, then the tied word embeddings. */
  private emitLmHead(hidden: string, weights: EncoderWeights): string {
    const { shape } = this;
    const lm = weights.lmHead;
    if (!lm) throw new Error('head "masked-lm" needs lmHead weights');
    const h = shape.hiddenSize;
    const dense = this.emitGelu('/lm_head/gelu', this.emitLinear('/lm_head/dense', hidden, lm.dense));
    const normed = this.emitLayerNorm('/lm_head/layer_norm', dense, lm.norm, 'lm_head.layer_norm');
    const transposed = new Float32Array(h * shape.vocabSize);
    for (let v = 0; v < shape.vocabSize; v++) for (let k = 0; k < h; k++) transposed[k * shape.vocabSize + v] = weights.wordEmbeddings[v * h + k];
    return this.emitLinear('/lm_head/decoder', normed, { weight: transposed, bias: lm.bias, inputs: h, outputs: shape.vocabSize });
  }

  /** A float initializer in the precision's storage type (q8 keeps non-MatMul weights float32). */
  private floatWeight(name: string, data: Float32Array, dims: readonly number[]): string {
    if (this.computeType === OnnxType.float16) return this.g.initializer(createTensor(name, OnnxType.float16, dims, toFloat16Array(data)));
    return this.g.initializer(createTensor(name, OnnxType.float, dims, data));
  }

  private scalar(name: string, value: number): string {
    return this.floatWeight(name, Float32Array.of(value), []);
  }

  private emitEmbeddings(weights: EncoderWeights): string {
    const { g, shape } = this;
    const h = shape.hiddenSize;
    const scope = '/embeddings';

    let words: string;
    if (this.precision === 'q8') {
      // quantize_dynamic's GatherQuant: gather int8 rows, then dequantize them.
      const q = quantizeSymmetricInt8(weights.wordEmbeddings);
      const table = g.initializer(createTensor('embeddings.word_embeddings.weight_quantized', OnnxType.int8, [shape.vocabSize, h], q.values));
      const scale = g.initializer(createTensor('embeddings.word_embeddings.weight_scale', OnnxType.float, [], Float32Array.of(q.scale)));
      const zeroPoint = g.initializer(createTensor('embeddings.word_embeddings.weight_zero_point', OnnxType.int8, [], Int8Array.of(0)));
      const gathered = g.op(`${scope}/word_embeddings`, 'Gather', [table, 'input_ids']);
      words = g.op(`${scope}/word_embeddings`, 'DequantizeLinear', [gathered, scale, zeroPoint]);
    } else {
      const table = this.floatWeight('embeddings.word_embeddings.weight', weights.wordEmbeddings, [shape.vocabSize, h]);
      words = g.op(`${scope}/word_embeddings`, 'Gather', [table, 'input_ids']);
    }

    const positionIds = shape.modelType === 'xlm-roberta' ? this.emitXlmrPositionIds() : this.emitBertPositionIds();
    const positionTable = this.floatWeight('embeddings.position_embeddings.weight', weights.positionEmbeddings, [shape.maxPositions, h]);
    const positions = g.op(`${scope}/position_embeddings`, 'Gather', [positionTable, positionIds]);

    let tokenTypes: string;
    if (shape.tokenTypeInput) {
      const typeTable = this.floatWeight('embeddings.token_type_embeddings.weight', weights.tokenTypeEmbeddings, [shape.typeVocabSize, h]);
      tokenTypes = g.op(`${scope}/token_type_embeddings`, 'Gather', [typeTable, 'token_type_ids']);
    } else {
      // XLM-R exports have no token_type_ids input: the all-zero ids select row 0 for every token.
      tokenTypes = this.floatWeight('embeddings.token_type_embeddings.row0', weights.tokenTypeEmbeddings.subarray(0, h), [h]);
    }
    const sum = g.op(scope, 'Add', [g.op(scope, 'Add', [words, tokenTypes]), positions]);
    return this.emitLayerNorm(`${scope}/LayerNorm`, sum, weights.embeddingNorm, 'embeddings.LayerNorm');
  }

  /** XLM-R's create_position_ids_from_input_ids: cumsum(ids != pad) * (ids != pad) + pad. */
  private emitXlmrPositionIds(): string {
    const { g, shape } = this;
    const scope = '/embeddings';
    const pad = g.int64s('/embeddings/padding_idx', [shape.padTokenId], []);
    const notPad = g.op(scope, 'Not', [g.op(scope, 'Equal', ['input_ids', pad])]);
    const mask = g.op(scope, 'Cast', [notPad], { to: { kind: 'int', value: OnnxType.int64 } });
    const axis = g.int64s('/embeddings/cumsum_axis', [1], []);
    const counts = g.op(scope, 'CumSum', [mask, axis]);
    return g.op(scope, 'Add', [g.op(scope, 'Mul', [counts, mask]), pad]);
  }

  /** BERT: absolute positions 0..seq-1, the same row for every batch item. */
  private emitBertPositionIds(): string {
    const { g } = this;
    const scope = '/embeddings';
    const ids = g.op(scope, 'Shape', ['input_ids']);
    const seqLength = g.op(scope, 'Gather', [ids, g.int64s('/embeddings/seq_axis', [1], [])], { axis: { kind: 'int', value: 0 } });
    const range = g.op(scope, 'Range', [g.int64s('/embeddings/zero', [0], []), seqLength, g.int64s('/embeddings/one', [1], [])]);
    return g.op(scope, 'Unsqueeze', [range, g.int64s('/embeddings/batch_axis', [0])]);
  }

  /** (1 - mask) * lowest, shaped [batch, 1, 1, seq] to broadcast over heads and query positions. */
  private emitMaskBias(): string {
    const { g } = this;
    const scope = '/get_extended_attention_mask';
    const expanded = g.op(scope, 'Unsqueeze', ['attention_mask', g.int64s(`${scope}/axes`, [1, 2])]);
    const asFloat = g.op(scope, 'Cast', [expanded], { to: { kind: 'int', value: this.computeType } });
    const inverted = g.op(scope, 'Sub', [this.scalar(`${scope}/one`, 1), asFloat]);
    const lowest = this.computeType === OnnxType.float16 ? -65504 : -3.4028234663852886e38;
    return g.op(scope, 'Mul', [inverted, this.scalar(`${scope}/lowest`, lowest)]);
  }

  private emitSelfAttention(scope: string, hidden: string, maskBias: string, query: Linear, key: Linear, value: Linear): string {
    const { g, shape } = this;
    const headSize = shape.hiddenSize / shape.numHeads;
    const splitShape = g.int64s('/attention/split_heads_shape', [0, 0, shape.numHeads, headSize]);
    const mergeShape = g.int64s('/attention/merge_heads_shape', [0, 0, shape.hiddenSize]);
    const perm = (value: number[]) => ({ perm: { kind: 'ints' as const, value } });

    const heads = (name: string, linear: Linear, permutation: number[]): string => {
      const projected = this.emitLinear(`${scope}/self/${name}`, hidden, linear);
      const split = g.op(`${scope}/self`, 'Reshape', [projected, splitShape]);
      return g.op(`${scope}/self`, 'Transpose', [split], perm(permutation));
    };
    const q = heads('query', query, [0, 2, 1, 3]); // [b, heads, seq, headSize]
    const kT = heads('key', key, [0, 2, 3, 1]); // [b, heads, headSize, seq]
    const v = heads('value', value, [0, 2, 1, 3]);

    const scores = g.op(`${scope}/self`, 'MatMul', [q, kT]);
    const scaled = g.op(`${scope}/self`, 'Div', [scores, this.scalar('/attention/sqrt_head_size', Math.sqrt(headSize))]);
    const masked = g.op(`${scope}/self`, 'Add', [scaled, maskBias]);
    const probs = g.op(`${scope}/self`, 'Softmax', [masked], { axis: { kind: 'int', value: -1 } });
    const context = g.op(`${scope}/self`, 'MatMul', [probs, v]);
    const merged = g.op(`${scope}/self`, 'Transpose', [context], perm([0, 2, 1, 3]));
    return g.op(`${scope}/self`, 'Reshape', [merged, mergeShape]);
  }

  private emitLinear(scope: string, x: string, linear: Linear): string {
    const { g } = this;
    const name = scope.replace(/^\//, '').replaceAll('/', '.');
    const bias = this.floatWeight(`${name}.bias`, linear.bias, [linear.outputs]);
    if (this.precision === 'q4f16') {
      const q = quantizeBlockwise4(linear.weight, linear.inputs, linear.outputs, Q4_BLOCK_SIZE);
      const blocks = linear.inputs / Q4_BLOCK_SIZE;
      const weight = g.initializer(createTensor(`${name}.weight_Q4`, OnnxType.uint8, [linear.outputs, blocks, Q4_BLOCK_SIZE / 2], q.packed));
      const scales = g.initializer(createTensor(`${name}.weight_scales`, OnnxType.float16, [linear.outputs * blocks], toFloat16Array(q.scales)));
      const attributes = {
        K: { kind: 'int' as const, value: linear.inputs },
        N: { kind: 'int' as const, value: linear.outputs },
        bits: { kind: 'int' as const, value: 4 },
        block_size: { kind: 'int' as const, value: Q4_BLOCK_SIZE },
      };
      const [product] = g.node(`${scope}/MatMul_Q4`, 'MatMulNBits', [x, weight, scales], attributes, 1, 'com.microsoft');
      return g.op(scope, 'Add', [bias, product]);
    }
    if (this.precision !== 'q8') {
      const weight = this.floatWeight(`${name}.weight`, linear.weight, [linear.inputs, linear.outputs]);
      return g.op(scope, 'Add', [bias, g.op(scope, 'MatMul', [x, weight])]);
    }
    // quantize_dynamic's MatMulInteger pattern: y = (q(x) . q(W)) * (x_scale * w_scale) + b.
    const q = quantizeSymmetricInt8(linear.weight);
    const weight = g.initializer(createTensor(`${name}.weight_quantized`, OnnxType.int8, [linear.inputs, linear.outputs], q.values));
    const weightScale = g.initializer(createTensor(`${name}.weight_scale`, OnnxType.float, [], Float32Array.of(q.scale)));
    const weightZeroPoint = g.initializer(createTensor(`${name}.weight_zero_point`, OnnxType.int8, [], Int8Array.of(0)));
    const [xq, xScale, xZeroPoint] = g.node(`${scope}/MatMul`, 'DynamicQuantizeLinear', [x], {}, 3);
    const product = g.op(`${scope}/MatMul`, 'MatMulInteger', [xq, weight, xZeroPoint, weightZeroPoint]);
    const asFloat = g.op(`${scope}/MatMul`, 'Cast', [product], { to: { kind: 'int', value: OnnxType.float } });
    const scale = g.op(`${scope}/MatMul`, 'Mul', [xScale, weightScale]);
    const matmul = g.op(`${scope}/MatMul`, 'Mul', [asFloat, scale]);
    return g.op(scope, 'Add', [bias, matmul]);
  }

  /** GELU as exported from torch: x * 0.5 * (1 + erf(x / sqrt(2))). */
  private emitGelu(scope: string, x: string): string {
    const { g } = this;
    const divided = g.op(scope, 'Div', [x, this.scalar('/gelu/sqrt_two', Math.SQRT2)]);
    const erf = g.op(scope, 'Erf', [divided]);
    const onePlus = g.op(scope, 'Add', [erf, this.scalar('/gelu/one', 1)]);
    const times = g.op(scope, 'Mul', [x, onePlus]);
    return g.op(scope, 'Mul', [times, this.scalar('/gelu/half', 0.5)]);
  }

  private emitLayerNorm(scope: string, x: string, norm: LayerNormWeights, name: string): string {
    const h = this.shape.hiddenSize;
    const gamma = this.floatWeight(`${name}.weight`, norm.gamma, [h]);
    const beta = this.floatWeight(`${name}.bias`, norm.beta, [h]);
    return this.g.op(scope, 'LayerNormalization', [x, gamma, beta], {
      axis: { kind: 'int', value: -1 },
      epsilon: { kind: 'float', value: this.shape.layerNormEps },
    });
  }
}
