/**
 * A team on one PostgreSQL archive shares one tag store: the taxonomy, the tag model and the
 * learned style are documents in the archive's database (`kirinuki_documents`), not files on
 * each machine. Two processes teaching at once both count (the read-modify-write holds the
 * rows locked); a running server sees another process's lesson without a restart; the files a
 * machine kept before are moved in once, saying so; and the documents are byte for byte what
 * a SQLite archive writes to its files. On a private PostgreSQL cluster, real processes and a
 * real server on 127.0.0.1; skipped, loudly, without one.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresArchive, StoredDocuments, type Archive } from '../../src/archive/index.js';
import { tagStorePaths } from '../../src/pipeline/index.js';
import { parseTagModel } from '../../src/tagging/index.js';
import { startPostgresCluster } from '../support/postgres-cluster.js';
import { WorkbenchBrowser } from '../support/workbench-browser.js';
import { startPostgresWorkbench, type PostgresWorkbench } from './postgres-workbench.js';
import { kirinuki } from './run-cli.js';
import { ROOT, SAMPLES } from './server-harness.js';

const started = startPostgresCluster();
if (!started.ok) console.warn(`\n*** shared tag store suite SKIPPED: ${started.why} ***\n`);

const DAYS = ['2024-03-04', '2024-03-05', '2024-03-06'];
const PASSWORD = 'kiri-nuki curator 1';

async function ok(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  const r = await kirinuki(args);
  expect(r.code, r.stderr).toBe(0);
  return r;
}

/** How many online learning steps the database's model has taken. */
function learnedSteps(url: string): number {
  const docs = StoredDocuments.open(url);
  try {
    const body = docs.read('tag-model')?.body;
    if (body === undefined) throw new Error('no tag model in the database');
    const model = parseTagModel(body);
    if (!model.ok) throw new Error(model.error.message);
    return model.value.stats.updates;
  } finally {
    docs.close();
  }
}

/**
 * Runs `kirinuki ARGS` `times` times in a process of its own (as another machine's worker
 * would), resolving with its exit code and output.
 */
function kirinukiProcess(
  args: string[],
  times: number,
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string }> {
  const script = `import { run, processIo } from './src/cli/index.ts';
    const [times, ...args] = process.argv.slice(1);
    for (let i = 0; i < Number(times); i += 1) {
      const code = await run(args, processIo());
      if (code !== 0) { process.exitCode = code; break; }
    }`;
  const clean = { ...env };
  for (const name of ['NODE_OPTIONS', 'KIRINUKI_DB']) delete clean[name];
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, '--', String(times), ...args],
    { cwd: ROOT, env: clean, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out })));
}

/** A clip document: one entry, its text and post line, and the curator's summary lines. */
function clipDocument(text: string, post: string, lines: string[]): string {
  return [text, post, '', ...lines, ''].join('\n');
}

afterAll(() => {
  if (started.ok) started.cluster.stop();
});

