/**
 * Accounts on a PostgreSQL archive: `kirinuki users`, the workbench's login, viewers who only
 * read, the audit log of edits and an entry's history, and the CSRF rules under a login — on a
 * private PostgreSQL cluster and a real server on 127.0.0.1. Skipped, loudly, without a
 * PostgreSQL server on the machine.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountStore,
  openPostgresArchive,
  type Archive,
  type AuditRecord,
} from '../../src/archive/index.js';
import { PgConnection } from '../../src/archive/postgres/connection.js';
import { importFiles, importTaxonomyFile, tagStorePaths } from '../../src/pipeline/index.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { WorkbenchBrowser } from '../support/workbench-browser.js';
import { startPostgresWorkbench } from './postgres-workbench.js';
import { kirinuki } from './run-cli.js';
import { ROOT, SAMPLE_FILES, SAMPLES, sharedKnowledge, startTestServer } from './server-harness.js';

const started = startPostgresCluster();
if (!started.ok) console.warn(`\n*** accounts suite SKIPPED: ${started.why} ***\n`);

/** What the server reported as unexpected: a test that gets a 500 shows it. */
const serverLog: string[] = [];

const CURATOR = { name: 'hanako', password: 'kiri-nuki curator 1' };
const VIEWER = { name: 'taro', password: 'kiri-nuki viewer 22' };

interface Card {
  id: string;
  day: string;
  summaryLines: string[];
  tags: string[];
}

async function body<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

