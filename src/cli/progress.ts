import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** A progress bar on the terminal, or nothing when stderr is not one (pipes, tests). */
export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

/** Shows a bar only for large inputs on a terminal. */
export function startProgress(io: CliIo, total: number, large: boolean): Progress {
  if (!large || !io.stderr.isTTY || io.stderr !== process.stderr) {
    return { update: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'import [{bar}] {value}/{total} files | {label}',
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (done, t, label) => bar.update(done, { label, total: t }),
    stop: () => bar.stop(),
  };
}
