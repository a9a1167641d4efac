import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `kirinuki export | head -1`: the reader closes the pipe after the first line. The built bin
// runs as a user's shell would run it, its stdout a real pipe that the test closes.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/kirinuki.js');

function env(): NodeJS.ProcessEnv {
  const e = { ...process.env };
  for (const name of ['NODE_OPTIONS', 'KIRINUKI_DB', 'KIRINUKI_KNOWLEDGE']) delete e[name];
  return e;
}

let dir: string;
let db: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-pipe-'));
  db = join(dir, 'archive.db');
  const r = spawnSync(
    process.execPath,
    [bin, '--db', db, '--create', 'import', join(root, 'samples')],
    {
      env: env(),
      encoding: 'utf8',
    },
  );
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bin, reads its first chunk of stdout, closes the pipe; resolves with how it ended. */
function readFirstChunkThenClose(
  args: string[],
): Promise<{ code: number | null; stderr: string; first: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: env() });
    let stderr = '';
    let first = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, first }));
  });
}

describe('a closed pipe', () => {
  it.each([
    ['export --format jsonl', ['export', '--format', 'jsonl']],
    ['export --format text', ['export', '--format', 'text']],
    ['search', ['search', 'ウクライナ', '--limit', '1000']],
  ])('ends `%s | head -1` quietly, exit 0, no stack trace', async (_name, args) => {
    const r = await readFirstChunkThenClose(['--db', db, ...args]);
    expect(r.first.length).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/EPIPE|Error|at /);
    expect(r.code).toBe(0);
  });
});
