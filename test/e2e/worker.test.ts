/**
 * `kirinuki worker` end to end: real worker processes (`node --import tsx`, see
 * worker-harness.ts) take jobs from pg-boss in a private PostgreSQL cluster and file into one
 * SQLite archive they share (WAL: several processes on one machine); fetch jobs fetch from a
 * real HTTP server on 127.0.0.1. Without a PostgreSQL server on the machine the suite is skipped,
 * loudly.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, renderCorpusDay } from '../../bench/corpus.js';
import { openPostgresArchive, openSqliteArchive, type Archive } from '../../src/archive/index.js';
import { importFiles } from '../../src/pipeline/index.js';
import {
  importJobOf,
  openJobQueue,
  QUEUE_NAME,
  type JobQueue,
  type JobRecord,
} from '../../src/queue/index.js';
import { startTestServer } from '../fixtures/ingest/test-server.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { kirinuki } from './run-cli.js';
import { eventually, startWorker, type WorkerProcess } from './worker-harness.js';

const started = startPostgresCluster();
if (!started.ok) console.warn(`\n\n*** worker suite SKIPPED: ${started.why} ***\n`);

const fixtureDir = fileURLToPath(new URL('../fixtures/capture/', import.meta.url));
const RSS = readFileSync(join(fixtureDir, 'rss2.xml'));
const ALLOW = ['--allow-host', '127.0.0.1'];
/** Short job settings, so an expired or failed job comes back within seconds. */
const QUICK = { expireInSeconds: 3, retryLimit: 2, retryDelay: 1, retryBackoff: true };
const LONG = 90_000;

/** Day documents of the bench corpus: generated Japanese clips, not real-world text. */
function documents(count: number, perDay = 5, seed = 7): { name: string; bytes: Buffer }[] {
  return [...generateCorpus({ size: count * perDay, days: count, seed })].map((day) => ({
    name: `${day.day}.txt`,
    bytes: Buffer.from(renderCorpusDay(day)),
  }));
}

/** The entry ids an archive (a SQLite file or a postgres:// URL) holds, sorted. */
function entryIds(db: string): string[] {
  const archive: Archive = db.startsWith('postgres://')
    ? openPostgresArchive(db)
    : openSqliteArchive(db);
  try {
    return [...archive.allEntries()].map((s) => s.entry.id).sort();
  } finally {
    archive.close();
  }
}

/** The entry ids the documents give when imported one after another in this process. */
function referenceIds(docs: { name: string; bytes: Buffer }[], dir: string): string[] {
  const db = join(dir, `reference-${Math.random().toString(36).slice(2)}.db`);
  const archive = openSqliteArchive(db);
  try {
    for (const doc of docs) importFiles(archive, [doc], { today: '2024-01-01' });
  } finally {
    archive.close();
  }
  return entryIds(db);
}