describe.skipIf(!started.ok)('accounts on PostgreSQL', () => {
  let cluster: PostgresCluster;
  let url: string;
  let dir: string;
  let archive: Archive;
  let accounts: AccountStore;
  let server: RunningServer;
  let origin: string;

  beforeAll(async () => {
    if (!started.ok) return;
    cluster = started.cluster;
    url = cluster.createDatabase('accounts');
    dir = mkdtempSync(join(tmpdir(), 'kirinuki-accounts-'));
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
      users: [
        { ...CURATOR, role: 'curator' },
        { ...VIEWER, role: 'viewer' },
      ],
      log: (m) => serverLog.push(m),
    });
    ({ accounts, server, origin } = workbench);
  }, 120_000);

  afterAll(async () => {
    if (!started.ok) return;
    await server?.close();
    accounts?.close();
    archive?.close();
    cluster.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function someEntry(): Promise<Card> {
    const b = new WorkbenchBrowser(origin);
    await b.logIn(VIEWER.name, VIEWER.password);
    const page = await body<{ entries: Card[] }>(await b.get('/api/entries?limit=5'));
    const first = page.entries[0];
    if (!first) throw new Error('no entries in the samples');
    return first;
  }

  describe('kirinuki users', () => {
    it('lists, adds with a generated password shown once, and removes', async () => {
      const add = await kirinuki(['--db', url, 'users', 'add', 'jiro', '--role', 'viewer']);
      expect(add.code, add.stderr).toBe(0);
      const password = /^password: (\S+)$/m.exec(add.stdout)?.[1] ?? '';
      expect(password.length).toBeGreaterThanOrEqual(20);
      const b = new WorkbenchBrowser(origin);
      expect((await b.logIn('jiro', password)).status).toBe(200);

      const list = await kirinuki(['--db', url, '--json', 'users', 'list']);
      const users = (JSON.parse(list.stdout) as { users: { name: string; role: string }[] }).users;
      expect(users.map((u) => `${u.name}:${u.role}`)).toEqual([
        'hanako:curator',
        'jiro:viewer',
        'taro:viewer',
      ]);
      expect(list.stdout).not.toContain(password);

      expect((await kirinuki(['--db', url, 'users', 'remove', 'jiro'])).code).toBe(0);
      // Removing the user ends its login at once.
      expect((await b.get('/api/days')).status).toBe(401);
      const again = await kirinuki(['--db', url, 'users', 'remove', 'jiro']);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/no user named "jiro"/);
    });

    it('refuses a taken name, a short password, an unknown role and a SQLite archive', async () => {
      const taken = await kirinuki(
        ['--db', url, 'users', 'add', CURATOR.name, '--role', 'viewer', '--password-stdin'],
        'long enough password\n',
      );
      expect([taken.code, taken.stderr]).toEqual([1, expect.stringMatching(/already exists/)]);
      const short = await kirinuki(
        ['--db', url, 'users', 'add', 'ume', '--role', 'viewer', '--password-stdin'],
        'short\n',
      );
      expect([short.code, short.stderr]).toEqual([1, expect.stringMatching(/at least 8/)]);
      const role = await kirinuki(['--db', url, 'users', 'add', 'ume', '--role', 'admin']);
      expect([role.code, role.stderr]).toEqual([1, expect.stringMatching(/curator or viewer/)]);
      const lite = await kirinuki(['--db', join(dir, 'lite.db'), 'users', 'list']);
      expect([lite.code, lite.stderr]).toEqual([1, expect.stringMatching(/PostgreSQL archive/)]);
    });

    it('stores a salted scrypt hash, never the password', () => {
      const c = PgConnection.open(url, undefined, false);
      try {
        const rows = c.query('SELECT name, password_hash FROM users ORDER BY name');
        const hashes = rows.map((r) => String(r.password_hash));
        for (const h of hashes) expect(h).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]{22}\$[\w-]{43}$/);
        expect(new Set(hashes.map((h) => h.split('$')[4])).size).toBe(hashes.length);
        const all = JSON.stringify(c.query('SELECT * FROM users'));
        expect(all).not.toContain(CURATOR.password);
        // Sessions are stored as hashes of their tokens, too.
        const sessions = JSON.stringify(c.query('SELECT * FROM user_sessions'));
        expect(sessions).not.toMatch(/kirinuki_session/);
      } finally {
        c.close();
      }
    });
  });

  describe('the login', () => {
    it('answers API requests without a login with 401, and serves the login page', async () => {
      const b = new WorkbenchBrowser(origin);
      for (const path of ['/api/days', '/api/stats', '/api/entries', '/api/search?q=停戦'])
        expect((await b.get(path)).status, path).toBe(401);
      const session = await body<{ accounts: boolean; user: unknown }>(await b.get('/api/session'));
      expect(session).toMatchObject({ accounts: true, user: null });
      expect((await b.get('/openapi.json')).status).toBe(200);
    });

    it('refuses a wrong password and an unknown name with the same 401, naming neither', async () => {
      const b = new WorkbenchBrowser(origin);
      const wrongPassword = await b.logIn(CURATOR.name, 'not the password');
      const unknownName = await b.logIn('nobody', CURATOR.password);
      expect(wrongPassword.status).toBe(401);
      expect(unknownName.status).toBe(401);
      const a = await wrongPassword.text();
      expect(await unknownName.text()).toBe(a);
      expect(a).not.toMatch(/password is|no user|unknown|not found/i);
      expect(wrongPassword.headers.getSetCookie()).toEqual([]);
      expect((await b.get('/api/days')).status).toBe(401);
    });

    it('after 10 failed logins of a name, refuses it (429) even with the right password', async () => {
      const added = await kirinuki(
        ['--db', url, 'users', 'add', 'kame', '--role', 'viewer', '--password-stdin'],
        'kame no password\n',
      );
      expect(added.code, added.stderr).toBe(0);
      const b = new WorkbenchBrowser(origin);
      for (let i = 0; i < 10; i++)
        expect((await b.logIn('kame', `guess ${i}`)).status, `guess ${i}`).toBe(401);
      const right = await b.logIn('kame', 'kame no password');
      expect(right.status).toBe(429);
      expect(Number(right.headers.get('Retry-After'))).toBeGreaterThan(800);
      expect(right.headers.getSetCookie()).toEqual([]);
      // Another name is not held back by it.
      expect((await b.logIn(VIEWER.name, VIEWER.password)).status).toBe(200);
    });

    it('logs in with an HttpOnly, SameSite=Strict cookie, and the session names the user', async () => {
      const b = new WorkbenchBrowser(origin);
      const res = await b.logIn(CURATOR.name, CURATOR.password);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { name: CURATOR.name, role: 'curator' } });
      const cookie = res.headers.getSetCookie().find((l) => l.startsWith('kirinuki_session='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
      const session = await body<{ user: unknown }>(await b.get('/api/session'));
      expect(session.user).toEqual({ name: CURATOR.name, role: 'curator' });
      expect((await b.get('/api/days')).status).toBe(200);
    });

    it('logout ends the session: the same cookie no longer opens the API', async () => {
      const b = new WorkbenchBrowser(origin);
      await b.logIn(CURATOR.name, CURATOR.password);
      const kept = b.cookie;
      expect((await b.get('/api/days')).status).toBe(200);
      expect((await b.send('POST', '/api/logout')).status).toBe(204);
      expect(b.cookie).toBe('');
      const replay = await fetch(`${origin}/api/days`, { headers: { Cookie: kept } });
      expect(replay.status).toBe(401);
    });

    it('a session expires', async () => {
      const short = AccountStore.open(url, { sessionMs: 1500 });
      const run = await startServer({
        archive,
        archivePath: join(dir, 'archive.db'),
        accounts: short,
        knowledge: sharedKnowledge(),
        port: 0,
        env: {},
        log: () => {},
      });
      if (!run.ok) throw new Error(run.error.message);
      try {
        const b = new WorkbenchBrowser(run.value.url.replace(/\/$/, ''));
        expect((await b.logIn(VIEWER.name, VIEWER.password)).status).toBe(200);
        expect((await b.get('/api/days')).status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 1700));
        expect((await b.get('/api/days')).status).toBe(401);
      } finally {
        await run.value.close();
        short.close();
      }
    });
  });

  describe('kirinuki serve', () => {
    it('on PostgreSQL prints the address without a token and asks for a login', async () => {
      const script =
        "import { run, processIo } from './src/cli/index.ts'; process.exitCode = await run(process.argv.slice(1), processIo());";
      const env = { ...process.env };
      for (const name of ['NODE_OPTIONS', 'KIRINUKI_DB', 'KIRINUKI_TOKEN']) delete env[name];
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script, '--'].concat([
          '--db',
          url,
          'serve',
          '--port',
          '0',
        ]),
        { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      try {
        let out = '';
        const address = await new Promise<string>((resolve, reject) => {
          child.stdout.on('data', (b: Buffer) => {
            out += b.toString();
            const m = /open (http:\/\/127\.0\.0\.1:\d+\/)\n.*log in/s.exec(out);
            if (m?.[1]) resolve(m[1]);
          });
          child.stderr.on('data', (b: Buffer) => (out += b.toString()));
          child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
        });
        expect(out).not.toMatch(/token=/);
        const b = new WorkbenchBrowser(address.replace(/\/$/, ''));
        expect((await b.get('/api/stats')).status).toBe(401);
        expect((await b.logIn(VIEWER.name, VIEWER.password)).status).toBe(200);
        expect((await b.get('/api/stats')).status).toBe(200);
        const stopped = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        expect(await stopped).toBe(0);
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }, 60_000);
  });

  describe('roles', () => {
    it('a viewer reads everything but every edit is 403, and nothing changes', async () => {
      const entry = await someEntry();
      const b = new WorkbenchBrowser(origin);
      await b.logIn(VIEWER.name, VIEWER.password);
      for (const path of [
        '/api/days',
        `/api/entries/${entry.id}`,
        `/api/entries/${entry.id}/history`,
        `/api/digest/${entry.day}`,
        '/api/search?q=停戦',
        '/api/tags',
      ])
        expect((await b.get(path)).status, path).toBe(200);
      const day = await body<{ entries: Card[] }>(await b.get(`/api/entries?day=${entry.day}`));
      const ids = day.entries.map((e) => e.id);
      const edits: [string, string, unknown][] = [
        ['PATCH', `/api/entries/${entry.id}`, { summaryLines: [] }],
        ['DELETE', `/api/entries/${entry.id}`, undefined],
        ['POST', `/api/entries/${entry.id}/accept`, {}],
        ['PUT', `/api/digest/${entry.day}/order`, { ids: [...ids].reverse() }],
        ['POST', '/api/entries', { paste: 'ビューアーが貼り付けた文章。' }],
        ['POST', '/api/jobs', { kind: 'import', paths: ['/tmp'] }],
      ];
      for (const [method, path, payload] of edits) {
        const res = await b.send(method, path, payload);
        expect(res.status, `${method} ${path}`).toBe(403);
        expect((await body<{ error: { message: string } }>(res)).error.message).toMatch(/viewer/);
      }
      const after = await body<{ card: Card }>(await b.get(`/api/entries/${entry.id}`));
      expect(after.card.summaryLines).toEqual(entry.summaryLines);
      const history = await body<{ records: unknown[] }>(
        await b.get(`/api/entries/${entry.id}/history`),
      );
      expect(history.records).toEqual([]);
      // The annotation preview stores nothing: a viewer may use it.
      const annotate = await b.send('POST', '/api/annotate', {
        text: '首相は「検討する」と述べた。',
      });
      expect(annotate.status).toBe(200);
    });
  });

  describe('the audit log', () => {
    it('two sessions editing one entry: the save begun from older lines is 409, the first edit kept', async () => {
      const [a, b] = [new WorkbenchBrowser(origin), new WorkbenchBrowser(origin)];
      await a.logIn(CURATOR.name, CURATOR.password);
      await b.logIn(CURATOR.name, CURATOR.password);
      // Not the entry the history test reads: this one's history is its own.
      const page = await body<{ entries: Card[] }>(await a.get('/api/entries?limit=5'));
      const entry = page.entries.at(-1);
      if (!entry) throw new Error('no entries in the samples');
      const mine = '#競合テスト(一つ目の保存)';
      const first = await a.send('PATCH', `/api/entries/${entry.id}`, {
        summaryLines: [mine],
        startedFrom: entry.summaryLines,
      });
      expect(first.status, await first.clone().text()).toBe(200);
      const late = await b.send('PATCH', `/api/entries/${entry.id}`, {
        summaryLines: ['#競合テスト(二つ目の保存)'],
        startedFrom: entry.summaryLines,
      });
      expect(late.status).toBe(409);
      expect((await body<{ error: { field: string } }>(late)).error.field).toBe('startedFrom');
      const now = await body<{ card: Card }>(await b.get(`/api/entries/${entry.id}`));
      expect(now.card.summaryLines).toEqual([mine]);
      // Put back as it was, begun from what is stored now.
      const back = await a.send('PATCH', `/api/entries/${entry.id}`, {
        summaryLines: entry.summaryLines,
        startedFrom: [mine],
      });
      expect(back.status).toBe(200);
    });

    it("a curator's edit, accept, reorder and drop show in the entry's history with name and time", async () => {
      const entry = await someEntry();
      const b = new WorkbenchBrowser(origin);
      await b.logIn(CURATOR.name, CURATOR.password);
      const line = '#監査テスト(編集した行・キュレーター「確認した」)';
      const t0 = Date.now();
      const edited = await b.send('PATCH', `/api/entries/${entry.id}`, { summaryLines: [line] });
      expect(edited.status, await edited.clone().text()).toBe(200);
      const t1 = Date.now();

      const day = await body<{ entries: Card[] }>(await b.get(`/api/entries?day=${entry.day}`));
      const ids = day.entries.map((e) => e.id);
      const order = await b.send('PUT', `/api/digest/${entry.day}/order`, {
        ids: [...ids].reverse(),
      });
      expect(order.status).toBe(200);

      const history = await body<{ audited: boolean; records: AuditRecord[] }>(
        await b.get(`/api/entries/${entry.id.slice(0, 8)}/history`),
      );
      expect(history.audited).toBe(true);
      const [edit, reorder] = history.records;
      expect(edit).toMatchObject({
        user: CURATOR.name,
        action: 'edit',
        entryId: entry.id,
        before: { summaryLines: entry.summaryLines, tags: entry.tags },
        after: { summaryLines: [line], tags: ['監査テスト'] },
      });
      const at = Date.parse(edit?.at ?? '');
      // The database's clock and ours: the same machine, within a second.
      expect(at).toBeGreaterThanOrEqual(t0 - 1000);
      expect(at).toBeLessThanOrEqual(t1 + 1000);
      expect(ids.length).toBeGreaterThan(2);
      const was = ids.indexOf(entry.id) + 1;
      expect(reorder).toMatchObject({
        user: CURATOR.name,
        action: 'reorder',
        before: { position: was },
        after: { position: ids.length - was + 1 },
      });

      // A viewer sees the same history.
      const v = new WorkbenchBrowser(origin);
      await v.logIn(VIEWER.name, VIEWER.password);
      const seen = await body<{ records: AuditRecord[] }>(
        await v.get(`/api/entries/${entry.id}/history`),
      );
      expect(seen.records).toEqual(history.records);

      const dropped = await b.send('DELETE', `/api/entries/${entry.id}`);
      expect(dropped.status, serverLog.join('\n')).toBe(204);
      const gone = await body<{ records: AuditRecord[] }>(
        await b.get(`/api/entries/${entry.id}/history`),
      );
      expect(gone.records.at(-1)).toMatchObject({
        user: CURATOR.name,
        action: 'drop',
        before: { summaryLines: [line] },
        after: null,
      });
    });

    it('an accepted suggestion is audited with its line', async () => {
      const b = new WorkbenchBrowser(origin);
      await b.logIn(CURATOR.name, CURATOR.password);
      const entry = await someEntry();
      const line = '#受け入れ(提案を直した行)';
      const res = await b.send('POST', `/api/entries/${entry.id}/accept`, { line });
      expect(res.status, await res.clone().text()).toBe(200);
      const history = await body<{ records: AuditRecord[] }>(
        await b.get(`/api/entries/${entry.id}/history`),
      );
      expect(history.records.at(-1)).toMatchObject({
        user: CURATOR.name,
        action: 'accept',
        before: { summaryLines: entry.summaryLines },
        after: { summaryLines: expect.arrayContaining([line]) as unknown },
      });
    });
  });

  describe('CSRF under a login', () => {
    it('a logged-in curator still needs the session token and the own Origin', async () => {
      const entry = await someEntry();
      const b = new WorkbenchBrowser(origin);
      await b.logIn(CURATOR.name, CURATOR.password);
      const patch = { summaryLines: [] };
      const noToken = await fetch(`${origin}/api/entries/${entry.id}`, {
        method: 'PATCH',
        headers: { Cookie: b.cookie, Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify(patch),
      });
      expect(noToken.status).toBe(403);
      const foreign = await b.send('PATCH', `/api/entries/${entry.id}`, patch, {
        Origin: 'https://evil.example',
      });
      expect(foreign.status).toBe(403);
      const noOrigin = await fetch(`${origin}/api/entries/${entry.id}`, {
        method: 'PATCH',
        headers: {
          Cookie: b.cookie,
          'X-Kirinuki-Token': b.token,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(patch),
      });
      expect(noOrigin.status).toBe(403);
      const now = await body<{ records: AuditRecord[] }>(
        await b.get(`/api/entries/${entry.id}/history`),
      );
      expect(
        now.records.filter((r) => r.action === 'edit' && r.after?.summaryLines.length === 0),
      ).toEqual([]);
    });

    it('the login itself needs the session token and the own Origin (no login CSRF)', async () => {
      const b = new WorkbenchBrowser(origin);
      const noToken = await fetch(`${origin}/api/login`, {
        method: 'POST',
        headers: { Origin: origin, 'Content-Type': 'application/json' },
        body: JSON.stringify(CURATOR),
      });
      expect(noToken.status).toBe(403);
      const foreign = await b.send('POST', '/api/login', CURATOR, {
        Origin: 'https://evil.example',
      });
      expect(foreign.status).toBe(403);
      expect(foreign.headers.getSetCookie()).toEqual([]);
    });
  });
});

describe('a server without accounts (SQLite)', () => {
  it('keeps its token: no login route, no audit log, edits without a user', async () => {
    const s = await startTestServer();
    try {
      const session = await body<{ accounts: boolean; user: unknown }>(await s.get('/api/session'));
      expect(session).toMatchObject({ accounts: false, user: null });
      const login = await s.send('POST', '/api/login', CURATOR);
      expect(login.status).toBe(404);
      const first = await body<{ entries: Card[] }>(await s.get('/api/entries?limit=1'));
      const id = first.entries[0]?.id ?? '';
      const edited = await s.send('PATCH', `/api/entries/${id}`, { summaryLines: [] });
      expect(edited.status).toBe(200);
      expect(await body<unknown>(await s.get(`/api/entries/${id}/history`))).toEqual({
        audited: false,
        records: [],
      });
      expect((await s.get('/api/entries/zzzzzzzzzz/history')).status).toBe(404);
    } finally {
      await s.close();
    }
  });
});
