/**
 * Cuts a text stream, handed over in chunks of any size, into lines with 1-based numbers, so
 * a parser never holds a whole run file (1.2 GB for 13 M lines) in memory. "\r\n" endings are
 * accepted; the last line needs no newline.
 */
export class LineFeed {
  private rest = '';
  private lineNo = 0;

  constructor(private readonly onLine: (line: string, lineNo: number) => void) {}

  /** Lines read so far. */
  get lines(): number {
    return this.lineNo;
  }

  push(chunk: string): void {
    const text = this.rest.length ? this.rest + chunk : chunk;
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      this.emit(text, start, end);
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    this.rest = text.slice(start);
  }

  end(): void {
    if (this.rest.length) this.emit(this.rest, 0, this.rest.length);
    this.rest = '';
  }

  private emit(text: string, start: number, end: number): void {
    this.lineNo++;
    const stop = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    this.onLine(text.slice(start, stop), this.lineNo);
  }
}

/** The white-space separated fields of a line (spaces or tabs, any number), as trec_eval reads them. */
export function splitFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    let c = line.charCodeAt(i);
    while (i < n && (c === 32 || c === 9)) c = line.charCodeAt(++i);
    if (i >= n) break;
    const start = i;
    while (i < n && c !== 32 && c !== 9) c = line.charCodeAt(++i);
    out.push(line.slice(start, i));
  }
  return out;
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
