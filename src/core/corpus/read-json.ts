import { CorpusError } from './corpus-error';

/** Parsed JSON value (kept loose on purpose: the checks below narrow it with good messages). */
export type Json = unknown;
export type JsonObject = Record<string, unknown>;

/** Editors and Windows tools often save UTF-8 with a BOM; JSON.parse rejects it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseJsonFile(file: string, text: string): Json {
  try {
    return JSON.parse(stripBom(text));
  } catch (e) {
    throw new CorpusError(file, '', 'valid JSON', `invalid JSON (${errorMessage(e)})`);
  }
}

export interface JsonLine {
  /** 1-based line number in the file, for messages. */
  line: number;
  value: JsonObject;
}

/** One JSON object per non-blank line. */
export function parseJsonLines(file: string, text: string): JsonLine[] {
  const out: JsonLine[] = [];
  const lines = stripBom(text).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    if (!raw) continue;
    const where = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new CorpusError(file, where, 'valid JSON', `invalid JSON (${errorMessage(e)})`);
    }
    if (!isObject(value)) throw new CorpusError(file, where, 'a JSON object');
    out.push({ line: i + 1, value });
  }
  return out;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireObject(value: unknown, file: string, where: string): JsonObject {
  if (!isObject(value)) throw new CorpusError(file, where, 'an object');
  return value;
}

export function requireArray(value: unknown, file: string, where: string): unknown[] {
  if (!Array.isArray(value)) throw new CorpusError(file, where, 'an array');
  return value;
}

/** A string field; ids given as numbers (common in BEIR dumps) are accepted and stringified. */
export function requireString(obj: JsonObject, key: string, file: string, where: string, opts: { allowNumber?: boolean } = {}): string {
  const value = obj[key];
  if (typeof value === 'string') return value;
  if (opts.allowNumber && typeof value === 'number') {
    // JSON.parse rounds integers beyond 2^53 (9007199254740993 -> ...992): such an id would
    // silently name another record. Every rounded value lands outside the safe range, so it is caught here.
    if (Number.isSafeInteger(value)) return String(value);
    throw new CorpusError(
      file,
      joinPath(where, key),
      'a string, or a whole number below 2^53',
      `numeric id ${value} is not a whole number below 2^53 (JSON numbers lose digits there); write the id as a string`,
    );
  }
  throw new CorpusError(file, joinPath(where, key), 'a string');
}

export function optionalString(obj: JsonObject, key: string, file: string, where: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new CorpusError(file, joinPath(where, key), 'a string');
  return value;
}

export function optionalStringArray(obj: JsonObject, key: string, file: string, where: string): string[] | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new CorpusError(file, joinPath(where, key), 'an array of strings');
  }
  return value as string[];
}

/** "data[3]" + "title" -> "data[3].title"; "line 4" + "text" -> "line 4, field \"text\"". */
export function joinPath(where: string, key: string): string {
  if (!where) return key;
  if (where.startsWith('line ')) return `${where}, field "${key}"`;
  return `${where}.${key}`;
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
