import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The other e2e tests call `run` in process; these run the installed command as a user does:
// bin/kirinuki.js and the esbuild bundle of the CLI that `npm run build` (and `npm ci`) makes.
const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/kirinuki.js');
const bundle = join(root, 'dist/bundle/cli/kirinuki.mjs');

function kirinukiBin(
  args: string[],
  extraEnv: Record<string, string> = {},
): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env, ...extraEnv };
  for (const name of ['NODE_OPTIONS', 'KIRINUKI_DB', 'KIRINUKI_KNOWLEDGE'])
    if (!(name in extraEnv)) delete env[name];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-bin-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the built bin', () => {
  it('runs the bundle built by npm run build', () => {
    expect(existsSync(bundle), `${bundle} is missing: run npm run build`).toBe(true);
    const r = kirinukiBin(['--help']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('search');
  });

  it('imports and searches, matching aliases from the shipped knowledge', () => {
    const db = join(dir, 'archive.db');
    expect(kirinukiBin(['--db', db, 'import', join(root, 'samples')]).code).toBe(0);
    // ハリコフ is an alias of ハルキウ in data/nlp: the bundle's knowledge snapshot must know it.
    const r = kirinukiBin(['--db', db, '--json', 'search', 'ハリコフ']);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout) as { hits: { snippet: { text: string } }[] };
    expect(found.hits.some((h) => h.snippet.text.includes('ハルキウ'))).toBe(true);
    expect(found.hits.some((h) => h.snippet.text.includes('ハリコフ'))).toBe(true);
  });

  it('prints a digest after the quote check, which finds the shipped abbreviations from the bundle', () => {
    const db = join(dir, 'digest.db');
    expect(kirinukiBin(['--db', db, 'import', join(root, 'samples')]).code).toBe(0);
    const r = kirinukiBin(['--db', db, 'digest', '--date', '2024-03-04']);
    expect(r.stderr).not.toContain('cannot read');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\d+ quotes in \d+ entries/);
  });

  it('annotates an import of several files on worker threads, filing what one thread files', () => {
    const found = (threads: string): number[] => {
      const db = join(dir, `threads-${threads}.db`);
      const imported = kirinukiBin(['--db', db, 'import', join(root, 'samples')], {
        KIRINUKI_ANNOTATION_THREADS: threads,
      });
      expect(imported.code, imported.stderr).toBe(0);
      return ['speaker:ゼレンスキー', 'person:プーチン', 'speaker:ラブロフ'].map((q) => {
        const r = kirinukiBin(['--db', db, '--json', 'search', q]);
        expect(r.code, r.stderr).toBe(0);
        return (JSON.parse(r.stdout) as { total: number }).total;
      });
    };
    const onMain = found('0');
    expect(onMain.some((n) => n > 0)).toBe(true);
    expect(found('2')).toEqual(onMain);
    const bad = kirinukiBin(['--db', join(dir, 'bad.db'), 'import', join(root, 'samples')], {
      KIRINUKI_ANNOTATION_THREADS: 'many',
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('import: KIRINUKI_ANNOTATION_THREADS must be a whole number');
  });
});
