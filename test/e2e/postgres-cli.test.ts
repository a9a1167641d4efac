/**
 * The command line on a PostgreSQL archive (`--db postgres://…`, `KIRINUKI_DB`): migrate,
 * import, search, stats, doctor and backup on a private cluster. Skipped, loudly, without a
 * PostgreSQL server on the machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteArchive } from '../../src/archive/index.js';
import { PG_MIGRATIONS } from '../../src/archive/postgres/migrations.js';
import { run, type CliIo } from '../../src/cli/index.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { kirinuki, type Captured } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const started = startPostgresCluster();

/** The CLI with an environment of its own (KIRINUKI_DB). */
async function withEnv(args: string[], env: NodeJS.ProcessEnv): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    stdin: () => Readable.from([]),
    env,
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

describe('kirinuki migrate on a SQLite file', () => {
  it('migrates the file and says its version, again and again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kirinuki-migrate-'));
    try {
      const db = join(dir, 'archive.db');
      for (let run = 0; run < 2; run += 1) {
        const r = await kirinuki(['--db', db, 'migrate', '--json']);
        expect(r.code, r.stderr).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ backend: 'sqlite', location: db });
      }
      expect((await kirinuki(['--db', db, 'stats'])).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

if (started.ok) {
  const { cluster } = started;
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-pg-cli-'));
  afterAll(() => {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  describe('kirinuki on PostgreSQL', () => {
    it('migrate applies the schema once, then nothing', async () => {
      const url = cluster.createDatabase('migrate_twice');
      const first = await kirinuki(['--db', url, 'migrate', '--json']);
      expect(first.code, first.stderr).toBe(0);
      const versions = PG_MIGRATIONS.map((m) => m.version);
      expect(JSON.parse(first.stdout)).toMatchObject({ backend: 'postgres', applied: versions });
      const again = await kirinuki(['--db', url, 'migrate']);
      expect(again.code).toBe(0);
      expect(again.stdout).toContain(`schema version ${versions.at(-1)} (nothing to apply)`);
    });

    it('imports, searches, counts and checks the samples as on SQLite', async () => {
      const url = cluster.createDatabase('samples');
      const sqlite = join(dir, 'samples.db');
      for (const db of [url, sqlite])
        expect((await kirinuki(['--db', db, 'import', samples])).code).toBe(0);
      for (const args of [
        ['stats', '--json'],
        ['search', '停戦', '--json', '--limit', '100'],
        ['search', 'tag:ウクライナ和平交渉 -ロシア', '--json'],
        ['days', '--json'],
      ]) {
        const pg = await kirinuki(['--db', url, ...args]);
        const lite = await kirinuki(['--db', sqlite, ...args]);
        expect(pg.code, pg.stderr).toBe(0);
        // Everything but the size on disk, and the hits as a set: their order and scores are
        // the ranking's (the contract suite's ranking tests hold it on both backends).
        const strip = (s: string): unknown => {
          const v = JSON.parse(s, (key, value: unknown) =>
            key === 'bytesOnDisk' || key === 'score' ? undefined : value,
          ) as { hits?: { id: string }[] };
          if (v.hits) v.hits.sort((a, b) => a.id.localeCompare(b.id));
          return v;
        };
        expect(strip(pg.stdout), args.join(' ')).toEqual(strip(lite.stdout));
      }
      const doctor = await kirinuki(['--db', url, 'doctor']);
      expect(doctor.code, doctor.stdout).toBe(0);
    });

    it('KIRINUKI_DB names the database too, and backup writes a SQLite copy', async () => {
      const url = cluster.createDatabase('by_env');
      expect((await withEnv(['import', samples], { KIRINUKI_DB: url })).code).toBe(0);
      const copy = join(dir, 'copy.db');
      const r = await withEnv(['backup', copy], { KIRINUKI_DB: url });
      expect(r.code, r.stderr).toBe(0);
      const restored = openSqliteArchive(copy, { readonly: true });
      const stats = (await withEnv(['stats', '--json'], { KIRINUKI_DB: url })).stdout;
      const { bytesOnDisk: _pg, ...fromPg } = JSON.parse(stats) as Record<string, unknown>;
      const { bytesOnDisk: _lite, ...fromCopy } = restored.stats();
      void _pg;
      void _lite;
      expect(fromCopy).toEqual(fromPg);
      restored.close();
    });
  });
} else {
  console.warn(`PostgreSQL CLI suite SKIPPED: ${started.why}`);
  describe('kirinuki on PostgreSQL', () => {
    it.skip(`skipped: ${started.why}`, () => {});
  });
}
