import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

/** A progress bar on the terminal, or nothing when stderr is not one (pipes, tests). */
export interface Progress {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

/**
 * Shows a bar only for large inputs on a terminal. `update` may change the total: an import
 * counts files, then the posts of a large blog archive.
 */
export function startProgress(io: CliIo, total: number, large: boolean, name = 'import'): Progress {
  if (!large || !io.stderr.isTTY || io.stderr !== process.stderr) {
    return { update: () => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${name} [{bar}] {value}/{total} {label}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  return {
    update: (done, t, label) => {
      if (t !== bar.getTotal()) bar.setTotal(t);
      bar.update(done, { label });
    },
    stop: () => bar.stop(),
  };
}
