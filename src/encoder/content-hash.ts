/**
 * A content hash of a list of texts, for embedding-cache keys: 64-bit FNV-1a over the UTF-16 code
 * units with a separator per text, as 16 hex digits. Not cryptographic: it only has to tell one
 * corpus from another, and it runs the same in a worker, a page and Node without async crypto.
 */
export function hashTexts(texts: readonly string[]): string {
  // Two 32-bit halves of the 64-bit FNV state, multiplied by the FNV prime 2^40 + 2^8 + 0xb3.
  let h0 = 0x84222325;
  let h1 = 0xcbf29ce4;
  const mix = (code: number) => {
    h0 = (h0 ^ code) >>> 0;
    const lo = h0 * 0x1b3;
    const hi = h1 * 0x1b3 + (h0 << 8) + Math.floor(lo / 0x100000000);
    h0 = lo >>> 0;
    h1 = hi >>> 0;
  };
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      mix(c & 0xff);
      mix(c >>> 8);
    }
    mix(0x1f); // unit separator: ["ab","c"] and ["a","bc"] differ
    mix(0x00);
  }
  mix(texts.length & 0xff);
  return h1.toString(16).padStart(8, '0') + h0.toString(16).padStart(8, '0');
}
