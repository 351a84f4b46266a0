// Reads back the parts of an ONNX file that tests check (opset, inputs, operator and
// initializer types) with a minimal protobuf reader, independent of the writer.

export interface OnnxSummary {
  irVersion: number;
  opsetVersion: number;
  inputs: string[];
  outputs: string[];
  /** op_type -> number of nodes */
  operators: Record<string, number>;
  /** TensorProto data_type -> number of initializers */
  initializerTypes: Record<number, number>;
}

interface Field {
  field: number;
  wireType: number;
  value: bigint | Uint8Array;
}

function* readFields(bytes: Uint8Array): Generator<Field> {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= bytes.length) throw new Error('truncated protobuf varint');
      const byte = bytes[pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7n;
    }
  };
  while (pos < bytes.length) {
    const key = Number(varint());
    const field = key >>> 3;
    const wireType = key & 7;
    if (wireType === 0) yield { field, wireType, value: varint() };
    else if (wireType === 2) {
      const length = Number(varint());
      yield { field, wireType, value: bytes.subarray(pos, pos + length) };
      pos += length;
    } else if (wireType === 5) {
      yield { field, wireType, value: bytes.subarray(pos, pos + 4) };
      pos += 4;
    } else if (wireType === 1) {
      yield { field, wireType, value: bytes.subarray(pos, pos + 8) };
      pos += 8;
    } else throw new Error(`unsupported protobuf wire type ${wireType}`);
  }
}

const decoder = new TextDecoder();

export function summarizeOnnx(bytes: Uint8Array): OnnxSummary {
  const summary: OnnxSummary = { irVersion: 0, opsetVersion: 0, inputs: [], outputs: [], operators: {}, initializerTypes: {} };
  const nameOf = (message: Uint8Array): string => {
    for (const f of readFields(message)) if (f.field === 1 && f.value instanceof Uint8Array) return decoder.decode(f.value);
    return '';
  };
  for (const f of readFields(bytes)) {
    if (f.field === 1 && typeof f.value === 'bigint') summary.irVersion = Number(f.value);
    if (f.field === 8 && f.value instanceof Uint8Array) {
      for (const o of readFields(f.value)) if (o.field === 2 && typeof o.value === 'bigint') summary.opsetVersion = Number(o.value);
    }
    if (f.field !== 7 || !(f.value instanceof Uint8Array)) continue;
    for (const g of readFields(f.value)) {
      if (!(g.value instanceof Uint8Array)) continue;
      if (g.field === 1) {
        for (const n of readFields(g.value)) {
          if (n.field === 4 && n.value instanceof Uint8Array) {
            const op = decoder.decode(n.value);
            summary.operators[op] = (summary.operators[op] ?? 0) + 1;
          }
        }
      } else if (g.field === 5) {
        for (const t of readFields(g.value)) {
          if (t.field === 2 && typeof t.value === 'bigint') {
            const type = Number(t.value);
            summary.initializerTypes[type] = (summary.initializerTypes[type] ?? 0) + 1;
          }
        }
      } else if (g.field === 11) summary.inputs.push(nameOf(g.value));
      else if (g.field === 12) summary.outputs.push(nameOf(g.value));
    }
  }
  return summary;
}
