/**
 * Cuts a text stream, handed over in chunks of any size, into lines with 1-based numbers, so
 * a parser never holds a whole run file (1.2 GB for 13 M lines) in memory. "\r\n" endings are
 * accepted; the last line needs no newline.
 */
export class LineFeed {
  private rest = '';
  private lineNo = 0;

  /** onLine gets the line as text[start, end) (no slice is made: a 13 M-line run would churn the GC). */
  constructor(private readonly onLine: (text: string, start: number, end: number, lineNo: number) => void) {}

  /** Lines read so far. */
  get lines(): number {
    return this.lineNo;
  }

  push(chunk: string): void {
    let start = 0;
    if (this.rest.length) {
      // The line cut at the last chunk's end is joined on its own, so the chunk itself stays a
      // flat string (charCodeAt on a joined string is several times slower).
      const cut = chunk.indexOf('\n');
      if (cut === -1) {
        this.rest += chunk;
        return;
      }
      const line = this.rest + chunk.slice(0, cut);
      this.rest = '';
      this.emit(line, 0, line.length);
      start = cut + 1;
    }
    let end = chunk.indexOf('\n', start);
    while (end !== -1) {
      this.emit(chunk, start, end);
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    this.rest = chunk.slice(start);
  }

  end(): void {
    if (this.rest.length) this.emit(this.rest, 0, this.rest.length);
    this.rest = '';
  }

  private emit(text: string, start: number, end: number): void {
    this.lineNo++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    this.onLine(text, start, stop, this.lineNo);
  }
}

/**
 * Finds the white-space separated fields (spaces or tabs, any number, as trec_eval reads them) of
 * text[start, end): field f is text[bounds[2f], bounds[2f+1]) for the first bounds.length / 2
 * fields. Returns the number of fields, counting past those it has room for.
 */
export function fieldBounds(text: string, start: number, end: number, bounds: Int32Array): number {
  const room = bounds.length >> 1;
  let count = 0;
  let i = start;
  while (i < end) {
    let c = text.charCodeAt(i);
    while (c === 32 || c === 9) c = ++i < end ? text.charCodeAt(i) : -1;
    if (i >= end) break;
    const from = i;
    while (c !== 32 && c !== 9 && c !== -1) c = ++i < end ? text.charCodeAt(i) : -1;
    if (count < room) {
      bounds[2 * count] = from;
      bounds[2 * count + 1] = i;
    }
    count++;
  }
  return count;
}

/** The fields of a short line as strings (for the small files: qrels, language maps). */
export function splitFields(text: string, start = 0, end = text.length): string[] {
  const bounds = new Int32Array(16);
  const n = fieldBounds(text, start, end, bounds);
  const out: string[] = [];
  for (let f = 0; f < Math.min(n, 8); f++) out.push(detach(text.slice(bounds[2 * f], bounds[2 * f + 1])));
  for (let f = 8; f < n; f++) out.push('');
  return out;
}

/** Whether text[start, end) is a whole number ("12", "-3"), without making a string of it. */
export function isWholeNumber(text: string, start: number, end: number): boolean {
  let i = start;
  const c0 = text.charCodeAt(i);
  if (c0 === 43 || c0 === 45) i++;
  if (i >= end) return false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * A score or relevance field as a number, or null when it is not one. Accepts what C's strtod
 * (trec_eval) accepts in practice: decimals, exponents, "inf", "nan"; never a partial read like "1.2x".
 */
export function readNumber(text: string): number | null {
  const value = Number(text);
  if (value === value) return value;
  if (/^[+-]?nan$/i.test(text)) return Number.NaN;
  const inf = /^([+-]?)inf(inity)?$/i.exec(text);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  return null;
}

/**
 * A copy of `s` that shares no memory with the text it was cut from. V8 keeps a slice of a long
 * string as a view on it, so a query id kept from a 1 MB chunk would keep the whole chunk alive:
 * a 13 M-line run would stay in memory through its ids. Only ids that are kept go through this.
 */
export function detach(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * text[start, end) as a number without making a string of it, for the usual score shapes
 * ("12.3456789", "-0.5", "1.5e-05"): digits into an integer below 2^53 and one division or
 * multiplication by an exact power of ten, which IEEE rounds correctly, so the result is the
 * same double Number() gives. Anything else (long mantissas, big exponents, "inf") returns
 * undefined and the caller falls back to readNumber.
 */
export function fastNumber(text: string, start: number, end: number): number | undefined {
  let i = start;
  let negative = false;
  let c = text.charCodeAt(i);
  if (c === 45 || c === 43) {
    negative = c === 45;
    c = text.charCodeAt(++i);
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; c = text.charCodeAt(++i)) {
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (dot) scale--;
    } else if (c === 46 && !dot) dot = true;
    else break;
  }
  if (digits === 0 || digits > 15) return undefined;
  if (i < end) {
    if (c !== 101 && c !== 69) return undefined;
    c = text.charCodeAt(++i);
    let expNegative = false;
    if (c === 45 || c === 43) {
      expNegative = c === 45;
      i++;
    }
    let exponent = 0;
    const from = i;
    for (; i < end; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57 || exponent > 1000) return undefined;
      exponent = exponent * 10 + (c - 48);
    }
    if (i === from) return undefined;
    scale += expNegative ? -exponent : exponent;
  }
  if (scale < -22 || scale > 22) return undefined;
  const value = scale < 0 ? mantissa / POW10[-scale] : mantissa * POW10[scale];
  return negative ? -value : value;
}
