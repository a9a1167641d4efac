import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteArchive } from './sqlite-archive.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-migrate-race-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const archiveModule = fileURLToPath(new URL('./sqlite-archive.ts', import.meta.url));

/** Runs a process that opens (and so migrates) the archive at `path`; its exit code and stderr. */
function openInProcess(script: string, path: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, path], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('migrations', () => {
  it('five processes opening one new archive at once all get a current archive', async () => {
    const script = join(dir, 'open.mts');
    writeFileSync(
      script,
      `import { openSqliteArchive } from ${JSON.stringify(archiveModule)};\n` +
        // Both wait for the same instant so that their migrations overlap.
        `const at = Number(process.env.KIRINUKI_AT); while (Date.now() < at) {}\n` +
        `openSqliteArchive(process.argv[2]).close();\n`,
    );
    for (let round = 0; round < 4; round++) {
      const path = join(dir, `new-${round}.db`);
      process.env.KIRINUKI_AT = String(Date.now() + 1500);
      const runs = await Promise.all([0, 1, 2, 3, 4].map(() => openInProcess(script, path)));
      for (const r of runs) expect(r.stderr).toBe('');
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
      const a = openSqliteArchive(path);
      expect(a.check().every((c) => c.ok)).toBe(true);
      a.close();
    }
  }, 60_000);
});
