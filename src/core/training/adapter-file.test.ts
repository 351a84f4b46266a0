import { describe, expect, it } from 'vitest';
import { createIdentityAdapter } from './adapter';
import { deserializeAdapter, serializeAdapter } from './adapter-file';

function sampleAdapter(dim: number, rank: number) {
  const adapter = createIdentityAdapter(dim, rank, 1);
  adapter.params.forEach((_, i) => (adapter.params[i] = Math.fround(Math.cos(i) / 3)));
  return adapter;
}

/** Rewrites the JSON header of a serialised adapter (keeping its length by space padding). */
function withHeader(bytes: Uint8Array, edit: (header: Record<string, unknown>) => void): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  if (json.length > length) throw new Error('test header grew past its padding');
  const copy = bytes.slice();
  copy.fill(0x20, 8, 8 + length);
  copy.set(json, 8);
  return copy;
}

describe('serializeAdapter / deserializeAdapter', () => {
  it('round-trips full and low-rank adapters bit for bit, with their metadata', () => {
    for (const [dim, rank] of [
      [5, 0],
      [6, 2],
    ]) {
      const adapter = sampleAdapter(dim, rank);
      const bytes = serializeAdapter(adapter, { strategy: 'hybrid', alpha: 0.5, encoder: 'e5-small' });
      const { adapter: loaded, header } = deserializeAdapter(bytes);
      expect(loaded.dim).toBe(dim);
      expect(loaded.rank).toBe(rank);
      expect(Array.from(loaded.params)).toEqual(Array.from(adapter.params));
      expect(header.meta).toEqual({ strategy: 'hybrid', alpha: 0.5, encoder: 'e5-small' });
      expect(header.version).toBe(1);
    }
  });

  it('reads from an ArrayBuffer and from an unaligned view', () => {
    const bytes = serializeAdapter(sampleAdapter(3, 0));
    expect(deserializeAdapter(bytes.slice().buffer).adapter.params[4]).toBe(Math.fround(Math.cos(4) / 3));
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(deserializeAdapter(shifted.subarray(1)).adapter.params[4]).toBe(Math.fround(Math.cos(4) / 3));
  });

  it('says which dimension does not match what the embeddings need', () => {
    const bytes = serializeAdapter(sampleAdapter(4, 0));
    expect(() => deserializeAdapter(bytes, { dim: 384 }, 'hybrid.xlad')).toThrow('hybrid.xlad: adapter dim is 4 but the embeddings it is for have dim 384');
    expect(() => deserializeAdapter(bytes, { rank: 8 }, 'hybrid.xlad')).toThrow('hybrid.xlad: adapter rank is 0, expected 8');
  });

  it('rejects a file whose header dims disagree with its data, or that is cut short', () => {
    const bytes = serializeAdapter(sampleAdapter(4, 0));
    expect(() => deserializeAdapter(bytes.subarray(0, bytes.length - 4), {}, 'a.xlad')).toThrow(
      'a.xlad: holds 60 bytes of parameters, expected 64 (16 float32 for dim 4, rank 0)',
    );
    const wrongDim = withHeader(bytes, (h) => {
      h.dim = 5;
      h.paramCount = 25;
    });
    expect(() => deserializeAdapter(wrongDim, {}, 'a.xlad')).toThrow('a.xlad: holds 64 bytes of parameters, expected 100');
    const wrongCount = withHeader(bytes, (h) => (h.paramCount = 15));
    expect(() => deserializeAdapter(wrongCount, {}, 'a.xlad')).toThrow('a.xlad: header.paramCount is 15, expected 16 for dim 4, rank 0');
  });

  it('rejects other files and other format versions by name', () => {
    expect(() => deserializeAdapter(new TextEncoder().encode('{"dim": 4}'), {}, 'x.json')).toThrow(
      'x.json: not an adapter file (expected it to start with "XLAD")',
    );
    const future = withHeader(serializeAdapter(sampleAdapter(2, 0)), (h) => (h.version = 2));
    expect(() => deserializeAdapter(future, {}, 'new.xlad')).toThrow('new.xlad: header.version is 2, this build reads version 1');
  });

  it('rejects NaN and infinite weights, which would make every score NaN', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const adapter = sampleAdapter(2, 0);
      adapter.params[3] = bad;
      expect(() => deserializeAdapter(serializeAdapter(adapter), {}, 'bad.xlad')).toThrow(`bad.xlad: parameter 3 is ${bad}, expected a finite number`);
    }
  });

  it('rejects a meta that is not an object of plain values', () => {
    const bytes = serializeAdapter(sampleAdapter(2, 0), { room: 'for a longer meta in the test' });
    for (const meta of ['hybrid', 7, [1]]) {
      const odd = withHeader(bytes, (h) => (h.meta = meta));
      expect(() => deserializeAdapter(odd, {}, 'm.xlad')).toThrow(`m.xlad: header.meta is ${JSON.stringify(meta)}, expected an object`);
    }
    const nested = withHeader(bytes, (h) => (h.meta = { a: { b: 1 } }));
    expect(() => deserializeAdapter(nested, {}, 'm.xlad')).toThrow('m.xlad: header.meta.a is not a string, number, boolean or null');
  });
});
