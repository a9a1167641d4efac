/**
 * Background jobs of the workbench server, against a real server and archive: an import of a
 * directory reported as server-sent events, cancelled between files so that only whole files
 * are filed, a reindex, one job at a time, and requests answered while a job runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  json,
  readEvents,
  startTestServer,
  type ErrorBody,
  type TestServer,
} from './server-harness.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
const PER_FILE = 6;

/** `count` clip documents of `PER_FILE` entries each, one day each from `first`, written here. */
function writeDigests(dir: string, count: number, year: number): string[] {
  mkdirSync(dir, { recursive: true });
  const days: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const date = new Date(Date.UTC(year, 0, 1 + i));
    const day = date.toISOString().slice(0, 10);
    days.push(day);
    const attribution = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}, ${year}`;
    const entries = Array.from({ length: PER_FILE }, (_, k) =>
      [
        `${year}年${i + 1}番${k + 1}号 第${k + 1}変電所で復旧作業、${i * PER_FILE + k}世帯に送電再開 https://t.co/J${year}x${i}y${k}`,
        `— 架空通信 (@kakuu_job) ${attribution}`,
        `州当局によると、第${k + 1}変電所では${i + 1}日目の作業で${(i + 1) * (k + 2)}世帯への送電が戻った。担当者は「作業は${k + 1}段階目に入った」と話した。`,
        `#インフラ攻撃(第${k + 1}変電所・送電再開)`,
      ].join('\n'),
    );
    writeFileSync(join(dir, `${day}.txt`), `${entries.join('\n')}\n`);
  }
  return days;
}

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 60_000);
afterAll(() => s.close());

const dayTotal = async (day: string): Promise<number> =>
  (await json<{ total: number }>(await s.get(`/api/entries?day=${day}`))).total;

describe('POST /api/jobs: an import', () => {
  it('imports a directory, reporting progress per file, then done with the summary', async () => {
    const dir = join(s.dir, 'small');
    const days = writeDigests(dir, 4, 2021);
    const res = await s.send('POST', '/api/jobs', { kind: 'import', path: dir });
    expect(res.status).toBe(202);
    const { id } = await json<{ id: string }>(res);
    const events = await readEvents(await s.get(`/api/jobs/${id}/events`));
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data);
    expect(progress.at(-1)).toEqual({ done: 4, total: 4 });
    const last = events.at(-1);
    expect(last?.event).toBe('done');
    const summary = (last?.data as { summary: { files: { file: string; report: unknown }[] } })
      .summary;
    expect(summary.files.map((f) => f.file)).toEqual(days.map((d) => join(dir, `${d}.txt`)));
    for (const day of days) expect(await dayTotal(day)).toBe(PER_FILE);
    const status = await json<{ state: string }>(await s.get(`/api/jobs/${id}`));
    expect(status.state).toBe('done');
    // A late listener hears how it ended.
    const again = await readEvents(await s.get(`/api/jobs/${id}/events`));
    expect(again.map((e) => e.event)).toEqual(['progress', 'done']);
  });

  it('cancelled mid-way, stops between files: every day is whole or absent', async () => {
    const dir = join(s.dir, 'large');
    const days = writeDigests(dir, 150, 2022);
    const { id } = await json<{ id: string }>(
      await s.send('POST', '/api/jobs', { kind: 'import', path: dir }),
    );
    let cancelled = false;
    let answeredWhileRunning = false;
    const events = await readEvents(await s.get(`/api/jobs/${id}/events`), async (e) => {
      const { done } = e.data as { done: number };
      if (e.event !== 'progress' || done < 2 || cancelled) return;
      cancelled = true;
      // Other requests are answered while the import runs.
      const stats = await s.get('/api/stats');
      answeredWhileRunning =
        stats.status === 200 &&
        (await json<{ state: string }>(await s.get(`/api/jobs/${id}`))).state === 'running';
      expect((await s.send('DELETE', `/api/jobs/${id}`)).status).toBe(202);
    });
    expect(answeredWhileRunning).toBe(true);
    const last = events.at(-1);
    expect(last?.event).toBe('cancelled');
    const imported = (last?.data as { summary: { files: unknown[] } }).summary.files.length;
    expect(imported).toBeGreaterThanOrEqual(2);
    expect(imported).toBeLessThan(days.length);
    const totals = await Promise.all(days.map(dayTotal));
    expect(
      totals.every((n) => n === 0 || n === PER_FILE),
      totals.join(','),
    ).toBe(true);
    expect(totals.filter((n) => n === PER_FILE)).toHaveLength(imported);
    // Whole files, in order: the first `imported` days and none after.
    expect(totals.slice(0, imported).every((n) => n === PER_FILE)).toBe(true);
    expect((await json<{ state: string }>(await s.get(`/api/jobs/${id}`))).state).toBe('cancelled');
  });

  it('runs one job at a time', async () => {
    const dir = join(s.dir, 'busy');
    writeDigests(dir, 40, 2023);
    const { id } = await json<{ id: string }>(
      await s.send('POST', '/api/jobs', { kind: 'import', path: dir }),
    );
    const second = await s.send('POST', '/api/jobs', { kind: 'reindex' });
    const body = await json<ErrorBody>(second);
    expect(second.status).toBe(409);
    expect(body.error.message).toContain(id);
    await s.send('DELETE', `/api/jobs/${id}`);
    const events = await readEvents(await s.get(`/api/jobs/${id}/events`));
    expect(['cancelled', 'done']).toContain(events.at(-1)?.event);
  });

  it('refuses a path that is not there, an unknown kind, and unknown jobs', async () => {
    const missing = await s.send('POST', '/api/jobs', {
      kind: 'import',
      path: join(s.dir, 'nope'),
    });
    expect(missing.status).toBe(400);
    expect((await json<ErrorBody>(missing)).error.field).toBe('path');
    const kind = await s.send('POST', '/api/jobs', { kind: 'export' });
    expect(kind.status).toBe(400);
    expect((await json<ErrorBody>(kind)).error.field).toBe('kind');
    const noPath = await s.send('POST', '/api/jobs', { kind: 'import' });
    expect((await json<ErrorBody>(noPath)).error.field).toBe('path');
    expect((await s.get('/api/jobs/nope')).status).toBe(404);
    expect((await s.get('/api/jobs/nope/events')).status).toBe(404);
    expect((await s.send('DELETE', '/api/jobs/nope')).status).toBe(404);
  });
});

describe('POST /api/jobs: a reindex', () => {
  it('derives stories and people again for every entry, reporting progress', async () => {
    const before = await json<{ entries: number }>(await s.get('/api/stats'));
    const res = await s.send('POST', '/api/jobs', { kind: 'reindex' });
    expect(res.status).toBe(202);
    const { id } = await json<{ id: string }>(res);
    const events = await readEvents(await s.get(`/api/jobs/${id}/events`));
    const last = events.at(-1);
    expect(last?.event).toBe('done');
    expect((last?.data as { summary: { entries: number } }).summary.entries).toBe(before.entries);
    const progress = events.filter((e) => e.event === 'progress').at(-1)?.data;
    expect(progress).toEqual({ done: before.entries, total: before.entries });
    const after = await json<{ entries: number }>(await s.get('/api/stats'));
    expect(after.entries).toBe(before.entries);
  });
});