describe.skipIf(!started.ok)('kirinuki worker', () => {
  const cluster = (started.ok ? started.cluster : null) as PostgresCluster;
  let dir: string;
  let dbs = 0;
  const workers: WorkerProcess[] = [];
  const queues: JobQueue[] = [];
  let server: Awaited<ReturnType<typeof startTestServer>>;
  /** Requests to `/slow.xml`, each answered when the test says so. */
  const held: ServerResponse[] = [];
  let holdSlow = true;
  const missingTimes: number[] = [];

  /** A fresh queue database and archive file for one test. */
  async function setup(): Promise<{ url: string; db: string; queue: JobQueue }> {
    dbs += 1;
    const url = cluster.createDatabase(`worker_${dbs}`);
    const opened = await openJobQueue(url, { supervise: false });
    if (!opened.ok) throw new Error(opened.error);
    queues.push(opened.value);
    const db = join(dir, `archive-${dbs}.db`);
    // Made before the workers start: two processes creating one new SQLite archive at the same
    // moment race on its first migration ("table meta already exists").
    openSqliteArchive(db).close();
    return { url, db, queue: opened.value };
  }

  const worker = (url: string, db: string, args: string[] = []): WorkerProcess => {
    const w = startWorker({ queue: url, db, args: [...ALLOW, ...args] });
    workers.push(w);
    return w;
  };

  const stop = async (w: WorkerProcess): Promise<number | string> => {
    w.child.kill('SIGTERM');
    return w.exited;
  };

  const finished = (queue: JobQueue, id: string, timeoutMs = 60_000): Promise<JobRecord> =>
    eventually(
      async () => {
        const job = await queue.job(id);
        return job && ['completed', 'failed'].includes(job.state) ? job : undefined;
      },
      `job ${id} finished`,
      timeoutMs,
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kirinuki-worker-'));
    server = await startTestServer({
      '/rss.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(RSS);
      },
      '/slow.xml': (_req: IncomingMessage, res: ServerResponse) => {
        if (holdSlow) held.push(res);
        else {
          res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
          res.end(RSS);
        }
      },
      '/missing.xml': (_req, res) => {
        missingTimes.push(Date.now());
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('gone');
      },
    });
  });

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await Promise.all(workers.map((w) => w.exited));
    for (const q of queues) await q.close();
    await server?.close();
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'two workers process twelve import jobs, each exactly once, into the archive a plain import gives',
    async () => {
      const { url, db, queue } = await setup();
      const docs = documents(12);
      const [a, b] = [worker(url, db), worker(url, db)] as [WorkerProcess, WorkerProcess];
      await Promise.all([a.ready(), b.ready()]);
      const ids: string[] = [];
      for (const doc of docs) {
        const sent = await queue.enqueue(importJobOf(doc.name, doc.bytes, { today: '2024-01-01' }));
        if (!sent.ok || sent.value === null) throw new Error(`not sent: ${JSON.stringify(sent)}`);
        ids.push(sent.value);
      }
      const jobs = await Promise.all(ids.map((id) => finished(queue, id)));
      expect(jobs.map((j) => j.state)).toEqual(ids.map(() => 'completed'));
      expect(jobs.every((j) => j.retryCount === 0)).toBe(true);
      const completed = [...a.events, ...b.events].filter((e) => e.type === 'completed');
      const started = [...a.events, ...b.events].filter((e) => e.type === 'started');
      // Each job started and completed once, by one worker or the other.
      expect(completed.map((e) => e.id).sort()).toEqual([...ids].sort());
      expect(started.map((e) => e.id).sort()).toEqual([...ids].sort());
      // Both took part.
      for (const w of [a, b]) expect(w.events.some((e) => e.type === 'completed')).toBe(true);
      expect(await Promise.all([stop(a), stop(b)]), a.stderr() + b.stderr()).toEqual([0, 0]);
      expect(entryIds(db)).toEqual(referenceIds(docs, dir));
    },
    LONG,
  );

  it(
    "two workers file into a PostgreSQL archive (in the queue's own database) what a plain import gives",
    async () => {
      const { url, queue } = await setup();
      // Migrated before the workers start, as `kirinuki migrate` does in a deployment.
      openPostgresArchive(url).close();
      const docs = documents(8, 5, 13);
      const [a, b] = [worker(url, url), worker(url, url)] as [WorkerProcess, WorkerProcess];
      await Promise.all([a.ready(), b.ready()]);
      const ids: string[] = [];
      for (const doc of docs) {
        const sent = await queue.enqueue(importJobOf(doc.name, doc.bytes, { today: '2024-01-01' }));
        if (!sent.ok || sent.value === null) throw new Error(`not sent: ${JSON.stringify(sent)}`);
        ids.push(sent.value);
      }
      const jobs = await Promise.all(ids.map((id) => finished(queue, id)));
      expect(jobs.map((j) => [j.state, j.output])).toEqual(
        jobs.map(() => ['completed', expect.objectContaining({ inserted: 5 })]),
      );
      expect(await Promise.all([stop(a), stop(b)]), a.stderr() + b.stderr()).toEqual([0, 0]);
      expect(entryIds(url)).toEqual(referenceIds(docs, dir));
    },
    LONG,
  );

  it(
    'retag, story and annotate jobs change the archive as their pipeline functions do, and again to no effect',
    async () => {
      const { url, db, queue } = await setup();
      const docs = documents(6, 6, 17);
      const w = worker(url, db);
      for (const doc of docs)
        await queue.enqueue(importJobOf(doc.name, doc.bytes, { today: '2024-01-01' }));
      await eventually(
        async () => ((await queue.counts()).completed === docs.length ? true : undefined),
        'imports done',
      );
      const tagged = (tag: string): number => {
        const archive = openSqliteArchive(db);
        try {
          return [...archive.allEntries()].filter((s) =>
            s.entry.summaries.some((l) => l.raw.startsWith(`#${tag}(`)),
          ).length;
        } finally {
          archive.close();
        }
      };
      const before = tagged('ウクライナ戦況');
      expect(before).toBeGreaterThan(0);
      const run = async (job: Parameters<JobQueue['enqueue']>[0]): Promise<JobRecord> => {
        const sent = await queue.enqueue(job);
        if (!sent.ok || sent.value === null) throw new Error(`not sent: ${JSON.stringify(sent)}`);
        return finished(queue, sent.value);
      };
      const retag = await run({ kind: 'retag', relabelling: { ウクライナ戦況: '戦況' } });
      expect(retag.output).toEqual({ changed: before });
      expect([tagged('ウクライナ戦況'), tagged('戦況')]).toEqual([0, before]);
      const again = await run({ kind: 'retag', relabelling: { ウクライナ戦況: '戦況' } });
      expect(again.output).toEqual({ changed: 0 });
      const annotated = await run({ kind: 'annotate' });
      expect(annotated.state).toBe('completed');
      expect(annotated.output).toMatchObject({ entries: docs.length * 6 });
      // A story of the archive, rebuilt: its members stay together, and a second run agrees.
      const archive = openSqliteArchive(db);
      const firstIds = [...archive.allEntries()].map((s) => s.entry.id);
      const story = firstIds
        .map((id) => archive.entriesOfStory(id))
        .find((members) => members.length > 1);
      archive.close();
      expect(story?.length).toBeGreaterThan(1);
      const storyId = story?.[0]?.entry.id ?? (firstIds[0] as string);
      const rebuilt = await run({ kind: 'story', story: storyId });
      expect(rebuilt.output).toEqual({ story: storyId, entries: story?.length ?? 1, left: 0 });
      expect(entryIds(db)).toEqual(referenceIds(docs, dir));
      expect(await stop(w)).toBe(0);
    },
    LONG,
  );

  it(
    'a worker killed with SIGKILL mid-job loses nothing: the job expires and the other worker completes it, filing each item once',
    async () => {
      const { url, db, queue } = await setup();
      holdSlow = true;
      const a = worker(url, db);
      await a.ready();
      const sent = await queue.enqueue(
        { kind: 'fetch', url: `${server.base}/slow.xml`, today: '2024-03-06' },
        QUICK,
      );
      if (!sent.ok || sent.value === null) throw new Error('not sent');
      const id = sent.value;
      // A holds the job: its fetch is waiting on our server.
      await a.waitFor((e) => e.type === 'started' && e.id === id);
      await eventually(() => (held.length > 0 ? true : undefined), 'the fetch reached the server');
      const b = worker(url, db);
      await b.ready();
      a.child.kill('SIGKILL');
      expect(await a.exited).toBe('SIGKILL');
      for (const res of held.splice(0)) res.destroy();
      holdSlow = false;
      const job = await finished(queue, id);
      expect(job.state).toBe('completed');
      // The expiry counted as one failed attempt.
      expect(job.retryCount).toBe(1);
      const done = await b.waitFor((e) => e.type === 'completed' && e.id === id);
      expect(done.type === 'completed' && done.output.inserted).toBeGreaterThan(0);
      expect(a.events.filter((e) => e.type === 'completed')).toEqual([]);
      expect(server.hits.get('/slow.xml')).toBe(2);
      // What B filed is what one fetch of the feed files: every item once.
      const filed = entryIds(db);
      expect(new Set(filed).size).toBe(filed.length);
      const reference = join(dir, 'slow-reference.db');
      const r = await kirinuki(['--db', reference, 'fetch', `${server.base}/rss.xml`, ...ALLOW]);
      expect(r.code, r.stderr).toBe(0);
      expect(filed.length).toBe(entryIds(reference).length);
      expect(await stop(b)).toBe(0);
    },
    LONG,
  );

  it(
    'a worker killed with SIGKILL while it files a large document: the other worker files it, each entry once',
    async () => {
      const { url, db, queue } = await setup();
      const docs = documents(1, 400, 23);
      const a = worker(url, db);
      await a.ready();
      const [doc] = docs as [{ name: string; bytes: Buffer }];
      const sent = await queue.enqueue(importJobOf(doc.name, doc.bytes, { today: '2024-01-01' }), {
        ...QUICK,
        expireInSeconds: 5,
      });
      const id = (sent.ok && sent.value) as string;
      await a.waitFor((e) => e.type === 'started' && e.id === id);
      // Mid-job: reading, annotating or inside the write transaction, whichever it reached.
      await new Promise((resolve) => setTimeout(resolve, 300));
      a.child.kill('SIGKILL');
      expect(await a.exited).toBe('SIGKILL');
      const b = worker(url, db);
      const job = await finished(queue, id);
      expect(job.state).toBe('completed');
      expect(job.retryCount).toBe(1);
      expect(b.events.some((e) => e.type === 'completed' && e.id === id)).toBe(true);
      expect(entryIds(db)).toEqual(referenceIds(docs, dir));
      expect(await stop(b)).toBe(0);
    },
    LONG,
  );

  it(
    'a failing job is retried with growing delays, then failed with its error recorded',
    async () => {
      const { url, db, queue } = await setup();
      const w = worker(url, db);
      const sent = await queue.enqueue(
        { kind: 'fetch', url: `${server.base}/missing.xml` },
        { ...QUICK, expireInSeconds: 60 },
      );
      if (!sent.ok || sent.value === null) throw new Error('not sent');
      const job = await finished(queue, sent.value);
      expect(job.state).toBe('failed');
      expect(job.retryCount).toBe(2);
      expect(JSON.stringify(job.output)).toContain('404');
      // Three attempts; pg-boss waits retryDelay × 2^n with jitter: [1, 2) s, then [2, 4) s.
      expect(missingTimes).toHaveLength(3);
      const [t0, t1, t2] = missingTimes as [number, number, number];
      expect(t1 - t0).toBeGreaterThanOrEqual(900);
      expect(t2 - t1).toBeGreaterThanOrEqual(1900);
      const failures = w.events.filter((e) => e.type === 'failed' && e.id === sent.value);
      expect(failures).toHaveLength(3);
      expect(await stop(w)).toBe(0);
    },
    LONG,
  );

  it(
    'the same job enqueued twice is queued once; enqueued again after it ran, it files nothing twice',
    async () => {
      const { url, db, queue } = await setup();
      const [doc] = documents(1, 8, 11) as [{ name: string; bytes: Buffer }];
      const job = importJobOf(doc.name, doc.bytes, { today: '2024-01-01' });
      const first = await queue.enqueue(job);
      const second = await queue.enqueue(job);
      expect(first.ok && first.value).toMatch(/^[0-9a-f-]{36}$/);
      expect(second).toEqual({ ok: true, value: null });
      const w = worker(url, db);
      const one = await finished(queue, (first.ok && first.value) as string);
      expect(one.state).toBe('completed');
      const filed = entryIds(db);
      expect(filed).toHaveLength(8);
      const again = await queue.enqueue(job);
      const two = await finished(queue, (again.ok && again.value) as string);
      expect(two.state).toBe('completed');
      expect(two.output).toMatchObject({ inserted: 0, unchanged: 8 });
      expect(entryIds(db)).toEqual(filed);
      expect((await queue.counts()).completed).toBe(2);
      expect(await stop(w)).toBe(0);
    },
    LONG,
  );

  it(
    'a bad payload fails at once, without retries, with a message naming the field',
    async () => {
      const { url, db, queue } = await setup();
      // enqueue validates too: the bad job never leaves this process through it.
      const refused = await queue.enqueue({ kind: 'fetch', url: 'ftp://example.jp/feed' });
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error).toMatch(/^queue: bad job payload: url: /);
      // A job written by something else (an older kirinuki, a hand-made send) is checked by the worker.
      const boss = new PgBoss({ connectionString: url, supervise: false, schedule: false });
      await boss.start();
      const bad = await boss.send(
        QUEUE_NAME,
        { kind: 'fetch', url: 'ftp://example.jp/feed' },
        { ...QUICK, singletonKey: 'bad' },
      );
      const extra = await boss.send(
        QUEUE_NAME,
        { kind: 'story', story: 'x', colour: 'red' },
        { ...QUICK, singletonKey: 'extra' },
      );
      const [doc] = documents(1, 3, 5) as [{ name: string; bytes: Buffer }];
      const lying = await boss.send(
        QUEUE_NAME,
        { ...importJobOf(doc.name, doc.bytes), sha256: 'f'.repeat(64) },
        { ...QUICK, singletonKey: 'lying' },
      );
      await boss.stop({ graceful: false });
      const w = worker(url, db);
      const [badJob, extraJob, lyingJob] = (await Promise.all(
        [bad, extra, lying].map((id) => finished(queue, id as string)),
      )) as [JobRecord, JobRecord, JobRecord];
      for (const j of [badJob, extraJob, lyingJob]) {
        expect(j.state).toBe('failed');
        expect(j.retryCount).toBe(0);
      }
      expect(JSON.stringify(badJob.output)).toContain('queue: bad job payload: url: ');
      expect(JSON.stringify(extraJob.output)).toContain('queue: bad job payload: colour: ');
      expect(JSON.stringify(lyingJob.output)).toContain('sha256: the document');
      expect(entryIds(db)).toEqual([]);
      expect(await stop(w)).toBe(0);
    },
    LONG,
  );

  it(
    'SIGTERM mid-job: the worker finishes the job it holds, then exits 0',
    async () => {
      const { url, db, queue } = await setup();
      holdSlow = true;
      const w = worker(url, db);
      await w.ready();
      const sent = await queue.enqueue({ kind: 'fetch', url: `${server.base}/slow.xml` }, QUICK);
      const id = (sent.ok && sent.value) as string;
      await w.waitFor((e) => e.type === 'started' && e.id === id);
      await eventually(() => (held.length > 0 ? true : undefined), 'the fetch reached the server');
      w.child.kill('SIGTERM');
      await eventually(() => (w.stderr().includes('stopping') ? true : undefined), 'stopping');
      holdSlow = false;
      for (const res of held.splice(0)) {
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
        res.end(RSS);
      }
      expect(await w.exited).toBe(0);
      const job = await queue.job(id);
      expect(job?.state).toBe('completed');
      expect(job?.retryCount).toBe(0);
      expect(entryIds(db).length).toBeGreaterThan(0);
    },
    LONG,
  );

  it(
    'watch --enqueue sends one fetch job per feed, not again while it waits, and workers file them',
    async () => {
      const { url, db, queue } = await setup();
      const sources = join(dir, 'sources.txt');
      writeFileSync(sources, `${server.base}/rss.xml 例新聞\n${server.base}/missing.xml\n`);
      const watch = (): ReturnType<typeof kirinuki> =>
        kirinuki(['--db', db, 'watch', sources, '--once', '--enqueue', '--queue', url]);
      const first = await watch();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/ 2 fetch jobs sent\n$/);
      const second = await watch();
      expect(second.stdout).toMatch(/ 0 fetch jobs sent, 2 still waiting from before\n$/);
      expect((await queue.counts()).created).toBe(2);
      const w = worker(url, db);
      const done = await w.waitFor((e) => e.type === 'completed');
      expect(done.type === 'completed' && done.output.url).toBe(`${server.base}/rss.xml`);
      expect(entryIds(db).length).toBeGreaterThan(0);
      expect(await stop(w)).toBe(0);
    },
    LONG,
  );

  it(
    'import --enqueue sends a job per file, not again while it waits, and workers file what import would',
    async () => {
      const { url, db, queue } = await setup();
      const folder = join(dir, `to-enqueue-${dbs}`);
      mkdirSync(folder);
      const docs = documents(3, 4, 19);
      for (const doc of docs) writeFileSync(join(folder, doc.name), doc.bytes);
      const send = (): ReturnType<typeof kirinuki> =>
        kirinuki(['--db', db, 'import', '--enqueue', '--queue', url, folder]);
      const first = await send();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout.match(/: import job [0-9a-f-]{36} sent\n/g)).toHaveLength(3);
      const second = await send();
      expect(second.stdout.match(/: already waiting in the queue\n/g)).toHaveLength(3);
      expect((await queue.counts()).created).toBe(3);
      // Nothing was filed by the command itself.
      expect(entryIds(db)).toEqual([]);
      const w = worker(url, db);
      await eventually(
        async () => ((await queue.counts()).completed === 3 ? true : undefined),
        'three import jobs completed',
        LONG,
      );
      expect(entryIds(db)).toEqual(referenceIds(docs, dir));
      expect(await stop(w)).toBe(0);
    },
    LONG,
  );
});

