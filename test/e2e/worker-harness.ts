/**
 * Real `kirinuki worker` processes for the worker tests and the worker benchmark: each runs
 * the CLI from source (`node --import tsx`), so no build is needed, with its own pid to
 * SIGTERM or SIGKILL. Its `--json` log lines are collected as events.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkEvent } from '../../src/queue/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY =
  "const { run, processIo } = await import('./src/cli/index.ts');" +
  'process.exitCode = await run(process.argv.slice(1), processIo());';

/** A worker's log line: a job event with the time and the worker's pid. */
export type LoggedEvent = WorkEvent & { time: string; pid: number };

export interface WorkerProcess {
  pid: number;
  child: ChildProcess;
  /** The job events it logged so far. */
  events: LoggedEvent[];
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** Resolves when an event matches (rejects after `timeoutMs`). */
  waitFor(match: (e: LoggedEvent) => boolean, timeoutMs?: number): Promise<LoggedEvent>;
  /** Resolves once it says it is working (queue open, archive open). */
  ready(timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (or signal name) when it exits. */
  exited: Promise<number | string>;
}

/**
 * Starts `kirinuki --db DB worker --queue URL --json …ARGS`.
 *
 * @example
 * const w = startWorker({ queue, db, args: ['--concurrency', '2'] });
 * await w.ready(); …; w.child.kill('SIGTERM'); await w.exited;
 */
export function startWorker(options: {
  queue: string;
  db: string;
  args?: string[];
}): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      ENTRY,
      '--',
      '--db',
      options.db,
      'worker',
      '--queue',
      options.queue,
      '--json',
      '--poll',
      '0.2',
      '--maintenance-interval',
      '1',
      ...(options.args ?? []),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KIRINUKI_QUEUE: '' } },
  );
  const events: LoggedEvent[] = [];
  let err = '';
  let pending = '';
  const waiters: (() => void)[] = [];
  const wake = (): void => {
    for (const w of waiters.splice(0)) w();
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim() !== '') events.push(JSON.parse(line) as LoggedEvent);
    wake();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    wake();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      resolve(code ?? signal ?? -1);
      wake();
    }),
  );
  const until = async (done: () => boolean, what: string, timeoutMs: number): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`worker ${child.pid} exited while waiting for ${what}:\n${err}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`worker ${child.pid}: no ${what} in ${timeoutMs} ms:\n${err}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 200));
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  };
  return {
    pid: child.pid ?? -1,
    child,
    events,
    stderr: () => err,
    async waitFor(match, timeoutMs = 30_000) {
      await until(() => events.some(match), 'matching event', timeoutMs);
      return events.find(match) as LoggedEvent;
    },
    ready: (timeoutMs = 30_000) => until(() => err.includes(' working ('), 'start', timeoutMs),
    exited,
  };
}

/**
 * Polls `check` until it gives a value other than `undefined`, or fails after `timeoutMs`.
 *
 * @example
 * const job = await eventually(async () => ((await queue.job(id))?.state === 'completed' ? true : undefined));
 */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
