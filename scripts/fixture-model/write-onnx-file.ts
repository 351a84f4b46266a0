// Writes a serialised ONNX model chunk by chunk, so a 500 MB model never exists as one buffer.

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { encodeModel } from '../../src/encoder/onnx/onnx-proto';
import type { OnnxModel } from '../../src/encoder/onnx/onnx-proto';

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
