/**
 * A mistake in the generator's input (a bad name, an existing package, an unknown option value, a
 * malformed source file). Its message is the whole story — what is wrong, where, and how to fix it —
 * so `nx g` prints it on its own; the stack is dropped because it says nothing to the user.
 */
export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';

  constructor(message: string) {
    super(message);
    this.stack = undefined;
  }
}
