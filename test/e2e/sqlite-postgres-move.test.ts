/**
 * Moving an archive between backends with the CLI: `export` from SQLite, `import` into
 * PostgreSQL, and back, loses nothing — the dump of each copy is the same bytes, and the
 * curator sees the same days, digests and searches. Skipped, loudly, without a PostgreSQL
 * server on the machine.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const started = startPostgresCluster();

async function ok(...args: string[]): Promise<string> {
  const r = await kirinuki(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** What a curator sees of an archive: stats, days, each day's digest, searches ranked and by date. */
async function view(db: string): Promise<unknown> {
  const stats = JSON.parse(await ok('--db', db, '--json', 'stats')) as Record<string, unknown>;
  delete stats.bytesOnDisk;
  const days = JSON.parse(await ok('--db', db, '--json', 'days')) as { days: { day: string }[] };
  const digests: string[] = [];
  for (const { day } of days.days)
    digests.push(await ok('--db', db, 'digest', '--date', day, '--no-check'));
  const searches = [
    await ok('--db', db, '--json', 'search', 'tag:停戦'),
    await ok('--db', db, '--json', 'search', '--sort', 'date', '大統領'),
    await ok('--db', db, '--json', 'search', '大統領'),
    await ok('--db', db, '--json', 'search', '停戦 -ロシア'),
  ];
  return { stats, days, digests, searches };
}

if (started.ok) {
  const { cluster } = started;
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-move-'));
  afterAll(() => {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('moving an archive between SQLite and PostgreSQL', () => {
    it('SQLite → PostgreSQL → SQLite: every dump the same bytes, the same archive to a curator', async () => {
      const sqlite = join(dir, 'from.db');
      await ok('--db', sqlite, 'import', samples);
      // The curator's work, which a move must keep: a line edited, an entry dropped.
      const [first, second] = (await ok('--db', sqlite, 'export'))
        .split('\n')
        .filter((l) => l.startsWith('{"kind":"entry"'))
        .map((l) => JSON.parse(l) as { id: string });
      await ok(
        '--db',
        sqlite,
        'edit',
        String(first?.id),
        '--line',
        '#停戦(移す前・架空大統領「残る」)',
      );
      await ok('--db', sqlite, 'drop', String(second?.id));
      const dump = join(dir, 'from.jsonl');
      await ok('--db', sqlite, 'export', '--out', dump);

      const postgres = cluster.createDatabase('moved_in');
      const restored = await kirinuki(['--db', postgres, 'import', dump]);
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/29 new, 0 already in the archive, 3 days \(archive dump\)/);
      expect(await ok('--db', postgres, 'export')).toBe(readFileSync(dump, 'utf8'));
      expect(await view(postgres)).toEqual(await view(sqlite));
      expect(await ok('--db', postgres, 'search', 'tag:停戦')).toContain('残る');

      const back = join(dir, 'back.db');
      const dumpBack = join(dir, 'back.jsonl');
      await ok('--db', postgres, 'export', '--out', dumpBack);
      await ok('--db', back, 'import', dumpBack);
      expect(await ok('--db', back, 'export')).toBe(readFileSync(dump, 'utf8'));
      expect(await view(back)).toEqual(await view(sqlite));
    }, 180_000);
  });
} else {
  console.warn(`SQLite ↔ PostgreSQL move suite SKIPPED: ${started.why}`);
  describe('moving an archive between SQLite and PostgreSQL', () => {
    it.skip(`skipped: ${started.why}`, () => {});
  });
}
