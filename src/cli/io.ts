import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { Document } from '../model/index.js';

/** Where a command reads and writes: the real process, or a test's buffers. */
export interface CliIo {
  stdout: {
    write(text: string): void;
    isTTY?: boolean;
    /**
     * Resolves once what was written has gone out far enough to write more: a command that
     * streams a whole archive waits on it, so a slow reader (`| less`, a pipe over ssh) holds
     * it back instead of the output piling up in memory. Absent: never wait.
     */
    drained?(): Promise<void>;
  };
  stderr: { write(text: string): void; isTTY?: boolean };
  /** Standard input as a stream, for commands that read it line by line. */
  stdin(): Readable;
  env: Record<string, string | undefined>;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  // `kirinuki search … | head -1`: the reader went away; stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const stdout = process.stdout;
  return {
    stdout: {
      write: (text) => void stdout.write(text),
      isTTY: stdout.isTTY,
      drained: () =>
        stdout.writableNeedDrain
          ? new Promise((resolve) => stdout.once('drain', resolve))
          : Promise.resolve(),
    },
    stderr: process.stderr,
    stdin: () => process.stdin,
    env: process.env,
  };
}

/** Reads a named file, or standard input for `-`. */
export async function readInput(io: CliIo, file: string): Promise<Uint8Array> {
  if (file !== '-') {
    try {
      return readFileSync(file);
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${readFailure(e)}`);
    }
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin()) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Why a file could not be read, in words: a missing file is the user's to fix, not a crash. */
export function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return (e as Error).message ?? String(e);
}

/** A user error: the CLI prints the message and exits with 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Reads a file (or `-`) as strict UTF-8 text; on invalid bytes prints the offset and returns
 * `null`, so the command exits with 1.
 */
export async function readTextInput(io: CliIo, file: string): Promise<string | null> {
  // Loaded here, not at the top: run.ts imports this module, and `--help` needs neither.
  const { decodeUtf8 } = await import('../format/index.js');
  const text = decodeUtf8(await readInput(io, file), file);
  if (text.ok) return text.value;
  const { formatDiagnostic } = await import('../model/index.js');
  io.stderr.write(`${formatDiagnostic(text.error)}\n`);
  return null;
}

/**
 * Reads a clip document from a file (or `-`): its warnings go to stderr, and `null` (exit 1)
 * when the bytes are not UTF-8.
 *
 * @example
 * const doc = await readClipInput(io, 'day.txt'); // Document, warnings printed
 */
export async function readClipInput(io: CliIo, file: string): Promise<Document | null> {
  const text = await readTextInput(io, file);
  if (text === null) return null;
  const { parseClipDocument } = await import('../format/index.js');
  const { formatDiagnostic } = await import('../model/index.js');
  const { document, diagnostics } = parseClipDocument(text, { file });
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`);
  return document;
}
