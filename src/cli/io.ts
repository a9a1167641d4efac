import { readFileSync } from 'node:fs';

/** Where a command reads and writes: the real process, or a test's buffers. */
export interface CliIo {
  stdout: { write(text: string): void; isTTY?: boolean };
  stderr: { write(text: string): void; isTTY?: boolean };
  readStdin(): Promise<Uint8Array>;
  env: Record<string, string | undefined>;
}

/** The process's own streams and environment. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    env: process.env,
  };
}

/** Reads a named file, or standard input for `-`. */
export async function readInput(io: CliIo, file: string): Promise<Uint8Array> {
  return file === '-' ? io.readStdin() : readFileSync(file);
}

/** A user error: the CLI prints the message and exits with 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
