import { escapeControl } from '../core/corpus/printable';

/**
 * An error a person made on the command line or in their input: printed plainly, exit code 2.
 * Always one line: values echoed from arguments or corpora have their control characters escaped.
 */
export class CliError extends Error {
  constructor(message: string) {
    super(escapeControl(message));
    this.name = 'CliError';
  }
}
