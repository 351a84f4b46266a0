/**
 * A model that cannot be used as asked (not vendored, files missing, wrong dimensions): a mistake
 * in the user's input, so front ends print its message alone, without a stack.
 */
export class ModelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelError';
  }
}
