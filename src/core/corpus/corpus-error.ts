/**
 * The one error type corpus loaders throw for bad input. It names the file, where in it
 * (a JSON path like "data[3].paragraphs[2]" or "line 17"), and what was expected, so a person
 * can open the file and fix it.
 */
export class CorpusError extends Error {
  readonly file: string;
  readonly where: string;
  readonly expected: string;

  /**
   * @param problem what went wrong when it is not simply "expected <expected>"
   *   (e.g. "invalid JSON (Unexpected token ...)").
   */
  constructor(file: string, where: string, expected: string, problem?: string) {
    super(formatCorpusMessage(file, where, problem ?? `expected ${expected}`));
    this.name = 'CorpusError';
    this.file = file;
    this.where = where;
    this.expected = expected;
  }
}

/** "en.json: data[3]: ...", "queries.jsonl line 17: ...", "corpus: ..." when there is no place. */
function formatCorpusMessage(file: string, where: string, problem: string): string {
  if (!where) return `${file}: ${problem}`;
  const separator = where.startsWith('line ') ? ' ' : ': ';
  return `${file}${separator}${where}: ${problem}`;
}
