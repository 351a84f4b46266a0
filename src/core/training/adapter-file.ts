import { adapterParamCount, assertAdapterShape, type Adapter } from './adapter';

/**
 * The adapter file: a small JSON header and the parameters as little-endian float32.
 *   bytes 0-3   "XLAD"
 *   bytes 4-7   header length H (uint32, little-endian), including padding
 *   bytes 8..   UTF-8 JSON header, space-padded so the floats start 4-byte aligned
 *   then        paramCount float32 values (Delta, or U then V^T; see adapter.ts)
 */
export const ADAPTER_FORMAT = 'xling-adapter';
export const ADAPTER_FORMAT_VERSION = 1;
const MAGIC = [0x58, 0x4c, 0x41, 0x44]; // "XLAD"

export type AdapterMeta = Record<string, string | number | boolean | null>;

export interface AdapterHeader {
  format: typeof ADAPTER_FORMAT;
  version: number;
  dim: number;
  rank: number;
  paramCount: number;
  /** Free-form provenance: strategy, alpha, epochs, encoder id, ... */
  meta: AdapterMeta;
}

export function serializeAdapter(adapter: Adapter, meta: AdapterMeta = {}): Uint8Array {
  assertAdapterShape(adapter, 'serializeAdapter');
  const paramCount = adapterParamCount(adapter);
  if (adapter.params.length !== paramCount) {
    throw new RangeError(`serializeAdapter: adapter has ${adapter.params.length} parameters, expected ${paramCount}`);
  }
  const header: AdapterHeader = {
    format: ADAPTER_FORMAT,
    version: ADAPTER_FORMAT_VERSION,
    dim: adapter.dim,
    rank: adapter.rank,
    paramCount,
    meta,
  };
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil((8 + json.length) / 4) * 4 - 8;
  if (padded > json.length) {
    const withPad = new Uint8Array(padded).fill(0x20);
    withPad.set(json);
    json = withPad;
  }
  const bytes = new Uint8Array(8 + json.length + paramCount * 4);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, json.length, true);
  bytes.set(json, 8);
  const base = 8 + json.length;
  for (let i = 0; i < paramCount; i++) view.setFloat32(base + i * 4, adapter.params[i], true);
  return bytes;
}

/** meta is optional (older files may leave it out), but when present it is an object of plain values. */
function checkMeta(meta: unknown, label: string): asserts meta is AdapterMeta | undefined {
  if (meta === undefined) return;
  if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
    throw new RangeError(`${label}: header.meta is ${JSON.stringify(meta)}, expected an object`);
  }
  for (const [key, value] of Object.entries(meta)) {
    if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
      throw new RangeError(`${label}: header.meta.${key} is not a string, number, boolean or null`);
    }
  }
}

export interface DeserializeExpectations {
  /** The embedding dim the adapter will be applied to (the encoder's). */
  dim?: number;
  rank?: number;
}

/**
 * Reads an adapter file; `label` (a file name or URL) starts every error message. Checks the
 * magic, format version, declared shape against the data length, and `expect` against the header.
 */
export function deserializeAdapter(
  data: Uint8Array | ArrayBuffer,
  expect: DeserializeExpectations = {},
  label = 'adapter file',
): { adapter: Adapter; header: AdapterHeader } {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new RangeError(`${label}: not an adapter file (expected it to start with "XLAD")`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length) {
    throw new RangeError(`${label}: header length ${headerLength} runs past the end of the file (${bytes.length} bytes)`);
  }
  let header: AdapterHeader;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as AdapterHeader;
  } catch (error) {
    throw new RangeError(`${label}: header is not valid JSON (${(error as Error).message})`);
  }
  if (header === null || typeof header !== 'object' || header.format !== ADAPTER_FORMAT) {
    throw new RangeError(`${label}: header.format is ${JSON.stringify(header?.format)}, expected "${ADAPTER_FORMAT}"`);
  }
  if (header.version !== ADAPTER_FORMAT_VERSION) {
    throw new RangeError(`${label}: header.version is ${JSON.stringify(header.version)}, this build reads version ${ADAPTER_FORMAT_VERSION}`);
  }
  for (const key of ['dim', 'rank', 'paramCount'] as const) {
    if (!Number.isInteger(header[key]) || header[key] < 0) {
      throw new RangeError(`${label}: header.${key} is ${JSON.stringify(header[key])}, expected a non-negative integer`);
    }
  }
  assertAdapterShape(header, `${label}: header`);
  const expectedCount = adapterParamCount(header);
  if (header.paramCount !== expectedCount) {
    throw new RangeError(`${label}: header.paramCount is ${header.paramCount}, expected ${expectedCount} for dim ${header.dim}, rank ${header.rank}`);
  }
  const dataBytes = bytes.length - 8 - headerLength;
  if (dataBytes !== expectedCount * 4) {
    throw new RangeError(
      `${label}: holds ${dataBytes} bytes of parameters, expected ${expectedCount * 4} (${expectedCount} float32 for dim ${header.dim}, rank ${header.rank})`,
    );
  }
  if (expect.dim !== undefined && header.dim !== expect.dim) {
    throw new RangeError(`${label}: adapter dim is ${header.dim} but the embeddings it is for have dim ${expect.dim}`);
  }
  if (expect.rank !== undefined && header.rank !== expect.rank) {
    throw new RangeError(`${label}: adapter rank is ${header.rank}, expected ${expect.rank}`);
  }
  checkMeta(header.meta, label);
  header.meta ??= {};
  const params = new Float32Array(expectedCount);
  const base = 8 + headerLength;
  for (let i = 0; i < expectedCount; i++) {
    params[i] = view.getFloat32(base + i * 4, true);
    // A NaN or infinite weight would turn every adapted embedding, and so every score, into NaN.
    if (!Number.isFinite(params[i])) throw new RangeError(`${label}: parameter ${i} is ${params[i]}, expected a finite number`);
  }
  return { adapter: { dim: header.dim, rank: header.rank, params }, header };
}
