/**
 * An audited edit whose audit record cannot be written is not saved: a curator removed (by
 * another process, `users remove`) while their edit is on its way gets 401, and the entry is
 * left as it was, with no record of the edit. The removal is real — a second process holding
 * `DELETE FROM users` open in its transaction while the edit arrives — on a private PostgreSQL
 * cluster and a real server on 127.0.0.1. Skipped, loudly, without PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountStore,
  AuditAuthorGone,
  openPostgresArchive,
  type Archive,
} from '../../src/archive/index.js';
import { PgConnection } from '../../src/archive/postgres/connection.js';
import { importFiles, importTaxonomyFile, tagStorePaths } from '../../src/pipeline/index.js';
import type { RunningServer } from '../../src/server/index.js';
import { postgresBinDir, startPostgresCluster } from '../support/postgres-cluster.js';
import { WorkbenchBrowser } from '../support/workbench-browser.js';
import { startPostgresWorkbench } from './postgres-workbench.js';
import { SAMPLE_FILES, SAMPLES, sharedKnowledge } from './server-harness.js';

const started = startPostgresCluster();
if (!started.ok) console.warn(`\n*** audit suite SKIPPED: ${started.why} ***\n`);

const PASSWORD = 'kiri-nuki curator 1';

/**
 * Another process removes `user` in a transaction it holds open for `seconds` before
 * committing; resolves once the removal is made (and holds the user's row), with the process's
 * end to wait for.
 */
