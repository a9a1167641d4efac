/**
 * What a SQLite archive keeps "beside" its file — the taxonomy, the tag model, the learned
 * style — a PostgreSQL archive keeps in its database, shared by every machine
 * (`tag-store-shared.test.ts`); the sources file of `watch`, this machine's own, lives in its
 * data directory under `postgres/<host>_<port>_<db>/`: `tags import`, `train`, `tags learn`,
 * `suggest` and the workbench (`serve`: suggestions, the sources file) all work so, and
 * nothing is written to a path made of the URL. The workbench also sees what other processes
 * file into the shared archive: its kept answers do not outlive another process's import. On a
 * private PostgreSQL cluster and a real server on 127.0.0.1; skipped, loudly, without one.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresArchive, StoredDocuments, type Archive } from '../../src/archive/index.js';
import { tagStorePaths } from '../../src/pipeline/index.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { WorkbenchBrowser } from '../support/workbench-browser.js';
import { startPostgresWorkbench, type PostgresWorkbench } from './postgres-workbench.js';
import { kirinuki } from './run-cli.js';
import { SAMPLES } from './server-harness.js';

const started = startPostgresCluster();
if (!started.ok) console.warn(`\n*** tag store on PostgreSQL suite SKIPPED: ${started.why} ***\n`);

const PASSWORD = 'kiri-nuki curator 1';

/** What the server reported as unexpected: a test that gets a 500 shows it. */
const serverLog: string[] = [];
const DAYS = ['2024-03-04', '2024-03-05', '2024-03-06'];

async function ok(...args: string[]): Promise<string> {
  const r = await kirinuki(args);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

describe.skipIf(!started.ok)('the tag store and sources of a PostgreSQL archive', () => {
  let url: string;
  let dir: string;
  let folder: string;
  const xdgBefore = process.env.XDG_DATA_HOME;
  const cwdBefore = readdirSync(process.cwd());

  beforeAll(async () => {
    if (!started.ok) return;
    dir = mkdtempSync(join(tmpdir(), 'kirinuki-pg-store-'));
    // The data directory of this "machine": where the files of a server archive go.
    process.env.XDG_DATA_HOME = join(dir, 'data');
    url = started.cluster.createDatabase('tag_store');
    await ok('--db', url, 'import', ...DAYS.map((d) => join(SAMPLES, `${d}.txt`)));
  }, 120_000);

  afterAll(() => {
    if (xdgBefore === undefined) delete process.env.XDG_DATA_HOME;
    else process.env.XDG_DATA_HOME = xdgBefore;
    if (started.ok) started.cluster.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('tags import, train, tags learn and suggest keep the tag store in the database, not in files', async () => {
    await ok('--db', url, 'tags', 'import', join(SAMPLES, 'taxonomy.json'));
    // The folder of this machine's own files (the sources file), named by server and database.
    folder = dirname(tagStorePaths(url).model);
    expect(folder.startsWith(join(dir, 'data', 'kirinuki', 'postgres'))).toBe(true);
    expect(basename(folder)).toMatch(/_tag_store$/);
    const docs = StoredDocuments.open(url);
    const stored = (name: string): string | undefined => docs.read(name)?.body;
    try {
      expect(stored('taxonomy')).toMatch(/ウクライナ戦況/u);

      await ok('--db', url, 'train');
      expect(stored('tag-model')).toBeDefined();
      expect(stored('summary-style')).toBeDefined();

      // A day the curator summarised by hand, learned into the stored model at once.
      const learned = join(dir, 'learned.txt');
      writeFileSync(
        learned,
        [
          'ロシア国防省は東部で新たな村を制圧したと発表した。',
          '— 架空通信 (@kakuu_news) March 7, 2024',
          '',
          '#戦況(東部・ロシア国防省「村を制圧」)',
          '',
        ].join('\n'),
      );
      const model = stored('tag-model');
      await ok('--db', url, 'tags', 'learn', learned);
      expect(stored('tag-model')).not.toBe(model);
    } finally {
      docs.close();
    }
    // No tag file on this machine.
    for (const name of ['taxonomy.json', 'archive.tag-model.json', 'archive.style.json'])
      expect(existsSync(join(folder, name))).toBe(false);

    const bare = join(dir, 'bare.txt');
    writeFileSync(
      bare,
      readFileSync(join(SAMPLES, '2024-03-06.txt'), 'utf8')
        .split('\n')
        .filter((l) => !/^#[^(\s#]+\(/u.test(l))
        .join('\n'),
    );
    const suggested = await ok('--db', url, 'suggest', bare);
    expect(suggested).toMatch(/^#[^(\s#]+\(/mu);
    // Nothing was written to a path made of the URL, relative to where kirinuki ran.
    expect(readdirSync(process.cwd())).toEqual(cwdBefore);
  }, 120_000);

  describe('the workbench', () => {
    let archive: Archive;
    let workbench: PostgresWorkbench | undefined;
    let browser: WorkbenchBrowser;

    beforeAll(async () => {
      if (!started.ok) return;
      archive = openPostgresArchive(url);
      // As `kirinuki serve` starts it: the archive's location is the URL.
      workbench = await startPostgresWorkbench({
        url,
        archive,
        users: [{ name: 'hanako', role: 'curator', password: PASSWORD }],
        log: (m) => serverLog.push(m),
      });
      browser = new WorkbenchBrowser(workbench.origin);
      const login = await browser.send('POST', '/api/login', {
        name: 'hanako',
        password: PASSWORD,
      });
      expect(login.status).toBe(200);
    }, 120_000);

    afterAll(async () => {
      await workbench?.close();
      archive?.close();
    });

    it("suggests from the database's model and keeps the sources file in the data directory", async () => {
      const [entry] = archive.entriesOfDay('2024-03-06');
      if (!entry) throw new Error('no entries on 2024-03-06');
      const suggestion = await browser.send('GET', `/api/entries/${entry.entry.id}/suggestion`);
      expect(suggestion.status, await suggestion.clone().text()).toBe(200);

      const listed = (await (await browser.send('GET', '/api/capture/sources')).json()) as {
        file: string;
      };
      expect(listed.file).toBe(join(folder, 'sources.txt'));
      const added = await browser.send('POST', '/api/capture/sources', {
        url: 'https://example.jp/rss',
        name: '例新聞',
      });
      expect(added.status, await added.clone().text()).toBe(201);
      expect(readFileSync(join(folder, 'sources.txt'), 'utf8')).toContain('https://example.jp/rss');
      expect(readdirSync(process.cwd())).toEqual(cwdBefore);
    });

    it('sees what another process files into the shared archive', async () => {
      const search = async (): Promise<number> => {
        const res = await browser.send('GET', `/api/search?q=${encodeURIComponent('珍奇な語彙')}`);
        expect(res.status, serverLog.join('\n')).toBe(200);
        return ((await res.json()) as { total: number }).total;
      };
      expect(await search()).toBe(0);
      expect(await search()).toBe(0);
      const paste = join(dir, 'paste.txt');
      writeFileSync(paste, '架空の報道官は「珍奇な語彙」を使ったと伝えられた。\n');
      // Another process (its own connection) files an entry: a worker, a second server.
      await ok('--db', url, 'import', '--day', '2024-03-07', paste);
      expect(await search()).toBe(1);
    });
  });
});
