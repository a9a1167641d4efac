/**
 * `npx tsx scripts/crash-test.ts [--kills 100]`: kills `kirinuki import` with SIGKILL at random
 * moments, again and again, on one archive; after each kill `kirinuki doctor` must find the
 * archive sound (no partial entry, the index and counts right), and at the end an import run to
 * completion must give the counts of an uninterrupted import. Runs the built bin (`npm run
 * build`). The test suite runs it with a few kills (test/e2e/crash.test.ts); the figures of a
 * long run go to docs/reliability.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/kirinuki.js', import.meta.url));

export interface CrashReport {
  kills: number;
  /** Kills that landed while the import was still running (the others came after it ended). */
  midImport: number;
  /** Kills after which `doctor` found something wrong. */
  unsound: number;
  /** Entries after the last, uninterrupted import, and in a fresh archive given the same files. */
  entries: number;
  expected: number;
  days: number;
  expectedDays: number;
}

/** Days of clip documents, `perFile` entries each, with unique links: what the imports file. */
function writeDays(dir: string, files: number, perFile: number): string[] {
  return Array.from({ length: files }, (_, f) => {
    const day = `2024-02-${String(f + 1).padStart(2, '0')}`;
    const text = Array.from({ length: perFile }, (_, i) =>
      [
        `停戦協議 ${day} 第${i}報 https://t.co/K${f}x${i}`,
        `— 共同 (@kyodo_test) February ${f + 1}, 2024`,
        `${'本文の一行です。'.repeat(20)}${f}-${i}`,
        `#ウクライナ和平交渉(第${i}報)`,
      ].join('\n'),
    ).join('\n');
    const path = join(dir, `${day}.txt`);
    writeFileSync(path, `${text}\n`);
    return path;
  });
}

function kirinuki(args: string[]): { code: number | null; stdout: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout };
}

/** What `doctor` says of the archive; a bin that cannot answer is a setup error, not a crash. */
function sound(db: string): boolean {
  const r = kirinuki(['--db', db, '--json', 'doctor']);
  try {
    return (JSON.parse(r.stdout) as { ok: boolean }).ok;
  } catch {
    throw new Error(
      `crash-test: kirinuki doctor gave no report (exit ${r.code}): run npm run build`,
    );
  }
}

function counts(db: string): { entries: number; days: number } {
  const s = JSON.parse(kirinuki(['--db', db, '--json', 'stats']).stdout) as {
    entries: number;
    days: number;
  };
  return { entries: s.entries, days: s.days };
}

/**
 * Kills imports `kills` times at random moments up to `maxDelayMs` after they start.
 *
 * @example
 * const r = await crashTest({ kills: 5 }); // r.unsound === 0, r.entries === r.expected
 */
export async function crashTest(
  options: {
    kills?: number;
    files?: number;
    perFile?: number;
    maxDelayMs?: number;
    seed?: number;
  } = {},
): Promise<CrashReport> {
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-crash-'));
  try {
    const files = writeDays(dir, options.files ?? 12, options.perFile ?? 150);
    const db = join(dir, 'archive.db');
    let seed = options.seed ?? 1;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const report: CrashReport = {
      kills: 0, midImport: 0, unsound: 0, entries: 0, expected: 0, days: 0, expectedDays: 0,
    }; // prettier-ignore
    for (let k = 0; k < (options.kills ?? 100); k += 1) {
      const child = spawn(process.execPath, [BIN, '--db', db, 'import', ...files], {
        stdio: 'ignore',
      });
      let ended = false;
      const closed = new Promise<void>((done) =>
        child.on('exit', () => {
          ended = true;
          done();
        }),
      );
      await new Promise((r) => setTimeout(r, 30 + random() * (options.maxDelayMs ?? 1500)));
      if (!ended) report.midImport += 1;
      child.kill('SIGKILL');
      await closed;
      report.kills += 1;
      if (!sound(db)) report.unsound += 1;
    }
    kirinuki(['--db', db, 'import', ...files]);
    const after = counts(db);
    const fresh = join(dir, 'fresh.db');
    kirinuki(['--db', fresh, 'import', ...files]);
    const expected = counts(fresh);
    return {
      ...report,
      entries: after.entries,
      expected: expected.entries,
      days: after.days,
      expectedDays: expected.days,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--kills');
  const kills = at >= 0 ? Number(process.argv[at + 1]) : 100;
  const started = Date.now();
  const r = await crashTest({ kills });
  console.log(JSON.stringify({ ...r, seconds: (Date.now() - started) / 1000 }, null, 2));
  process.exitCode =
    r.unsound === 0 && r.entries === r.expected && r.days === r.expectedDays ? 0 : 1;
}