async function removeUserSlowly(
  url: string,
  user: string,
  seconds: number,
): Promise<{ done: Promise<number> }> {
  const psql = join(postgresBinDir() ?? '', 'psql');
  const child = spawn(
    psql,
    [
      url,
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `BEGIN; DELETE FROM users WHERE name = '${user}'; SELECT pg_sleep(${seconds}); COMMIT;`,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const c = PgConnection.open(url, undefined, false);
  try {
    for (let i = 0; i < 500; i += 1) {
      const sleeping = c.run(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE wait_event = 'PgSleep' AND query LIKE '%DELETE FROM users%'`,
      )[0];
      if (Number(sleeping?.n) > 0) return { done };
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    c.close();
  }
  throw new Error('psql never began removing the user');
}

describe.skipIf(!started.ok)('an audited edit by a user removed meanwhile', () => {
  let url: string;
  let dir: string;
  let archive: Archive;
  let accounts: AccountStore;
  let server: RunningServer;
  let origin: string;

  beforeAll(async () => {
    if (!started.ok) return;
    url = started.cluster.createDatabase('audit_author');
    dir = mkdtempSync(join(tmpdir(), 'kirinuki-audit-'));
    archive = openPostgresArchive(url);
    const files = SAMPLE_FILES.map((f) => ({
      name: join(SAMPLES, f),
      bytes: readFileSync(join(SAMPLES, f)),
    }));
    importFiles(archive, files, { today: '2024-03-06', knowledge: sharedKnowledge() });
    const archivePath = join(dir, 'archive.db');
    const taxonomy = importTaxonomyFile(tagStorePaths(archivePath), join(SAMPLES, 'taxonomy.json'));
    if (!taxonomy.ok) throw new Error(taxonomy.error.map((d) => d.message).join('\n'));
    const workbench = await startPostgresWorkbench({
      url,
      archive,
      archivePath,
      users: ['hanako', 'ken', 'jiro'].map((name) => ({
        name,
        role: 'curator' as const,
        password: PASSWORD,
      })),
    });
    ({ accounts, server, origin } = workbench);
  }, 120_000);

  afterAll(async () => {
    if (!started.ok) return;
    await server?.close();
    accounts?.close();
    archive?.close();
    started.cluster.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a present user edits and is recorded; one removed meanwhile gets 401 and the entry stays', async () => {
    const [entry, other] = archive.entriesOfDay('2024-03-05');
    if (!entry || !other) throw new Error('the samples have no entries on 2024-03-05');
    const id = entry.entry.id;
    const before = entry.entry.summaries.map((l) => l.raw);

    const hanako = new WorkbenchBrowser(origin);
    expect((await hanako.logIn('hanako', PASSWORD)).status).toBe(200);
    const kept = await hanako.send('PATCH', `/api/entries/${id}`, {
      summaryLines: ['#監査(残る編集)'],
    });
    expect(kept.status, await kept.clone().text()).toBe(200);
    expect(accounts.historyOf(id).map((r) => `${r.user}:${r.action}`)).toEqual(['hanako:edit']);

    const ken = new WorkbenchBrowser(origin);
    expect((await ken.logIn('ken', PASSWORD)).status).toBe(200);
    const removal = await removeUserSlowly(url, 'ken', 1.5);
    // Ken's login is still valid as the request arrives (the removal is not committed yet):
    // the edit gets past the login check, and its audit record is what cannot be written.
    const lost = await ken.send('PATCH', `/api/entries/${id}`, {
      summaryLines: ['#監査(消えた人の編集)'],
    });
    expect(await removal.done).toBe(0);
    expect(lost.status).toBe(401);
    expect(await lost.text()).toContain('user \\"ken\\" no longer exists; nothing was saved');
    expect(archive.findEntry(id)?.entry.summaries.map((l) => l.raw)).toEqual(['#監査(残る編集)']);
    expect(accounts.historyOf(id).map((r) => `${r.user}:${r.action}`)).toEqual(['hanako:edit']);

    // A drop and a reorder by a user removed meanwhile are refused the same way.
    const jiro = new WorkbenchBrowser(origin);
    expect((await jiro.logIn('jiro', PASSWORD)).status).toBe(200);
    const order = archive.entriesOfDay('2024-03-05').map((s) => s.entry.id);
    const jiroGone = await removeUserSlowly(url, 'jiro', 1);
    const dropped = await jiro.send('DELETE', `/api/entries/${other.entry.id}`);
    expect(await jiroGone.done).toBe(0);
    expect(dropped.status).toBe(401);
    expect(archive.findEntry(other.entry.id)).not.toBeNull();
    expect(archive.entriesOfDay('2024-03-05').map((s) => s.entry.id)).toEqual(order);
    expect(accounts.historyOf(other.entry.id)).toEqual([]);

    // Put back as it was.
    const back = await hanako.send('PATCH', `/api/entries/${id}`, { summaryLines: before });
    expect(back.status).toBe(200);
  }, 60_000);

  it('an edit whose audit record cannot be stored is not stored either: one transaction', async () => {
    const [entry] = archive.entriesOfDay('2024-03-05');
    if (!entry) throw new Error('the samples have no entries on 2024-03-05');
    const id = entry.entry.id;
    const before = archive.findEntry(id)?.entry.summaries.map((l) => l.raw);
    const history = accounts.historyOf(id).length;
    const hanako = new WorkbenchBrowser(origin);
    expect((await hanako.logIn('hanako', PASSWORD)).status).toBe(200);
    // A real constraint of the database refuses the edit's record, after the edit ran.
    const admin = PgConnection.open(url, undefined, false);
    admin.query(
      "ALTER TABLE audit_log ADD CONSTRAINT refuses_edits CHECK (action <> 'edit') NOT VALID",
    );
    try {
      const refused = await hanako.send('PATCH', `/api/entries/${id}`, {
        summaryLines: ['#監査(記録できない編集)'],
      });
      expect(refused.status).toBe(500);
    } finally {
      admin.query('ALTER TABLE audit_log DROP CONSTRAINT refuses_edits');
      admin.close();
    }
    expect(archive.findEntry(id)?.entry.summaries.map((l) => l.raw)).toEqual(before);
    expect(accounts.historyOf(id)).toHaveLength(history);
  }, 60_000);

  it('the account store refuses an edit by no user before running it', () => {
    let ran = false;
    expect(() =>
      accounts.auditedEdit('nobody', () => {
        ran = true;
        return { value: null, records: [] };
      }),
    ).toThrow(AuditAuthorGone);
    expect(ran).toBe(false);
    // And so is an audit record naming no user, with the others of its call.
    expect(() =>
      accounts.recordAudit([
        { user: 'nobody', action: 'edit', entryId: 'x', before: null, after: null },
      ]),
    ).toThrow(AuditAuthorGone);
  });
});
