/**
 * `kirinuki serve` as a curator runs it: a process that prints the address to open, answers
 * there until it is told to stop, and refuses to listen beyond loopback without a token.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kirinuki } from './run-cli.js';
import { ROOT, SAMPLE_FILES } from './server-harness.js';

let dir: string;
let db: string;
/** What `kirinuki stats --json` says the archive holds. */
let entries: number;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-serve-'));
  db = join(dir, 'archive.db');
  const files = SAMPLE_FILES.map((f) => join(ROOT, 'samples', f));
  expect((await kirinuki(['--db', db, 'import', ...files])).code).toBe(0);
  entries = (
    JSON.parse((await kirinuki(['--db', db, '--json', 'stats'])).stdout) as { entries: number }
  ).entries;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI from its sources in a child process (the bin runs the build, which tests may not have). */
function serve(args: string[], env: Record<string, string> = {}): ChildProcess {
  const script =
    "import { run, processIo } from './src/cli/index.ts'; process.exitCode = await run(process.argv.slice(1), processIo());";
  const clean = { ...process.env };
  for (const name of ['NODE_OPTIONS', 'KIRINUKI_DB', 'KIRINUKI_TOKEN']) delete clean[name];
  return spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, '--', '--db', db, 'serve', ...args],
    { cwd: ROOT, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** The first line matching `pattern` the process prints, or its exit. */
function printed(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (b: Buffer) => {
      out += b.toString();
      const m = pattern.exec(out);
      if (m) resolve(m[0]);
    });
    child.stderr?.on('data', (b: Buffer) => (err += b.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

describe('kirinuki serve', () => {
  it('prints a login link, serves the archive to it alone, and stops on SIGTERM', async () => {
    const child = serve(['--port', '0']);
    try {
      const link = await printed(child, /http:\/\/127\.0\.0\.1:\d+\/login\?token=\S+/);
      const url = link.replace(/login\?.*$/, '');
      // Loopback is open to every user of the machine: without the link's token, nothing.
      expect((await fetch(`${url}api/stats`)).status).toBe(403);
      expect((await fetch(`${url}api/session`)).status).toBe(403);
      expect((await fetch(url)).status).toBe(403);
      // The link logs a browser in with a cookie, as a curator's click would.
      const login = await fetch(link, { redirect: 'manual' });
      expect(login.status).toBe(303);
      const cookie = String(login.headers.get('set-cookie')).split(';')[0] ?? '';
      const stats = (await (await fetch(`${url}api/stats`, { headers: { cookie } })).json()) as {
        entries: number;
      };
      expect(stats.entries).toBe(entries);
      expect(entries).toBeGreaterThan(0);
      const page = await fetch(url, { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('with KIRINUKI_TOKEN, prints the login link and wants the token on every request', async () => {
    const token = 'serve-test-token-0123456789';
    const child = serve(['--port', '0'], { KIRINUKI_TOKEN: token });
    try {
      const link = await printed(child, /http:\/\/127\.0\.0\.1:\d+\/login\?token=\S+/);
      expect(link.endsWith(`token=${token}`)).toBe(true);
      const base = link.replace(/login\?.*$/, '');
      expect((await fetch(`${base}api/stats`)).status).toBe(403);
      const ok = await fetch(`${base}api/stats`, { headers: { Authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      child.kill('SIGINT');
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('lists the sources file given with --sources, the one watch reads', async () => {
    const token = 'serve-test-token-0123456789';
    const sources = join(dir, 'feeds.txt');
    writeFileSync(sources, 'https://news.example.jp/rss.xml\n');
    const child = serve(['--port', '0', '--sources', sources], { KIRINUKI_TOKEN: token });
    try {
      const link = await printed(child, /http:\/\/127\.0\.0\.1:\d+\/login\?token=\S+/);
      const base = link.replace(/login\?.*$/, '');
      const listed = await fetch(`${base}api/capture/sources`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(listed.status).toBe(200);
      expect(JSON.stringify(await listed.json())).toContain('https://news.example.jp/rss.xml');
      child.kill('SIGTERM');
      expect(await exited(child)).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);

  it('refuses to listen beyond loopback without a token, and a port that is no port', async () => {
    const open = await kirinuki(['--db', db, 'serve', '--host', '0.0.0.0', '--port', '0']);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('--token');
    const port = await kirinuki(['--db', db, 'serve', '--port', 'eighty']);
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('--port');
  });
});
