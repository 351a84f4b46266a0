import { CorpusError } from './corpus-error';

// ignoreBOM keeps a leading BOM in the text; the JSON readers strip it (stripBom), as before.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Bytes to text, refusing invalid UTF-8 instead of turning it into U+FFFD: a Latin-1 file would
 * otherwise load with "caf\uFFFD" and match nothing. The error names the file and the byte offset
 * of the first bad sequence, so the person can find it (e.g. with `xxd -s <offset>`).
 */
export function decodeUtf8(file: string, data: Uint8Array | ArrayBuffer): string {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return strict.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const shown = bytes[offset] === undefined ? 'a truncated sequence' : `0x${bytes[offset].toString(16).padStart(2, '0')}`;
    throw new CorpusError(file, `byte ${offset}`, 'UTF-8 text', `invalid UTF-8 (${shown}); save the file as UTF-8 (it may be Latin-1 or Windows-1252)`);
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0; // no overlong forms
      if (b === 0xed) max = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
