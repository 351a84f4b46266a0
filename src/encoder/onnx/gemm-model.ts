/**
 * The one-node ONNX model the scoring backends run: S = A B^T (Gemm with transB), every
 * dimension symbolic, so one session serves every block and pool. Built in code (no file to
 * ship) and handed to onnxruntime as bytes.
 */
import { encodeModel, OnnxType } from './onnx-proto';

let cached: Uint8Array | null = null;

/** Inputs "a" (n x k) and "b" (m x k), float32; output "s" (n x m). */
export function gemmABtModel(): Uint8Array {
  cached ??= encodeModel({
    irVersion: 8,
    opsetVersion: 17,
    producerName: 'xling-retrieval-lab',
    producerVersion: '1',
    docString: 'scores = queries x passages^T',
    graph: {
      name: 'gemm_abt',
      nodes: [{ name: 'gemm', opType: 'Gemm', inputs: ['a', 'b'], outputs: ['s'], attributes: { transB: { kind: 'int', value: 1 } } }],
      initializers: [],
      inputs: [
        { name: 'a', type: OnnxType.float, shape: ['n', 'k'] },
        { name: 'b', type: OnnxType.float, shape: ['m', 'k'] },
      ],
      outputs: [{ name: 's', type: OnnxType.float, shape: ['n', 'm'] }],
    },
  }).toBytes();
  return cached;
}
