/**
 * One long-lived `groonga` process driven over its stdin and stdout, for the Groonga baseline
 * of the archive benchmark.
 *
 * Why stdio and not `groonga --protocol http`: a trivial command (`status`) costs about 0.02 ms
 * per round trip over the pipes against about 0.7 ms over HTTP on 127.0.0.1 with fetch (p50 of
 * 2,000 each, measured on the bench machine), and the benchmark times queries that take well
 * under a millisecond.
 *
 * Framing: the standalone `groonga DB` reads one command a line (a `load` reads its JSON values
 * from the lines after it, up to the closing `]`) and writes one response per command, as a
 * single line of JSON `[[rc, start, elapsed, message?], body]` — Groonga's JSON never holds a
 * raw newline. Commands are answered in order, so responses are matched to commands first in,
 * first out.
 *
 * @example
 * const g = await GroongaProcess.create('/tmp/g/db');
 * await g.command('status');
 * await g.close();
 */
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';
import { KirinukiError } from '../src/model/index.js';

interface Pending {
  resolve: (body: unknown) => void;
  reject: (e: Error) => void;
  what: string;
}

/** Clock ticks per second of `/proc/<pid>/stat`'s utime and stime (`getconf CLK_TCK`). */
const CLOCK_TICKS = 100;

export class GroongaProcess {
  private buffered = '';
  private readonly pending: Pending[] = [];
  private exited: Error | null = null;
  private readonly exit: Promise<void>;

  private constructor(private readonly child: ChildProcessByStdio<Writable, Readable, Readable>) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.receive(chunk));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => void (stderr = (stderr + chunk).slice(-2000)));
    this.exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exited = new KirinukiError(
          'bench',
          `groonga exited (${signal ?? code}) ${stderr.trim()}`,
        );
        for (const p of this.pending.splice(0)) p.reject(this.exited);
        resolve();
      });
    });
  }

  /**
   * Starts `groonga -n path`: a new database (its files are `path`, `path.*`). The directory
   * must exist and hold no database at `path`.
   *
   * @example
   * const g = await GroongaProcess.create(join(dir, 'db'));
   */
  static async create(path: string): Promise<GroongaProcess> {
    const child = spawn('groonga', ['-n', path], { stdio: ['pipe', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (e) =>
        reject(new KirinukiError('bench', 'cannot start groonga', { cause: e })),
      );
    });
    const g = new GroongaProcess(child);
    await g.command('status');
    return g;
  }

  /**
   * The process id, for `/proc`.
   *
   * @example
   * readFileSync(`/proc/${g.pid}/status`, 'utf8');
   */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /**
   * Sends one command line (or a `/d/command?…` path) and resolves to the response's body;
   * rejects when Groonga answers with an error.
   *
   * @example
   * await g.command('table_create Entries TABLE_NO_KEY'); // true
   */
  command(line: string): Promise<unknown> {
    if (line.includes('\n')) throw new KirinukiError('bench', 'groonga: one command a line');
    return this.send(`${line}\n`, line);
  }

  /**
   * Loads `values` (JSON objects) into `table` with one `load` command; resolves to the number
   * Groonga says it loaded.
   *
   * @example
   * await g.load('Entries', [{ text: '停戦' }]); // 1
   */
  async load(table: string, values: readonly object[]): Promise<number> {
    const body = await this.send(
      `load --table ${table}\n${JSON.stringify(values)}\n`,
      `load --table ${table}`,
    );
    if (typeof body !== 'number')
      throw new KirinukiError('bench', `groonga: load answered ${String(body)}`);
    return body;
  }

  /**
   * User + system CPU seconds the process has used so far (`/proc/<pid>/stat`).
   *
   * @example
   * const before = g.cpuSeconds(); await g.load('Entries', values); g.cpuSeconds() - before;
   */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }

  /**
   * Peak resident set size so far (`VmHWM` of `/proc/<pid>/status`), in bytes.
   *
   * @example
   * g.peakRssBytes(); // 711_000_000
   */
  peakRssBytes(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
    if (kb === undefined) throw new KirinukiError('bench', 'groonga: no VmHWM in /proc status');
    return Number(kb) * 1024;
  }

  /**
   * The resident set now, split as `/proc/<pid>/status` does: anonymous memory (what Groonga
   * allocated) and file pages (the database's files it has mapped and touched, which the kernel
   * may drop and read again), in bytes.
   *
   * @example
   * g.resident(); // { anonBytes: 120_000_000, fileBytes: 3_400_000_000 }
   */
  resident(): { anonBytes: number; fileBytes: number } {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field: string): number =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? NaN);
    return { anonBytes: kb('RssAnon') * 1024, fileBytes: (kb('RssFile') + kb('RssShmem')) * 1024 };
  }

  /**
   * Ends the process (closing its stdin ends `groonga`) and waits for it to exit.
   *
   * @example
   * await g.close();
   */
  async close(): Promise<void> {
    if (this.exited === null) this.child.stdin.end();
    await this.exit;
  }

  private send(text: string, what: string): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject, what });
      this.child.stdin.write(text);
    });
  }

  private receive(chunk: string): void {
    this.buffered += chunk;
    for (let end = this.buffered.indexOf('\n'); end >= 0; end = this.buffered.indexOf('\n')) {
      const line = this.buffered.slice(0, end);
      this.buffered = this.buffered.slice(end + 1);
      if (line.trim() !== '') this.answer(line);
    }
  }

  private answer(line: string): void {
    const p = this.pending.shift();
    if (!p)
      throw new KirinukiError(
        'bench',
        `groonga: a response nobody asked for: ${line.slice(0, 200)}`,
      );
    let response: unknown;
    try {
      response = JSON.parse(line);
    } catch (e) {
      p.reject(
        new KirinukiError('bench', `groonga: ${p.what}: not JSON: ${line.slice(0, 200)}`, {
          cause: e,
        }),
      );
      return;
    }
    const [header, body] = Array.isArray(response) ? response : [];
    const rc: unknown = Array.isArray(header) ? header[0] : undefined;
    if (rc === 0) p.resolve(body);
    else
      p.reject(
        new KirinukiError('bench', `groonga: ${p.what.slice(0, 200)}: ${JSON.stringify(header)}`),
      );
  }
}

/**
 * The installed Groonga's version (`Groonga 13.0.0`), or `null` when no `groonga` is on PATH.
 *
 * @example
 * groongaVersion(); // 'Groonga 13.0.0'
 */
export function groongaVersion(): string | null {
  const probe = spawnSync('groonga', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  return /^Groonga \S+/.exec(probe.stdout)?.[0] ?? null;
}
