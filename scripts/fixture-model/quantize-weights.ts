// Per-tensor symmetric int8 weight quantisation, the scheme onnxruntime's quantize_dynamic
// applies by default (weight_type=QInt8, per_channel=False): w ~= scale * q, zero point 0.

export interface QuantizedTensor {
  values: Int8Array;
  /** float32-rounded, as stored in the model */
  scale: number;
}

export function quantizeSymmetricInt8(values: Float32Array): QuantizedTensor {
  let absMax = 0;
  for (let i = 0; i < values.length; i++) absMax = Math.max(absMax, Math.abs(values[i]));
  const scale = Math.fround(absMax > 0 ? absMax / 127 : 1);
  const out = new Int8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = Math.max(-127, Math.min(127, roundHalfToEven(values[i] / scale)));
  }
  return { values: out, scale };
}

/** numpy.rint semantics, so results match onnxruntime's Python quantiser. */
export function roundHalfToEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

export interface BlockQuantized4 {
  /** [N, K / blockSize, blockSize / 2] bytes: element 2j in the low nibble of byte j, 2j+1 in the high one. */
  packed: Uint8Array;
  /** One scale per column and block, [N * K / blockSize], column-major as MatMulNBits reads them. */
  scales: Float32Array;
}

/**
 * 4-bit symmetric blockwise quantisation of a [K, N] row-major weight, as onnxruntime's
 * MatMulNBits quantiser does it (is_symmetric, no zero points stored, so the zero point is 8):
 * per column and block of `blockSize` rows, scale = v / -8 for the value v of largest magnitude,
 * q = clamp(rint(w / scale) + 8, 0, 15), and w ~= (q - 8) * scale.
 */
export function quantizeBlockwise4(weight: Float32Array, k: number, n: number, blockSize: number): BlockQuantized4 {
  if (k % blockSize !== 0 || blockSize % 2 !== 0) throw new Error(`K=${k} must be a multiple of the block size ${blockSize}`);
  const blocks = k / blockSize;
  const packed = new Uint8Array(n * blocks * (blockSize / 2));
  const scales = new Float32Array(n * blocks);
  for (let col = 0; col < n; col++) {
    for (let b = 0; b < blocks; b++) {
      let extreme = 0;
      for (let r = b * blockSize; r < (b + 1) * blockSize; r++) if (Math.abs(weight[r * n + col]) > Math.abs(extreme)) extreme = weight[r * n + col];
      const scale = extreme / -8;
      scales[col * blocks + b] = scale;
      for (let i = 0; i < blockSize; i++) {
        const w = weight[(b * blockSize + i) * n + col];
        const q = scale === 0 ? 8 : Math.max(0, Math.min(15, roundHalfToEven(w / scale) + 8));
        const byte = (col * blocks + b) * (blockSize / 2) + (i >> 1);
        packed[byte] |= i % 2 === 0 ? q : q << 4;
      }
    }
  }
  return { packed, scales };
}