describe.skipIf(!started.ok)('the tag store of a PostgreSQL archive, shared by a team', () => {
  let dir: string;
  let url: string;
  const xdgBefore = process.env.XDG_DATA_HOME;

  beforeAll(async () => {
    if (!started.ok) return;
    dir = mkdtempSync(join(tmpdir(), 'kirinuki-pg-shared-'));
    process.env.XDG_DATA_HOME = join(dir, 'data');
    url = started.cluster.createDatabase('shared_store');
    await ok('--db', url, 'import', ...DAYS.map((d) => join(SAMPLES, `${d}.txt`)));
    await ok('--db', url, 'tags', 'import', join(SAMPLES, 'taxonomy.json'));
    await ok('--db', url, 'train');
  }, 180_000);

  afterAll(() => {
    if (xdgBefore === undefined) delete process.env.XDG_DATA_HOME;
    else process.env.XDG_DATA_HOME = xdgBefore;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the byte-for-byte documents a SQLite archive writes beside its file', async () => {
    const db = join(dir, 'same.db');
    await ok('--db', db, 'import', ...DAYS.map((d) => join(SAMPLES, `${d}.txt`)));
    await ok('--db', db, 'tags', 'import', join(SAMPLES, 'taxonomy.json'));
    const trained = await ok('--db', db, 'train');
    const files = tagStorePaths(db);
    expect(trained.stdout).toContain(`train: model ${files.model}`);
    const docs = StoredDocuments.open(url);
    try {
      expect(docs.read('taxonomy')?.body).toBe(readFileSync(files.taxonomy, 'utf8'));
      expect(docs.read('tag-model')?.body).toBe(readFileSync(files.model, 'utf8'));
      expect(docs.read('summary-style')?.body).toBe(readFileSync(files.style, 'utf8'));
    } finally {
      docs.close();
    }
    // Nothing of the PostgreSQL archive's store is a file on this machine.
    const old = tagStorePaths(url);
    for (const path of [old.taxonomy, old.model, old.style]) expect(existsSync(path)).toBe(false);
    const again = await ok('--db', url, 'train');
    expect(again.stdout).toMatch(/train: model postgres:\/\/.* \(document 'tag-model'/);
  }, 120_000);

  it('two processes teaching at once both count: no lost update', async () => {
    const lesson = join(dir, 'lesson.txt');
    writeFileSync(
      lesson,
      [
        clipDocument(
          'ロシア国防省は東部で新たな村を制圧したと発表した。',
          '— 架空通信 (@kakuu_news) March 7, 2024',
          ['#ウクライナ戦況(東部・ロシア国防省「村を制圧」)'],
        ),
        clipDocument('政府は追加の制裁を発表した。', '— 架空通信 (@kakuu_news) March 7, 2024', [
          '#ロシア(追加制裁・政府発表)',
        ]),
      ].join('\n'),
    );
    const before = learnedSteps(url);
    const times = 4;
    const env = { ...process.env };
    const runs = await Promise.all(
      [0, 1].map(() => kirinukiProcess(['--db', url, 'tags', 'learn', lesson], times, env)),
    );
    for (const r of runs) expect(r.code, r.out).toBe(0);
    // 2 processes × 4 lessons × 2 entries: every step is in the stored model.
    expect(learnedSteps(url)).toBe(before + 2 * times * 2);
  }, 180_000);

  describe('a running server', () => {
    let archive: Archive;
    let workbench: PostgresWorkbench | undefined;
    let browser: WorkbenchBrowser;

    beforeAll(async () => {
      if (!started.ok) return;
      archive = openPostgresArchive(url);
      workbench = await startPostgresWorkbench({
        url,
        archive,
        users: [{ name: 'hanako', role: 'curator', password: PASSWORD }],
      });
      browser = new WorkbenchBrowser(workbench.origin);
      expect((await browser.logIn('hanako', PASSWORD)).status).toBe(200);
    }, 120_000);

    afterAll(async () => {
      await workbench?.close();
      archive?.close();
    });

    it("suggests another process's newly learned tag without a restart", async () => {
      const entry = archive
        .entriesOfDay('2024-03-06')
        .find((s) => s.entry.post?.headLines.join('').includes('独立系記者'));
      const post = entry?.entry.post;
      if (!entry || !post) throw new Error('no entry about the detained reporter');
      const suggested = async (): Promise<string[]> => {
        const res = await browser.get(`/api/entries/${entry.entry.id}/suggestion`);
        expect(res.status, await res.clone().text()).toBe(200);
        return ((await res.json()) as { tags: { tag: string }[] }).tags.map((t) => t.tag);
      };
      expect(await suggested()).not.toContain('報道弾圧');
      expect(await suggested()).not.toContain('報道弾圧');

      // Another process (a second server, a worker) teaches the shared model a new tag.
      const lesson = join(dir, 'new-tag.txt');
      writeFileSync(
        lesson,
        [
          ...post.headLines,
          post.attribution,
          ...entry.entry.body,
          '#報道弾圧(独立系記者拘束)',
          '',
        ].join('\n'),
      );
      const taught = await kirinukiProcess(['--db', url, 'tags', 'learn', lesson], 1, process.env);
      expect(taught.code, taught.out).toBe(0);
      expect(await suggested()).toContain('報道弾圧');
    }, 120_000);

    it("suggests the tag a second server's curator taught, without a restart", async () => {
      const entry = archive
        .entriesOfDay('2024-03-06')
        .find((s) => s.entry.post?.headLines.join('').includes('停戦交渉'));
      if (!entry) throw new Error('no entry about the ceasefire talks');
      const suggested = async (): Promise<string[]> => {
        const res = await browser.get(`/api/entries/${entry.entry.id}/suggestion`);
        expect(res.status, await res.clone().text()).toBe(200);
        return ((await res.json()) as { tags: { tag: string }[] }).tags.map((t) => t.tag);
      };
      expect(await suggested()).not.toContain('停戦条件');

      // A second server of the team, with connections of its own, as `kirinuki serve` opens them.
      const secondArchive = openPostgresArchive(url);
      const second = await startPostgresWorkbench({ url, archive: secondArchive, users: [] });
      try {
        const curator = new WorkbenchBrowser(second.origin);
        expect((await curator.logIn('hanako', PASSWORD)).status).toBe(200);
        const edited = await curator.send('PATCH', `/api/entries/${entry.entry.id}`, {
          summaryLines: ['#停戦条件(ロシア外務省報道官・4州の帰属承認)'],
        });
        expect(edited.status, await edited.clone().text()).toBe(200);
      } finally {
        await second.close();
        secondArchive.close();
      }
      expect(await suggested()).toContain('停戦条件');
    }, 120_000);
  });
});

describe.skipIf(!started.ok)("a machine's tag files from before the database kept them", () => {
  let dir: string;
  const xdgBefore = process.env.XDG_DATA_HOME;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kirinuki-pg-move-'));
    process.env.XDG_DATA_HOME = join(dir, 'data');
  });

  afterAll(() => {
    if (xdgBefore === undefined) delete process.env.XDG_DATA_HOME;
    else process.env.XDG_DATA_HOME = xdgBefore;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('are moved into the database once, and the command says so', async () => {
    if (!started.ok) return;
    const url = started.cluster.createDatabase('moved_store');
    await ok('--db', url, 'import', join(SAMPLES, `${DAYS[0] ?? ''}.txt`));
    // The files `tags import` left on this machine before the store moved into the database.
    const old = tagStorePaths(url);
    mkdirSync(join(old.taxonomy, '..'), { recursive: true });
    const taxonomy = readFileSync(join(SAMPLES, 'taxonomy.json'), 'utf8');
    writeFileSync(old.taxonomy, taxonomy);

    const first = await ok('--db', url, 'tags');
    expect(first.stderr).toContain(`tags: moved ${old.taxonomy} into the database`);
    expect(first.stdout).toMatch(/ウクライナ戦況/u);
    expect(existsSync(old.taxonomy)).toBe(false);
    expect(readFileSync(`${old.taxonomy}.moved-to-database`, 'utf8')).toBe(taxonomy);
    const docs = StoredDocuments.open(url);
    try {
      expect(docs.read('taxonomy')?.body).toBe(taxonomy);
    } finally {
      docs.close();
    }

    const second = await ok('--db', url, 'tags');
    expect(second.stderr).not.toMatch(/moved/);
    expect(second.stdout).toBe(first.stdout);

    // Another machine's copy, found after the database has one: not used, said so, kept.
    writeFileSync(old.taxonomy, '{"version":1,"tags":[]}\n');
    const third = await ok('--db', url, 'tags');
    expect(third.stderr).toContain('the database already holds a taxonomy');
    expect(third.stdout).toBe(first.stdout);
  }, 120_000);
});
