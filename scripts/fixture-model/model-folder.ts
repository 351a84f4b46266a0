// Writes a model folder in the Hugging Face layout transformers.js loads:
//   config.json, tokenizer.json, tokenizer_config.json, special_tokens_map.json,
//   onnx/model.onnx (fp32), onnx/model_fp16.onnx, onnx/model_quantized.onnx (q8), onnx/model_q4f16.onnx.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EncoderHead, Precision } from './encoder-graph';
import { buildEncoderModel } from './encoder-graph';
import type { EncoderShape, EncoderWeights } from './encoder-weights';
import type { TokenizerFiles } from './tokenizer-files';
import { writeOnnxFile, writeOnnxFileWithExternalData } from './write-onnx-file';

export const ONNX_FILE_NAMES: Readonly<Record<Precision, string>> = {
  fp32: 'onnx/model.onnx',
  fp16: 'onnx/model_fp16.onnx',
  q8: 'onnx/model_quantized.onnx',
  q4f16: 'onnx/model_q4f16.onnx',
};

export interface ModelFolder {
  shape: EncoderShape;
  weights: EncoderWeights;
  tokenizer: TokenizerFiles;
  precisions: readonly Precision[];
  /** Extra config.json fields, e.g. how the fixture was made. */
  configExtras: Record<string, unknown>;
  docString: string;
  /** Outputs beyond last_hidden_state (BERT's pooler_output) or instead of it (masked-LM logits). */
  head?: EncoderHead;
  /** Precisions written as model*.onnx + model*.onnx_data (ONNX external data), as the hub's >2 GB exports are. */
  externalData?: readonly Precision[];
}

/** Returns the written files with their sizes in bytes, relative to the folder. */
export function writeModelFolder(folder: string, model: ModelFolder): Record<string, number> {
  mkdirSync(join(folder, 'onnx'), { recursive: true });
  const sizes: Record<string, number> = {};
  const writeText = (name: string, text: string): void => {
    writeFileSync(join(folder, name), text);
    sizes[name] = Buffer.byteLength(text);
  };
  writeText('config.json', `${JSON.stringify(buildModelConfig(model.shape, model.configExtras), null, 2)}\n`);
  for (const [name, text] of Object.entries(model.tokenizer)) writeText(name, text);
  for (const precision of model.precisions) {
    const onnx = buildEncoderModel(model.shape, model.weights, { precision, docString: model.docString, head: model.head });
    const file = ONNX_FILE_NAMES[precision];
    if (model.externalData?.includes(precision)) {
      const written = writeOnnxFileWithExternalData(join(folder, file), onnx);
      sizes[file] = written.graph;
      sizes[`${file}_data`] = written.data;
    } else sizes[file] = writeOnnxFile(join(folder, file), onnx);
  }
  return sizes;
}

/** config.json as transformers writes it for XLMRobertaModel / BertModel; `extras` may override any field (architectures, model_type). */
export function buildModelConfig(shape: EncoderShape, extras: Record<string, unknown>): Record<string, unknown> {
  const isXlmr = shape.modelType === 'xlm-roberta';
  return {
    architectures: [isXlmr ? 'XLMRobertaModel' : 'BertModel'],
    attention_probs_dropout_prob: 0.1,
    ...(isXlmr ? { bos_token_id: 0, eos_token_id: 2 } : {}),
    classifier_dropout: null,
    hidden_act: 'gelu',
    hidden_dropout_prob: 0.1,
    hidden_size: shape.hiddenSize,
    initializer_range: 0.02,
    intermediate_size: shape.intermediateSize,
    layer_norm_eps: shape.layerNormEps,
    max_position_embeddings: shape.maxPositions,
    model_type: shape.modelType,
    num_attention_heads: shape.numHeads,
    num_hidden_layers: shape.numLayers,
    pad_token_id: shape.padTokenId,
    position_embedding_type: 'absolute',
    ...(isXlmr ? {} : { tokenizer_class: 'XLMRobertaTokenizer' }),
    torch_dtype: 'float32',
    type_vocab_size: shape.typeVocabSize,
    use_cache: true,
    vocab_size: shape.vocabSize,
    ...extras,
  };
}
