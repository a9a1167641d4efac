import { Readable } from 'node:stream';
import { run, type CliIo } from '../../src/cli/index.js';

/** What a CLI run printed and returned. */
export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process against buffers, as the bin would against the terminal. */
export async function kirinuki(args: string[], stdin = ''): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    stdin: () => Readable.from([Buffer.from(stdin)]),
    env: {},
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}
