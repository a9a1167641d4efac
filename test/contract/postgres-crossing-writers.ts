import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** How a crossing run is shaped (see postgres-crossing-writer.ts). */
export interface CrossingRun {
  writers: number;
  /** Tags (and as many speakers) each writer's transaction names. */
  names: number;
  /** Even rounds file new names, odd rounds bump the counters of the round before's. */
  rounds: number;
  /**
   * Even writers file their odd rounds as two days in one transaction, the upper half of the
   * names on the first: their counters are written a day at a time, so not in one order.
   */
  split?: boolean;
  /**
   * Odd rounds replace the writer's entries of the round before (`replaces`), on a day of
   * their own: taking an old copy out lowers every one of its tags' counters.
   */
  replace?: boolean;
}

/** An import that failed: which writer, which round, what PostgreSQL said. */
export interface CrossingFailure {
  writer: number;
  round: number;
  message: string;
}

/** Summary lines per entry: a writer's transaction files `names` / this many entries. */
export const LINES_PER_ENTRY = 25;

const WRITER = fileURLToPath(new URL('./postgres-crossing-writer.ts', import.meta.url));

/** One writer process and the lines it prints, read one at a time. */
interface Writer {
  child: ChildProcessWithoutNullStreams;
  next(): Promise<string>;
  exited: Promise<number>;
}

function startWriter(url: string, schema: string, index: number, run: CrossingRun): Writer {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      WRITER,
      url,
      schema,
      String(index),
      String(run.writers),
      String(run.names),
      String(run.rounds),
      ...(run.split === true ? ['split'] : []),
      ...(run.replace === true ? ['replace'] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => resolve(code ?? -1));
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    child,
    exited,
    async next() {
      const line = await lines.next();
      if (line.done === true) {
        const code = await exited;
        throw new Error(`crossing writer ${index} ended (exit ${code}) early: ${stderr.trim()}`);
      }
      return line.value;
    },
  };
}

/**
 * Runs `run.writers` importer processes against one PostgreSQL archive, each round starting
 * their transactions together (every writer has printed `ready R` before any is told `go`),
 * and returns every import that failed — a deadlock among them — with its message.
 *
 * @example
 * const failures = await runCrossingWriters(url, 'crossing', { writers: 3, names: 1500, rounds: 2 });
 * // [] when no import failed; else e.g. [{ writer: 1, round: 0, message: '… deadlock detected …' }]
 */
export async function runCrossingWriters(
  url: string,
  schema: string,
  run: CrossingRun,
): Promise<CrossingFailure[]> {
  const writers = Array.from({ length: run.writers }, (_, i) => startWriter(url, schema, i, run));
  try {
    for (let round = 0; round < run.rounds; round += 1) {
      const ready = await Promise.all(writers.map((w) => w.next()));
      const late = ready.find((line) => line !== `ready ${round}`);
      if (late !== undefined) throw new Error(`crossing writers: expected ready ${round}: ${late}`);
      for (const w of writers) w.child.stdin.write('go\n');
    }
    const results = await Promise.all(writers.map((w) => w.next()));
    const failures: CrossingFailure[] = [];
    results.forEach((line, writer) => {
      const json = /^result (.*)$/.exec(line)?.[1];
      if (json === undefined) throw new Error(`crossing writers: expected result: ${line}`);
      for (const f of JSON.parse(json) as { round: number; message: string }[])
        failures.push({ writer, ...f });
    });
    const codes = await Promise.all(writers.map((w) => w.exited));
    if (codes.some((c) => c !== 0)) throw new Error(`crossing writers: exit codes ${codes}`);
    return failures;
  } finally {
    for (const w of writers) if (w.child.exitCode === null) w.child.kill('SIGTERM');
  }
}
