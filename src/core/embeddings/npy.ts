/**
 * Embeddings as a NumPy .npy file (float32, 2-D, C order: what np.save writes for an (n, dim)
 * float32 array) with the ids in a text file, one per line, in row order. The format is a
 * magic string, a version, a header length and a Python-dict header (numpy's format spec), so
 * it is read here directly.
 */
import { EmbeddingFormatError } from './embedding-error';
import { checkEmbeddingSet, type EmbeddingSet } from './embedding-set';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

export interface NpyHeader {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
}

function field(header: string, name: string): string | undefined {
  return new RegExp(`'${name}'\\s*:\\s*('[^']*'|True|False|\\([^)]*\\))`).exec(header)?.[1];
}

/** The header and where the data starts; refuses anything but a little-endian float32 2-D C-order array. */
export function readNpyHeader(bytes: Uint8Array, file: string): NpyHeader & { dataOffset: number } {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b))
    throw new EmbeddingFormatError(file, '', 'not a .npy file (it does not start with "\\x93NUMPY")');
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lengthBytes = major === 1 ? 2 : 4;
  if (major < 1 || major > 3) throw new EmbeddingFormatError(file, 'header', `.npy version ${major} is not known (1, 2 or 3 are)`);
  const headerLength = lengthBytes === 2 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = 8 + lengthBytes;
  if (start + headerLength > bytes.length) throw new EmbeddingFormatError(file, 'header', 'the file ends inside its header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(start, start + headerLength));
  const descr = field(header, 'descr')?.slice(1, -1);
  const fortran = field(header, 'fortran_order');
  const shapeText = field(header, 'shape');
  if (descr === undefined || fortran === undefined || shapeText === undefined)
    throw new EmbeddingFormatError(file, 'header', `expected 'descr', 'fortran_order' and 'shape' (found ${JSON.stringify(header.trim())})`);
  const shape = shapeText
    .slice(1, -1)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (shape.some((n) => !Number.isSafeInteger(n) || n < 0)) throw new EmbeddingFormatError(file, 'header', `shape ${shapeText} is not a list of whole numbers`);
  if (descr !== '<f4' && descr !== '=f4')
    throw new EmbeddingFormatError(
      file,
      'header',
      `dtype '${descr}'${descr.endsWith('f8') ? ' (float64)' : ''}; expected float32 ('<f4'): save with array.astype("float32")`,
    );
  if (fortran === 'True') throw new EmbeddingFormatError(file, 'header', 'the array is in Fortran order; save np.ascontiguousarray(array)');
  if (shape.length !== 2) throw new EmbeddingFormatError(file, 'header', `shape ${shapeText} has ${shape.length} dimension(s); expected 2 (rows, dim)`);
  return { descr, fortranOrder: false, shape, dataOffset: start + headerLength };
}

/** The ids file: one id per line, in row order; a trailing newline is fine, blank lines are not. */
export function parseIdList(text: string, file: string): string[] {
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const blank = lines.findIndex((l) => l.trim() === '');
  if (blank >= 0) throw new EmbeddingFormatError(file, `line ${blank + 1}`, 'is blank; one id per line, in the order of the rows');
  return lines;
}

/** A .npy matrix with its id list, checked (one id per row, ids valid and unique). */
export function readNpyEmbeddings(bytes: Uint8Array, file: string, idsText: string, idsFile: string): EmbeddingSet {
  const { shape, dataOffset } = readNpyHeader(bytes, file);
  const [count, dim] = shape;
  const expected = count * dim * 4;
  if (bytes.length - dataOffset !== expected)
    throw new EmbeddingFormatError(file, '', `holds ${bytes.length - dataOffset} bytes of data; shape (${count}, ${dim}) of float32 needs ${expected}`);
  const ids = parseIdList(idsText, idsFile);
  if (ids.length !== count)
    throw new EmbeddingFormatError(idsFile, '', `${ids.length} ids for the ${count} rows of ${file}; give one id per row, in row order`);
  // Copy: the data offset need not be 4-byte aligned in the buffer we were handed, and the copy owns its memory.
  const rows = new Float32Array(count * dim);
  new Uint8Array(rows.buffer).set(bytes.subarray(dataOffset, dataOffset + expected));
  return checkEmbeddingSet({ source: file, ids, dim, rows }, (i) => `row ${i + 1} (${idsFile} line ${i + 1})`);
}

/** The rows as .npy bytes (version 1.0, '<f4', C order) and the id list's text. */
export function writeNpyEmbeddings(set: EmbeddingSet): { npy: Uint8Array; ids: string } {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${set.ids.length}, ${set.dim}), }`;
  // The spec pads the header with spaces and a newline so the data starts at a multiple of 64.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + set.rows.byteLength);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, header.length, true);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(set.rows.buffer, set.rows.byteOffset, set.rows.byteLength), total);
  return { npy: out, ids: set.ids.join('\n') + '\n' };
}
