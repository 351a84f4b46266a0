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
