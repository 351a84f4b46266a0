// Builds an ONNX graph node by node, with export-style names ("/encoder/layer.0/.../MatMul")
// so the generated graphs read like the ones optimum / torch.onnx produce.

import type { OnnxAttributeValue, OnnxGraph, OnnxNode, OnnxTensor, OnnxTypeCode, OnnxValueInfo } from '../../src/encoder/onnx/onnx-proto';
import { OnnxType } from '../../src/encoder/onnx/onnx-proto';

export type Attributes = Record<string, OnnxAttributeValue>;

export class GraphBuilder {
  private readonly nodes: OnnxNode[] = [];
  private readonly initializers: OnnxTensor[] = [];
  private readonly initializerNames = new Set<string>();
  private readonly nodeNames = new Set<string>();

  constructor(private readonly name: string) {}

  /** Adds an initializer once; re-adding the same name returns the existing one. */
  initializer(tensor: OnnxTensor): string {
    if (!this.initializerNames.has(tensor.name)) {
      this.initializerNames.add(tensor.name);
      this.initializers.push(tensor);
    }
    return tensor.name;
  }

  int64s(name: string, values: readonly number[], dims: readonly number[] = [values.length]): string {
    const data = new BigInt64Array(values.map((v) => BigInt(v)));
    return this.initializer({ name, type: OnnxType.int64, dims, raw: viewBytes(data) });
  }

  /**
   * Adds a node named `${scope}/${opType}` (with a _N suffix when repeated) and returns its
   * outputs, named `${nodeName}_output_${i}` as torch.onnx does.
   */
  node(scope: string, opType: string, inputs: readonly string[], attributes: Attributes = {}, outputCount = 1, domain?: string): string[] {
    let name = `${scope}/${opType}`;
    for (let i = 1; this.nodeNames.has(name); i++) name = `${scope}/${opType}_${i}`;
    this.nodeNames.add(name);
    const outputs = Array.from({ length: outputCount }, (_, i) => `${name}_output_${i}`);
    this.nodes.push({ name, opType, inputs, outputs, attributes, ...(domain ? { domain } : {}) });
    return outputs;
  }

  /** Single-output convenience for node(). */
  op(scope: string, opType: string, inputs: readonly string[], attributes: Attributes = {}): string {
    return this.node(scope, opType, inputs, attributes)[0];
  }

  /** Renames the output of the last node, used to give graph outputs their public names. */
  renameLastOutput(newName: string): string {
    const last = this.nodes[this.nodes.length - 1];
    this.nodes[this.nodes.length - 1] = { ...last, outputs: [newName, ...last.outputs.slice(1)] };
    return newName;
  }

  build(inputs: readonly OnnxValueInfo[], outputs: readonly OnnxValueInfo[]): OnnxGraph {
    return { name: this.name, nodes: [...this.nodes], initializers: [...this.initializers], inputs, outputs };
  }
}

export function viewBytes(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function createTensor(name: string, type: OnnxTypeCode, dims: readonly number[], data: ArrayBufferView): OnnxTensor {
  return { name, type, dims, raw: viewBytes(data) };
}
