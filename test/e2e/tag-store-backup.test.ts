/**
 * A backup, an export and a restore carry the archive's tag store — the curator's taxonomy, the
 * trained tag model, the learned summary-line style — with the entries: files beside a SQLite
 * archive, rows of `kirinuki_documents` in a PostgreSQL archive's database. Every path is run
 * through the CLI and the documents compared byte for byte at the end of it, so a path that
 * drops one fails: backup → restore (SQLite → SQLite, PostgreSQL → PostgreSQL, PostgreSQL →
 * SQLite), export → import (SQLite → SQLite, SQLite → PostgreSQL → SQLite). A restore replaces
 * the store (only with --force when it would change one), in PostgreSQL in the transaction that
 * replaces the entries; an import files what the archive lacks and keeps the archive's own.
 * The PostgreSQL half runs on a private cluster and is skipped, loudly, without one.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dropBackupDocuments,
  readBackupDocuments,
  StoredDocuments,
  writeBackupDocuments,
} from '../../src/archive/index.js';
import { PgConnection } from '../../src/archive/postgres/connection.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { kirinuki } from './run-cli.js';

const samples = fileURLToPath(new URL('../../samples', import.meta.url));
const started = startPostgresCluster();
if (!started.ok) console.warn(`\n*** tag store backup on PostgreSQL SKIPPED: ${started.why} ***\n`);

/** A tag store's documents as texts; a document never written is absent. */
type Store = Partial<Record<'taxonomy' | 'model' | 'style', string>>;

/** The documents' names in a database and in a backup file. */
const NAMES = { taxonomy: 'taxonomy', model: 'tag-model', style: 'summary-style' } as const;

async function ok(...args: string[]): Promise<string> {
  const r = await kirinuki(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

/** The files beside a SQLite archive that hold its tag store. */
function filesOf(db: string): Record<keyof Store, string> {
  return {
    taxonomy: join(dirname(db), 'taxonomy.json'),
    model: `${db}.tag-model.json`,
    style: `${db}.style.json`,
  };
}

function fileStore(db: string): Store {
  const store: Store = {};
  for (const [kind, path] of Object.entries(filesOf(db)) as [keyof Store, string][])
    if (existsSync(path)) store[kind] = readFileSync(path, 'utf8');
  return store;
}

function databaseStore(url: string): Store {
  const docs = StoredDocuments.open(url);
  try {
    const store: Store = {};
    for (const [kind, name] of Object.entries(NAMES) as [keyof Store, string][]) {
      const body = docs.read(name)?.body;
      if (body !== undefined) store[kind] = body;
    }
    return store;
  } finally {
    docs.close();
  }
}

function databaseVersions(url: string): Record<string, number> {
  const docs = StoredDocuments.open(url);
  try {
    return docs.versions();
  } finally {
    docs.close();
  }
}

function backupStore(file: string): Store | null {
  const documents = readBackupDocuments(file);
  if (documents === null) return null;
  const store: Store = {};
  for (const [kind, name] of Object.entries(NAMES) as [keyof Store, string][]) {
    const body = documents[name];
    if (body !== undefined) store[kind] = body;
  }
  return store;
}

/** The tag-document records of an archive dump. */
function dumpDocuments(dump: string): { document: string; text: string }[] {
  return dump
    .split('\n')
    .filter((l) => l.startsWith('{"kind":"tag-document"'))
    .map((l) => JSON.parse(l) as { document: string; text: string });
}

/** A fresh folder for one SQLite archive: its taxonomy is the folder's `taxonomy.json`. */
let dir = '';
let folders = 0;
function newArchivePath(): string {
  folders += 1;
  const folder = join(dir, `archive-${folders}`);
  mkdirSync(folder, { recursive: true });
  return join(folder, 'archive.db');
}

const xdgBefore = process.env.XDG_DATA_HOME;
/** A SQLite archive of the samples with all three documents: taxonomy imported, then trained. */
let source = '';
let sourceStore: Store = {};
/** A taxonomy of one tag, different from the samples'. */
let ownTaxonomy = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-tag-backup-'));
  // This "machine"'s data directory: a PostgreSQL archive's old files are looked for there.
  process.env.XDG_DATA_HOME = join(dir, 'data');
  source = newArchivePath();
  await ok('--db', source, 'import', samples);
  await ok('--db', source, 'tags', 'import', join(samples, 'taxonomy.json'));
  await ok('--db', source, 'train');
  sourceStore = fileStore(source);
  ownTaxonomy = join(dir, 'own-taxonomy.json');
  writeFileSync(
    ownTaxonomy,
    `${JSON.stringify({ version: 1, tags: [{ name: '架空の話題', description: '試験用', keywords: ['架空'] }] })}\n`,
  );
}, 180_000);

