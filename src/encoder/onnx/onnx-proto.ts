// ONNX model serialisation (onnx.proto field numbers) for the subset these generators use.
// Repeated scalars are written unpacked, as onnx's own proto2 serialiser does.

import { ProtoMessage } from './protobuf-writer';

/** TensorProto.DataType values. */
export const OnnxType = {
  float: 1,
  uint8: 2,
  int8: 3,
  int32: 6,
  int64: 7,
  bool: 9,
  float16: 10,
} as const;
export type OnnxTypeCode = (typeof OnnxType)[keyof typeof OnnxType];

export interface OnnxTensor {
  name: string;
  type: OnnxTypeCode;
  dims: readonly number[];
  /** Little-endian element bytes (TensorProto.raw_data). */
  raw: Uint8Array;
  /** When set, the bytes live in this external-data file instead (TensorProto.external_data). */
  external?: { location: string; offset: number; length: number };
}

export type OnnxAttributeValue =
  { kind: 'int'; value: number } | { kind: 'float'; value: number } | { kind: 'ints'; value: readonly number[] } | { kind: 'tensor'; value: OnnxTensor };

export interface OnnxNode {
  name: string;
  opType: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes: Readonly<Record<string, OnnxAttributeValue>>;
  /** Operator set domain; '' (the default) is ai.onnx, 'com.microsoft' onnxruntime's contrib ops. */
  domain?: string;
}

/** A graph input/output: element type and shape, where a string is a symbolic dimension. */
export interface OnnxValueInfo {
  name: string;
  type: OnnxTypeCode;
  shape: readonly (number | string)[];
}

export interface OnnxGraph {
  name: string;
  nodes: readonly OnnxNode[];
  initializers: readonly OnnxTensor[];
  inputs: readonly OnnxValueInfo[];
  outputs: readonly OnnxValueInfo[];
}

export interface OnnxModel {
  irVersion: number;
  opsetVersion: number;
  producerName: string;
  producerVersion: string;
  docString: string;
  graph: OnnxGraph;
  /** Operator sets beyond ai.onnx's, e.g. { domain: 'com.microsoft', version: 1 } for MatMulNBits. */
  extraOpsets?: readonly { domain: string; version: number }[];
}

const AttributeType = { float: 1, int: 2, tensor: 4, ints: 7 } as const;

export function encodeTensor(tensor: OnnxTensor): ProtoMessage {
  const message = new ProtoMessage();
  for (const dim of tensor.dims) message.int(1, dim);
  message.int(2, tensor.type);
  message.string(8, tensor.name);
  if (!tensor.external) return message.bytes(9, tensor.raw);
  // ONNX external data: key/value entries (location, offset, length), data_location = EXTERNAL.
  const { location, offset, length } = tensor.external;
  for (const [key, value] of [
    ['location', location],
    ['offset', String(offset)],
    ['length', String(length)],
  ]) {
    message.message(13, new ProtoMessage().string(1, key).string(2, value));
  }
  return message.int(14, 1);
}

function encodeAttribute(name: string, attribute: OnnxAttributeValue): ProtoMessage {
  const message = new ProtoMessage().string(1, name);
  switch (attribute.kind) {
    case 'float':
      message.float(2, attribute.value);
      break;
    case 'int':
      message.int(3, attribute.value);
      break;
    case 'tensor':
      message.message(5, encodeTensor(attribute.value));
      break;
    case 'ints':
      for (const value of attribute.value) message.int(8, value);
      break;
  }
  return message.int(20, AttributeType[attribute.kind]);
}

function encodeNode(node: OnnxNode): ProtoMessage {
  const message = new ProtoMessage();
  for (const input of node.inputs) message.string(1, input);
  for (const output of node.outputs) message.string(2, output);
  message.string(3, node.name);
  message.string(4, node.opType);
  for (const name of Object.keys(node.attributes).sort()) {
    message.message(5, encodeAttribute(name, node.attributes[name]));
  }
  if (node.domain) message.string(7, node.domain);
  return message;
}

function encodeValueInfo(info: OnnxValueInfo): ProtoMessage {
  const shape = new ProtoMessage();
  for (const dim of info.shape) {
    const dimension = new ProtoMessage();
    if (typeof dim === 'number') dimension.int(1, dim);
    else dimension.string(2, dim);
    shape.message(1, dimension);
  }
  const tensorType = new ProtoMessage().int(1, info.type).message(2, shape);
  const type = new ProtoMessage().message(1, tensorType);
  return new ProtoMessage().string(1, info.name).message(2, type);
}

function encodeGraph(graph: OnnxGraph): ProtoMessage {
  const message = new ProtoMessage();
  for (const node of graph.nodes) message.message(1, encodeNode(node));
  message.string(2, graph.name);
  for (const tensor of graph.initializers) message.message(5, encodeTensor(tensor));
  for (const input of graph.inputs) message.message(11, encodeValueInfo(input));
  for (const output of graph.outputs) message.message(12, encodeValueInfo(output));
  return message;
}

/** Serialises a model; returns the message so callers can stream its chunks to a file. */
export function encodeModel(model: OnnxModel): ProtoMessage {
  const opset = new ProtoMessage().string(1, '').int(2, model.opsetVersion);
  const message = new ProtoMessage()
    .int(1, model.irVersion)
    .string(2, model.producerName)
    .string(3, model.producerVersion)
    .string(6, model.docString)
    .message(7, encodeGraph(model.graph))
    .message(8, opset);
  for (const extra of model.extraOpsets ?? []) message.message(8, new ProtoMessage().string(1, extra.domain).int(2, extra.version));
  return message;
}
