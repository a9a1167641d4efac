import { z } from 'zod';

/**
 * A finding about the input, never a crash: where it is (1-based line, or a byte/character
 * offset) and what is wrong. Messages start with the module that found it (`format: …`).
 */
export const DiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** File name or `-` for standard input, when known. */
  file: z.string().optional(),
  /** 1-based line number in the input. */
  line: z.number().int().positive().optional(),
  /** 0-based byte offset, for encoding errors. */
  byteOffset: z.number().int().nonnegative().optional(),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** Formats a diagnostic as `file:line: severity: message` for terminals. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = [d.file, d.line, d.byteOffset === undefined ? undefined : `byte ${d.byteOffset}`]
    .filter((x) => x !== undefined)
    .join(':');
  return `${where ? `${where}: ` : ''}${d.severity}: ${d.message}`;
}