afterAll(() => {
  if (xdgBefore === undefined) delete process.env.XDG_DATA_HOME;
  else process.env.XDG_DATA_HOME = xdgBefore;
  if (started.ok) started.cluster.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the tag store in backups and dumps of a SQLite archive', () => {
  it('the source archive has all three documents (else nothing below would test them)', () => {
    expect(Object.keys(sourceStore).sort()).toEqual(['model', 'style', 'taxonomy']);
    expect(sourceStore.taxonomy).toMatch(/ウクライナ戦況/u);
  });

  it('backup carries the tag store inside the file; restore writes it beside the restored archive', async () => {
    const backup = join(dir, 'sqlite-backup.db');
    const out = await ok('--db', source, 'backup', backup);
    expect(out).toContain('(with its tag model, summary-line style, taxonomy)');
    expect(backupStore(backup)).toEqual(sourceStore);

    const target = newArchivePath();
    const restored = await ok('--db', target, 'restore', backup);
    expect(restored).toContain('(with its tag model, summary-line style, taxonomy)');
    expect(fileStore(target)).toEqual(sourceStore);
    await ok('--db', target, 'doctor');
    // The live archive keeps its store beside it, not a stale copy inside.
    const raw = new Database(target, { readonly: true });
    try {
      expect(
        raw
          .prepare("SELECT name FROM sqlite_master WHERE name = 'kirinuki_backup_documents'")
          .all(),
      ).toEqual([]);
    } finally {
      raw.close();
    }
    // What a curator gets from the restored store: the same suggestions as from the source.
    const suggest = async (db: string): Promise<string> =>
      ok('--db', db, 'suggest', join(samples, '2024-03-05.txt'));
    expect(await suggest(target)).toBe(await suggest(source));
  }, 120_000);

  it('restore replaces a different tag store only with --force, and removes what the backup lacks', async () => {
    // A backup of an archive whose store is a taxonomy only (never trained).
    const small = newArchivePath();
    await ok('--db', small, 'import', join(samples, '2024-03-04.txt'));
    await ok('--db', small, 'tags', 'import', ownTaxonomy);
    const smallBackup = join(dir, 'small-backup.db');
    await ok('--db', small, 'backup', smallBackup);
    expect(backupStore(smallBackup)).toEqual(fileStore(small));

    const target = newArchivePath();
    await ok('--db', target, 'restore', join(dir, 'sqlite-backup.db'));
    rmSync(target);
    // The archive file is gone but its store is still there: a restore must not overwrite it.
    const refused = await kirinuki(['--db', target, 'restore', smallBackup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /the archive's tag model, summary-line style, taxonomy \(.*\) exist and are not the backup's \(--force/,
    );
    expect(existsSync(target)).toBe(false);
    expect(fileStore(target)).toEqual(sourceStore);

    await ok('--db', target, 'restore', smallBackup, '--force');
    expect(fileStore(target)).toEqual(fileStore(small));
    expect(existsSync(filesOf(target).model)).toBe(false);
  }, 120_000);

  it('a backup whose tag document is damaged is refused whole; an older one without a store says so', async () => {
    const damaged = join(dir, 'damaged-backup.db');
    await ok('--db', source, 'backup', damaged);
    writeBackupDocuments(damaged, { taxonomy: sourceStore.taxonomy ?? '', 'tag-model': '{"v' });
    const target = newArchivePath();
    const r = await kirinuki(['--db', target, 'restore', damaged]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the tag model of');
    expect(r.stderr).toContain('cannot be read');
    expect(existsSync(target)).toBe(false);
    expect(fileStore(target)).toEqual({});

    const older = join(dir, 'older-backup.db');
    await ok('--db', source, 'backup', older);
    dropBackupDocuments(older);
    writeFileSync(filesOf(target).taxonomy, readFileSync(ownTaxonomy, 'utf8'));
    const kept = await kirinuki(['--db', target, 'restore', older]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.stderr).toContain('carries no tag store');
    expect(fileStore(target)).toEqual({ taxonomy: readFileSync(ownTaxonomy, 'utf8') });
  }, 120_000);

  it('export → import carries the tag store; importing again changes nothing; an archive keeps its own', async () => {
    const dump = join(dir, 'sqlite.jsonl');
    await ok('--db', source, 'export', '--out', dump);
    const text = readFileSync(dump, 'utf8');
    expect(dumpDocuments(text)).toEqual([
      { kind: 'tag-document', document: 'model', text: sourceStore.model },
      { kind: 'tag-document', document: 'style', text: sourceStore.style },
      { kind: 'tag-document', document: 'taxonomy', text: sourceStore.taxonomy },
    ]);
    expect(text).toMatch(/"kind":"end".*"tagDocuments":3\}\n$/);

    const target = newArchivePath();
    const first = await kirinuki(['--db', target, 'import', dump]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(
      '(archive dump); its tag store: tag model, summary-line style, taxonomy\n',
    );
    expect(fileStore(target)).toEqual(sourceStore);
    expect(await ok('--db', target, 'export')).toBe(text);
    const again = await kirinuki(['--db', target, 'import', dump]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe('');
    expect(again.stdout).not.toContain('tag store');

    const own = newArchivePath();
    writeFileSync(filesOf(own).taxonomy, readFileSync(ownTaxonomy, 'utf8'));
    const merged = await kirinuki(['--db', own, 'import', dump]);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stderr).toContain('has a taxonomy of its own');
    expect(fileStore(own)).toEqual({ ...sourceStore, taxonomy: readFileSync(ownTaxonomy, 'utf8') });
  }, 120_000);

  it('a dump whose tag documents were cut off is an error naming the count', async () => {
    const dump = readFileSync(join(dir, 'sqlite.jsonl'), 'utf8');
    const cut = join(dir, 'cut.jsonl');
    writeFileSync(
      cut,
      dump
        .split('\n')
        .filter((l) => !l.includes('"document":"style"'))
        .join('\n'),
    );
    const r = await kirinuki(['--db', newArchivePath(), 'import', cut]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the end record counts 3 tag documents but the dump holds 2');
  }, 60_000);
});

describe.skipIf(!started.ok)('the tag store in backups and dumps of a PostgreSQL archive', () => {
  let pg = '';
  let pgExport = '';
  const pgBackup = (): string => join(dir, 'pg-backup.db');

  beforeAll(async () => {
    if (!started.ok) return;
    // SQLite → PostgreSQL by export and import: the store moves into the database.
    pg = started.cluster.createDatabase('moved_in');
    const dump = join(dir, 'to-pg.jsonl');
    await ok('--db', source, 'export', '--out', dump);
    await ok('--db', pg, 'import', dump);
    pgExport = await ok('--db', pg, 'export');
  }, 180_000);

  it('export → import from SQLite puts the store into the database, byte for byte, and back', async () => {
    expect(databaseStore(pg)).toEqual(sourceStore);
    expect(pgExport).toBe(readFileSync(join(dir, 'to-pg.jsonl'), 'utf8'));
    const back = newArchivePath();
    const dump = join(dir, 'from-pg.jsonl');
    await ok('--db', pg, 'export', '--out', dump);
    await ok('--db', back, 'import', dump);
    expect(fileStore(back)).toEqual(sourceStore);
    expect(await ok('--db', back, 'export')).toBe(pgExport);
  }, 120_000);

  it('backup of PostgreSQL → restore into an empty PostgreSQL archive brings the store back', async () => {
    // With a password in the connection string (the private cluster trusts its socket): the
    // message names the archive without it.
    const withPassword = pg.replace(/^postgres:\/\/([^:@/]+)@/, 'postgres://$1:s3cret@');
    expect(withPassword).toContain(':s3cret@');
    const out = await ok('--db', withPassword, 'backup', pgBackup());
    expect(out).toContain('(with its tag model, summary-line style, taxonomy)');
    expect(out).not.toContain('s3cret');
    expect(backupStore(pgBackup())).toEqual(sourceStore);

    const target = started.ok ? started.cluster.createDatabase('restored') : '';
    const r = await ok('--db', target, 'restore', pgBackup());
    expect(r).toMatch(/blog posts, its tag model, summary-line style, taxonomy\n$/);
    expect(databaseStore(target)).toEqual(sourceStore);
    expect(await ok('--db', target, 'export')).toBe(pgExport);
    // …and a PostgreSQL backup restored into SQLite: the store beside the file.
    const sqlite = newArchivePath();
    await ok('--db', sqlite, 'restore', pgBackup());
    expect(fileStore(sqlite)).toEqual(sourceStore);
  }, 120_000);

  it('restore --force replaces a different store in one go, with higher versions; without --force it is refused', async () => {
    if (!started.ok) return;
    const target = started.cluster.createDatabase('own_store');
    await ok('--db', target, 'tags', 'import', ownTaxonomy);
    const before = databaseStore(target);
    const versions = databaseVersions(target);
    const refused = await kirinuki(['--db', target, 'restore', pgBackup()]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/holds 0 entries and its own taxonomy \(--force/);
    expect(databaseStore(target)).toEqual(before);

    await ok('--db', target, 'restore', pgBackup(), '--force');
    expect(databaseStore(target)).toEqual(sourceStore);
    // A running server compares versions to see a changed document: it must rise.
    expect(databaseVersions(target).taxonomy).toBeGreaterThan(versions.taxonomy ?? 0);

    // A backup of an archive with a taxonomy only: the model and style restored away.
    const small = newArchivePath();
    await ok('--db', small, 'import', join(samples, '2024-03-04.txt'));
    await ok('--db', small, 'tags', 'import', ownTaxonomy);
    const smallBackup = join(dir, 'small-for-pg.db');
    await ok('--db', small, 'backup', smallBackup);
    await ok('--db', target, 'restore', smallBackup, '--force');
    expect(databaseStore(target)).toEqual(fileStore(small));
    expect(Object.keys(databaseVersions(target))).toEqual(['taxonomy']);
  }, 120_000);

  it('a failure inside the final transaction leaves the entries and the store as they were', async () => {
    if (!started.ok) return;
    const target = started.cluster.createDatabase('pinned_store');
    await ok('--db', target, 'import', join(samples, '2024-03-06.txt'));
    await ok('--db', target, 'tags', 'import', ownTaxonomy);
    const c = PgConnection.open(target, undefined, false);
    try {
      c.query('CREATE TABLE pinned (entry bigint REFERENCES entries (rid))');
      c.query('INSERT INTO pinned SELECT min(rid) FROM entries');
    } finally {
      c.close();
    }
    const before = { store: databaseStore(target), versions: databaseVersions(target) };
    const exported = await ok('--db', target, 'export');
    const r = await kirinuki(['--db', target, 'restore', pgBackup(), '--force']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('pinned');
    expect({ store: databaseStore(target), versions: databaseVersions(target) }).toEqual(before);
    expect(await ok('--db', target, 'export')).toBe(exported);
  }, 120_000);
});