describe('kirinuki worker and watch --enqueue: usage', () => {
  it('say what is missing or wrong, with exit code 1, before connecting anywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kirinuki-worker-usage-'));
    try {
      const db = join(dir, 'archive.db');
      const sources = join(dir, 'sources.txt');
      writeFileSync(sources, 'https://example.jp/rss\n');
      const cases: [string[], string][] = [
        [['worker'], 'worker: name the queue with --queue postgres://… or KIRINUKI_QUEUE'],
        [['worker', '--queue', 'archive.db'], 'worker: --queue must be a postgres:// connection'],
        [
          ['worker', '--queue', 'postgres://x@/q', '--concurrency', '0'],
          'worker: --concurrency must be a positive whole number, got "0"',
        ],
        [['watch', sources, '--enqueue'], 'watch: --enqueue needs the queue'],
        [['import', '--enqueue', sources], 'import: --enqueue needs the queue'],
        [
          ['import', '--enqueue', '--queue', 'q.db', sources],
          'import: --queue must be a postgres://',
        ],
        [
          ['watch', sources, '--enqueue', '--queue', 'q.db'],
          'watch: --queue must be a postgres://',
        ],
      ];
      for (const [args, message] of cases) {
        const r = await kirinuki(['--db', db, ...args]);
        expect([r.code, r.stderr]).toEqual([1, expect.stringContaining(message)]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
