// Writes a serialised ONNX model chunk by chunk, so a 500 MB model never exists as one buffer.

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { encodeModel } from './onnx-proto';
import type { OnnxModel } from './onnx-proto';

/** Returns the number of bytes written. */
export function writeOnnxFile(path: string, model: OnnxModel): number {
  const message = encodeModel(model);
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  try {
    for (const chunk of message.chunks) {
      let offset = 0;
      while (offset < chunk.byteLength) offset += writeSync(fd, chunk, offset, chunk.byteLength - offset);
    }
  } finally {
    closeSync(fd);
  }
  return message.byteLength;
}

/** Initializers at least this big go to the external-data file (as onnx's converter does for large ones). */
const EXTERNAL_MIN_BYTES = 1024;
/** Each tensor starts on this boundary in the data file, so it can be memory-mapped. */
const EXTERNAL_ALIGN = 4096;

/**
 * Writes the graph to `path` and the bytes of its larger initializers to `path + "_data"` (ONNX
 * external data, as exports of models over 2 GB have it: onnx/model.onnx + onnx/model.onnx_data).
 * Returns the sizes of both files.
 */
export function writeOnnxFileWithExternalData(path: string, model: OnnxModel): { graph: number; data: number } {
  const dataPath = `${path}_data`;
  const location = basename(dataPath);
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(dataPath, 'w');
  let offset = 0;
  try {
    const initializers = model.graph.initializers.map((tensor) => {
      if (tensor.raw.byteLength < EXTERNAL_MIN_BYTES) return tensor;
      const start = Math.ceil(offset / EXTERNAL_ALIGN) * EXTERNAL_ALIGN;
      if (start > offset) writeSync(fd, new Uint8Array(start - offset));
      let written = 0;
      while (written < tensor.raw.byteLength) written += writeSync(fd, tensor.raw, written, tensor.raw.byteLength - written);
      offset = start + tensor.raw.byteLength;
      return { ...tensor, raw: new Uint8Array(0), external: { location, offset: start, length: tensor.raw.byteLength } };
    });
    const graph = writeOnnxFile(path, { ...model, graph: { ...model.graph, initializers } });
    return { graph, data: offset };
  } finally {
    closeSync(fd);
  }
}
