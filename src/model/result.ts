import type { Diagnostic } from './diagnostic.js';

/**
 * Expected failures are values, not exceptions: parse, fetch and config functions return a
 * `Result` and callers branch on `ok`.
 *
 * @example
 * const r = parseDate('2024-01-18');
 * if (!r.ok) console.error(r.error.message);
 */
export type Result<T, E = Diagnostic> = { ok: true; value: T } | { ok: false; error: E };

/** Wraps a successful value. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

/** Wraps an expected failure. */
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
