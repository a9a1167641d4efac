/**
 * An unexpected failure: a bug, a broken database, a disk error. Expected failures (bad input,
 * a malformed query) are `Result` values instead. The message starts with the module.
 *
 * @example
 * throw new KirinukiError('archive', 'migration 3 failed', { cause: e });
 */
export class KirinukiError extends Error {
  override readonly name = 'KirinukiError';
  constructor(
    readonly module: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`${module}: ${message}`, options);
  }
}
