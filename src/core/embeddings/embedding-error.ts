/**
 * Bad input in an imported embeddings file (Parquet, .npy, id list): the message names the file
 * and where in it (a column, a row, the header, a line), so a person can find and fix it.
 */
export class EmbeddingFormatError extends Error {
  readonly file: string;
  readonly where: string;

  constructor(file: string, where: string, problem: string) {
    super(where ? `${file}: ${where}: ${problem}` : `${file}: ${problem}`);
    this.name = 'EmbeddingFormatError';
    this.file = file;
    this.where = where;
  }
}
