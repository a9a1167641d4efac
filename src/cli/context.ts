import type { Archive } from '../archive/index.js';
import type { CliIo } from './io.js';

/** What every command gets: the io, the global options, and the archive when it needs one. */
export interface CommandContext {
  io: CliIo;
  /** `--json` given anywhere on the command line. */
  json: boolean;
  /** The archive file named by `--db`, `KIRINUKI_DB` or the default, without opening it. */
  archivePath(): Promise<string>;
  /** Opens the archive named by `--db`, `KIRINUKI_DB` or the default; closed by `run`. */
  openArchive(): Promise<Archive>;
}

/** Writes a value as pretty JSON with a final newline. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
