/**
 * The server keeps the JSON text of its pure reads until the archive changes: a repeated read is
 * the same bytes, marked `kept` in Server-Timing; a change by this server (a delete) or by
 * another process on the same file (a second connection, as `kirinuki import` would open) is
 * seen at once; what depends on more than the archive (a suggestion) is never kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteArchive } from '../../src/archive/index.js';
import { json, rawRequest, startTestServer, type TestServer } from './server-harness.js';

interface Days {
  days: { day: string; entries: number }[];
}

const isKept = (res: Response): boolean =>
  (res.headers.get('Server-Timing') ?? '').includes('desc="kept"');

describe('kept answers of the pure reads', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('answers a repeated read with the same bytes, kept, for every pure read', async () => {
    const entries = await json<{ entries: { id: string; tags: string[] }[] }>(
      await s.get('/api/entries?limit=5'),
    );
    const id = entries.entries[0]!.id;
    const paths = [
      '/api/days',
      '/api/stats',
      '/api/tags',
      '/api/entries?limit=5&offset=1',
      `/api/entries/${id}`,
      '/api/search?q=%E5%81%9C%E6%88%A6',
      '/api/digest/2024-03-06?format=markdown',
      `/api/stories/${id}`,
    ];
    for (const path of paths) {
      const first = await s.get(path);
      expect(first.status, path).toBe(200);
      expect(isKept(first), path).toBe(false);
      const text = await first.text();
      const again = await s.get(path);
      expect(isKept(again), path).toBe(true);
      expect(again.headers.get('Content-Type'), path).toMatch(/^application\/json/);
      expect(await again.text(), path).toBe(text);
    }
    // The request checks still run first: a foreign host is refused even for a kept answer.
    const rebound = await rawRequest(`${s.origin}/api/days`, {
      headers: { Host: 'evil.example' },
    });
    expect(rebound.status).toBe(403);
  });

  it('keeps a suggestion only until the curator teaches the tagger, and never a refusal', async () => {
    const entries = await json<{ entries: { id: string }[] }>(await s.get('/api/entries?limit=2'));
    const [one, two] = entries.entries;
    const path = `/api/entries/${one!.id}/suggestion`;
    const first = await (await s.get(path)).text();
    const again = await s.get(path);
    expect(isKept(again)).toBe(true);
    expect(await again.text()).toBe(first);
    // A correction of another entry: the tagger learns it, so no suggestion is kept past it.
    const corrected = await s.send('PATCH', `/api/entries/${two!.id}`, {
      summaryLines: ['#原発(ザポリージャ原発・事務局長「原発への攻撃は許されない」)'],
    });
    expect(corrected.status).toBe(200);
    expect(isKept(await s.get(path))).toBe(false);
    await s.get('/api/entries/ffffffffffff');
    const missing = await s.get('/api/entries/ffffffffffff');
    expect(missing.status).toBe(404);
    expect(isKept(missing)).toBe(false);
  });

  it("sees this server's own change at once", async () => {
    const before = await json<Days>(await s.get('/api/days'));
    await s.get('/api/days');
    const day = before.days[0]!;
    const page = await json<{ entries: { id: string }[] }>(
      await s.get(`/api/entries?day=${day.day}&limit=1`),
    );
    expect((await s.send('DELETE', `/api/entries/${page.entries[0]!.id}`)).status).toBe(204);
    const after = await s.get('/api/days');
    expect(isKept(after)).toBe(false);
    const counted = (await json<Days>(after)).days.find((d) => d.day === day.day);
    expect(counted?.entries ?? 0).toBe(day.entries - 1);
  });

  it('sees a change made by another process on the same archive file', async () => {
    const before = await json<Days>(await s.get('/api/days'));
    expect(isKept(await s.get('/api/days'))).toBe(true);
    const day = before.days[0]!;
    const other = openSqliteArchive(s.dbPath);
    try {
      const victim = other.entriesOfDay(day.day)[0]!;
      expect(other.removeEntry(victim.entry.id)).toBe(true);
    } finally {
      other.close();
    }
    const after = await s.get('/api/days');
    expect(isKept(after)).toBe(false);
    const counted = (await json<Days>(after)).days.find((d) => d.day === day.day);
    expect(counted?.entries ?? 0).toBe(day.entries - 1);
  });
});
