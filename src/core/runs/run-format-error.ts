import { idProblem } from '../corpus/corpus-invariant';

/**
 * Bad input in an imported run, qrels or language-map file: the message names the file and line
 * ("a.trec:17: expected 6 fields ...") so a person can open the file at that line and fix it.
 */
export class RunFormatError extends Error {
  readonly file: string;
  /** 1-based; 0 when the problem is the file as a whole. */
  readonly line: number;

  constructor(file: string, line: number, problem: string) {
    super(line > 0 ? `${file}:${line}: ${problem}` : `${file}: ${problem}`);
    this.name = 'RunFormatError';
    this.file = file;
    this.line = line;
  }
}

/** An id from a run, qrels or map file, checked against the corpus invariant (no white space or control characters, not empty). */
export function checkRunId(file: string, line: number, what: 'qid' | 'docid', id: string, where = ''): void {
  const problem = idProblem(id);
  if (problem) throw new RunFormatError(file, line, `${where}${what} ${problem}; ids hold no white space or control characters`);
}
