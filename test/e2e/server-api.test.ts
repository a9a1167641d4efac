/**
 * The workbench API against a real server on 127.0.0.1 over a real SQLite archive holding the
 * bundled samples: every route's answer, checked against the sample files themselves and
 * against the route's schema in /openapi.json, and its validation errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseClipDocument, parseSummaryLine } from '../../src/format/index.js';
import { openSqliteArchive } from '../../src/archive/index.js';
import { documentEntries, type Entry } from '../../src/model/index.js';
import { normaliseForMatch } from '../../src/text/index.js';
import {
  json,
  SAMPLE_FILES,
  SAMPLES,
  startTestServer,
  type ErrorBody,
  type TestServer,
} from './server-harness.js';

interface Card {
  id: string;
  day: string;
  seq: number;
  story: string;
  headline: string;
  authorName: string | null;
  handle: string | null;
  postUrl: string | null;
  articleUrl: string | null;
  date: string | null;
  tags: string[];
  summaryLines: string[];
  source: string;
}
interface Suggestion {
  tags: { tag: string; score: number; reasons: string[] }[];
  line: string | null;
  lineReasons: string[];
}

/** The samples as the curator wrote them: day → text and entries, parsed here, not by the server. */
const samples = new Map(
  SAMPLE_FILES.map((f) => {
    const text = readFileSync(join(SAMPLES, f), 'utf8');
    return [
      f.slice(0, 10),
      { text, entries: documentEntries(parseClipDocument(text).document) },
    ] as const;
  }),
);
const days = [...samples.keys()].sort().reverse();
const newest = days[0] as string;
const middle = days[1] as string;
const sampleEntries = (day: string): Entry[] => samples.get(day)?.entries ?? [];

let s: TestServer;
let doc: OpenApi;
beforeAll(async () => {
  s = await startTestServer();
  doc = await json<OpenApi>(await s.get('/openapi.json'));
}, 60_000);
afterAll(() => s.close());

// --- the schemas of /openapi.json, applied to what the server answers ---------------------

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, ResponseDoc> }>>;
  components: { schemas: Record<string, unknown> };
}
interface ResponseDoc {
  content?: Record<string, { schema: object }>;
}
const ajv = new Ajv2020({ allErrors: true, strict: false });

/** Asserts the body matches the response schema the document gives for this route and status. */
function matchesDocument(route: string, method: string, status: number, body: unknown): void {
  const schema =
    doc.paths[route]?.[method]?.responses[String(status)]?.content?.['application/json']?.schema;
  expect(schema, `${method} ${route} ${status} in /openapi.json`).toBeDefined();
  const validate = ajv.compile({ ...schema, components: doc.components });
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

/** GET a route, expect 200, check the answer against the document, and return it. */
async function getOk<T>(path: string, route = path.split('?')[0] ?? path): Promise<T> {
  const res = await s.get(path);
  const body: unknown = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  matchesDocument(route, 'get', 200, body);
  return body as T;
}

/** Expects a refusal with this status, code and field, matching the document's error schema. */
async function refused(res: Response, status: number, field?: string): Promise<ErrorBody> {
  const body = await json<ErrorBody>(res);
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(body.error.message).toMatch(/^server: /);
  if (field !== undefined) expect(body.error.field).toBe(field);
  const code = { 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 409: 'conflict' }[status];
  expect(body.error.code).toBe(code);
  return body;
}

// --- routes -------------------------------------------------------------------------------

describe('GET /api/session and /api/stats', () => {
  it('gives the session token and version', async () => {
    const body = await getOk<{ token: string; version: string }>('/api/session');
    expect(body.token).toBe(s.token);
    expect(body.token.length).toBeGreaterThanOrEqual(32);
  });

  it('counts what the samples hold', async () => {
    const stats = await getOk<{ entries: number; days: number; firstDay: string }>('/api/stats');
    const total = days.reduce((n, d) => n + sampleEntries(d).length, 0);
    expect(stats).toMatchObject({ entries: total, days: days.length, firstDay: days.at(-1) });
  });
});

describe('GET /api/days and /api/entries', () => {
  it('lists the filed days newest first with their entry counts', async () => {
    const body = await getOk<{ days: { day: string; entries: number }[] }>('/api/days');
    expect(body.days).toEqual(days.map((day) => ({ day, entries: sampleEntries(day).length })));
  });

  it("lists a day's entries in the digest's order, paged", async () => {
    const want = sampleEntries(middle).map((e) => e.id);
    const all = await getOk<{ entries: Card[]; total: number }>(`/api/entries?day=${middle}`);
    expect(all.total).toBe(want.length);
    expect(all.entries.map((c) => c.id)).toEqual(want);
    expect(all.entries.every((c) => c.day === middle)).toBe(true);
    const pages: string[] = [];
    for (let offset = 0; offset < want.length; offset += 3) {
      const page = await getOk<{ entries: Card[] }>(
        `/api/entries?day=${middle}&limit=3&offset=${offset}`,
      );
      pages.push(...page.entries.map((c) => c.id));
    }
    expect(pages).toEqual(want);
  });

  it('lists every entry by day, newest day first, across day boundaries', async () => {
    const want = days.flatMap((d) => sampleEntries(d).map((e) => e.id));
    const first = sampleEntries(newest).length;
    const page = await getOk<{ entries: Card[]; total: number }>(
      `/api/entries?limit=4&offset=${first - 2}`,
    );
    expect(page.total).toBe(want.length);
    expect(page.entries.map((c) => c.id)).toEqual(want.slice(first - 2, first + 2));
  });

  it('refuses a bad day, limit or offset, naming the field', async () => {
    await refused(await s.get('/api/entries?day=2024-3-5'), 400, 'day');
    await refused(await s.get('/api/entries?limit=0'), 400, 'limit');
    await refused(await s.get('/api/entries?limit=501'), 400, 'limit');
    await refused(await s.get('/api/entries?offset=-1'), 400, 'offset');
  });
});

describe('GET /api/entries/{id}', () => {
  it('gives the card, the entry as clip-document text, and its story', async () => {
    const entry = sampleEntries(middle)[0] as Entry;
    const body = await getOk<{ card: Card; text: string; story: Card[] }>(
      `/api/entries/${entry.id.slice(0, 8)}`,
      '/api/entries/{id}',
    );
    expect(body.card.id).toBe(entry.id);
    expect(body.card.headline).toBe(entry.post?.text.split('\n')[0]?.trim());
    expect(body.card.headline).not.toContain('https://');
    expect(body.card.handle).toBe(entry.post?.handle);
    expect(body.card.summaryLines).toEqual(entry.summaries.map((l) => l.raw));
    expect(body.card.tags).toEqual([...new Set(entry.summaries.map((l) => l.tag))]);
    // The text is the entry as the curator wrote it: it parses back to the same entry.
    const again = documentEntries(parseClipDocument(body.text).document);
    expect(again.map((e) => e.id)).toEqual([entry.id]);
    for (const line of entry.summaries) expect(body.text).toContain(line.raw);
    expect(body.story.every((c) => c.story === body.card.story && c.id !== entry.id)).toBe(true);
  });

  it('answers 404 for an unknown id and 400 for one too short', async () => {
    await refused(await s.get('/api/entries/zzzzzzzzzz'), 404);
    await refused(await s.get('/api/entries/abc'), 400, 'id');
  });
});

describe('GET /api/search', () => {
  it('finds a two-character word with highlighted snippets and facets of the hits', async () => {
    const body = await getOk<{
      hits: { card: Card; snippet: { text: string; highlights: [number, number][] } }[];
      total: number;
      facets: Record<'tags' | 'speakers' | 'sources' | 'days', { value: string; count: number }[]>;
    }>(`/api/search?q=${encodeURIComponent('停電')}`, '/api/search');
    const containing = [...samples.values()]
      .flatMap((d) => d.entries)
      .filter((e) => normaliseForMatch(JSON.stringify(e)).includes(normaliseForMatch('停電')));
    expect(containing.length).toBeGreaterThan(0);
    expect(body.total).toBe(containing.length);
    expect(body.hits.map((h) => h.card.id).sort()).toEqual(containing.map((e) => e.id).sort());
    for (const { snippet } of body.hits) {
      expect(snippet.highlights.length).toBeGreaterThan(0);
      for (const [a, b] of snippet.highlights)
        expect(normaliseForMatch(snippet.text.slice(a, b))).toBe(normaliseForMatch('停電'));
    }
    const hitDays = body.hits.map((h) => h.card.day);
    for (const { value, count } of body.facets.days)
      expect(count).toBe(hitDays.filter((d) => d === value).length);
    for (const { value, count } of body.facets.tags)
      expect(count).toBe(body.hits.filter((h) => h.card.tags.includes(value)).length);
    expect(body.facets.tags.length).toBeGreaterThan(0);
  });

  it('reads the query syntax: a tag filter keeps only entries with the tag', async () => {
    const tag = sampleEntries(newest)[0]?.summaries[0]?.tag as string;
    const body = await getOk<{ hits: { card: Card }[]; total: number }>(
      `/api/search?q=${encodeURIComponent(`tag:${tag}`)}&limit=100`,
      '/api/search',
    );
    const want = [...samples.values()]
      .flatMap((d) => d.entries)
      .filter((e) => e.summaries.some((l) => l.tag === tag));
    expect(body.hits.map((h) => h.card.id).sort()).toEqual(want.map((e) => e.id).sort());
  });

  it('answers a search asked again after another process filed a match with the new match', async () => {
    const q = encodeURIComponent('灯台守');
    const before = await json<{ total: number }>(await s.get(`/api/search?q=${q}`));
    expect(before.total).toBe(0);
    // Another connection to the same file, as `kirinuki import` in another process would be.
    const other = openSqliteArchive(s.dbPath);
    try {
      other.importBatch({
        source: 'other-process.txt',
        day: '2024-03-08',
        entries: [
          { ...(sampleEntries(newest)[0] as Entry), id: 'lighthouse01', body: ['灯台守の証言'] },
        ],
        documentTagLines: [],
      });
    } finally {
      other.close();
    }
    const after = await json<{ total: number; hits: { card: Card }[] }>(
      await s.get(`/api/search?q=${q}`),
    );
    expect(after.hits.map((h) => h.card.id)).toEqual(['lighthouse01']);
    expect((await s.send('DELETE', '/api/entries/lighthouse01')).status).toBe(204);
    expect((await json<{ total: number }>(await s.get(`/api/search?q=${q}`))).total).toBe(0);
  });

  it('refuses a malformed query with the offset of the fault, and a missing one', async () => {
    const bad = await refused(
      await s.get(`/api/search?q=${encodeURIComponent('停戦 "凍結')}`),
      400,
      'q',
    );
    expect(bad.error.message).toContain('character 3');
    await refused(await s.get('/api/search'), 400, 'q');
    await refused(await s.get('/api/search?q=x&limit=1000'), 400, 'limit');
  });
});

describe('GET /api/digest/{day}', () => {
  it('gives the day in the text format exactly as the curator wrote it', async () => {
    const body = await getOk<{ format: string; text: string; flags: { entryId: string }[] }>(
      `/api/digest/${middle}`,
      '/api/digest/{day}',
    );
    expect(body.format).toBe('text');
    expect(body.text).toBe(samples.get(middle)?.text);
    const ids = new Set(sampleEntries(middle).map((e) => e.id));
    expect(body.flags.every((f) => ids.has(f.entryId))).toBe(true);
  });

  it('renders every publishing format, each keeping every post link', async () => {
    const links = sampleEntries(newest).flatMap((e) => e.post?.links ?? []);
    expect(links.length).toBeGreaterThan(0);
    for (const format of ['markdown', 'hatena', 'hatena-markdown', 'html', 'json']) {
      const body = await getOk<{ format: string; text: string }>(
        `/api/digest/${newest}?format=${format}`,
        '/api/digest/{day}',
      );
      expect(body.format).toBe(format);
      // Markdown escapes `_` in URLs as `\_`; what matters is that each link is there.
      const text = body.text.replaceAll('\\_', '_').replaceAll('&amp;', '&');
      for (const link of links) expect(text, `${format}: ${link}`).toContain(link);
    }
    const data = JSON.parse(
      (await getOk<{ text: string }>(`/api/digest/${newest}?format=json`, '/api/digest/{day}'))
        .text,
    ) as { day: string };
    expect(data.day).toBe(newest);
  });

  it('refuses an unknown format or a bad day, and answers 404 for a day with nothing', async () => {
    await refused(await s.get(`/api/digest/${newest}?format=atom`), 400, 'format');
    await refused(await s.get('/api/digest/yesterday'), 400, 'day');
    await refused(await s.get('/api/digest/1999-01-01'), 404);
  });
});

describe('GET /api/people and /api/tags', () => {
  it('lists quoted people; a person page has each quote as a summary line writes it', async () => {
    const people = await getOk<{ people: { name: string; quotes: number; entries: number }[] }>(
      '/api/people',
    );
    expect(people.people.length).toBeGreaterThan(0);
    const top = people.people[0] as { name: string; quotes: number };
    const page = await getOk<{
      name: string;
      quotes: { day: string; entryId: string; quote: string; tag: string; speaker: string }[];
      perDay: { day: string; count: number }[];
    }>(`/api/people/${encodeURIComponent(top.name)}`, '/api/people/{name}');
    expect(page.name).toBe(top.name);
    // `quotes` of the list counts the entries quoting them: those of the page and its days.
    expect(new Set(page.quotes.map((q) => q.entryId)).size).toBe(top.quotes);
    expect(page.perDay.reduce((n, d) => n + d.count, 0)).toBe(top.quotes);
    const quoting = [...samples.values()]
      .flatMap((d) => d.entries)
      .filter((e) => page.quotes.some((q) => q.entryId === e.id));
    expect(quoting).toHaveLength(top.quotes);
    for (const q of page.quotes) {
      const entry = sampleEntries(q.day).find((e) => e.id === q.entryId);
      const line = entry?.summaries.find((l) => l.tag === q.tag);
      expect(line?.raw).toContain(`${q.speaker}`);
      expect(line?.raw).toContain(`「${q.quote}」`);
    }
    const limited = await getOk<{ people: unknown[] }>('/api/people?limit=1', '/api/people');
    expect(limited.people).toHaveLength(1);
  });

  it('answers 404 for a person nobody quotes, 400 for a bad limit', async () => {
    await refused(await s.get(`/api/people/${encodeURIComponent('誰でもない人')}`), 404);
    await refused(await s.get('/api/people?limit=0'), 400, 'limit');
  });

  it('lists the tags with counts and the taxonomy descriptions', async () => {
    const body = await getOk<{
      tags: { tag: string; entries: number; description: string | null }[];
    }>('/api/tags');
    const taxonomy = JSON.parse(readFileSync(join(SAMPLES, 'taxonomy.json'), 'utf8')) as {
      tags: { name: string; description?: string }[];
    };
    for (const t of taxonomy.tags) {
      const listed = body.tags.find((x) => x.tag === t.name);
      expect(listed?.description ?? null, t.name).toBe(t.description ?? null);
    }
    const all = [...samples.values()].flatMap((d) => d.entries);
    for (const { tag, entries } of body.tags)
      expect(entries, tag).toBe(all.filter((e) => e.summaries.some((l) => l.tag === tag)).length);
  });

  it("gives a tag's entries per day and its newest entries", async () => {
    const tag = sampleEntries(newest)[0]?.summaries[0]?.tag as string;
    const body = await getOk<{
      tag: string;
      perDay: { day: string; count: number }[];
      latest: Card[];
    }>(`/api/tags/${encodeURIComponent(tag)}`, '/api/tags/{tag}');
    const want = days
      .slice()
      .reverse()
      .map((day) => ({
        day,
        count: sampleEntries(day).filter((e) => e.summaries.some((l) => l.tag === tag)).length,
      }))
      .filter((d) => d.count > 0);
    expect(body.perDay).toEqual(want);
    expect(body.latest.length).toBe(
      Math.min(
        20,
        want.reduce((n, d) => n + d.count, 0),
      ),
    );
    expect(body.latest.every((c) => c.tags.includes(tag))).toBe(true);
    expect(body.latest[0]?.day).toBe(want.at(-1)?.day);
    await refused(await s.get(`/api/tags/${encodeURIComponent('無いタグ')}`), 404);
  });
});

describe('GET /api/stories/{id}', () => {
  it("gives an entry's story by the story id or an entry id", async () => {
    const entry = sampleEntries(newest)[1] as Entry;
    const card = (await getOk<{ card: Card }>(`/api/entries/${entry.id}`, '/api/entries/{id}'))
      .card;
    const byStory = await getOk<{ story: string; entries: Card[] }>(
      `/api/stories/${card.story}`,
      '/api/stories/{id}',
    );
    expect(byStory.story).toBe(card.story);
    expect(byStory.entries.map((c) => c.id)).toContain(entry.id);
    const byEntry = await getOk<{ story: string }>(`/api/stories/${entry.id}`, '/api/stories/{id}');
    expect(byEntry.story).toBe(card.story);
    await refused(await s.get('/api/stories/no-such-story'), 404);
  });
});

describe('POST /api/annotate', () => {
  it('finds quotes with speakers and names, offsets into the text as sent', async () => {
    const text = '東部戦線について、ゼレンスキー大統領は「防衛線は持ちこたえている」と述べた。';
    const res = await s.send('POST', '/api/annotate', { text });
    const body = await json<{
      quotes: { start: number; end: number; text: string; speaker: string | null }[];
      entities: { start: number; end: number; canonical: string }[];
      suggestion: Suggestion | null;
    }>(res);
    expect(res.status).toBe(200);
    matchesDocument('/api/annotate', 'post', 200, body);
    const quote = body.quotes.find((q) => q.text === '防衛線は持ちこたえている');
    expect(quote?.speaker).toContain('ゼレンスキー');
    expect(text.slice(quote?.start, quote?.end)).toBe(quote?.text);
    for (const e of body.entities) expect(text.slice(e.start, e.end).length).toBe(e.end - e.start);
    expect(body.entities.some((e) => e.canonical === 'ゼレンスキー')).toBe(true);
    expect(body.suggestion?.tags.length).toBeGreaterThan(0);
  });

  it('refuses an empty text or a body that is not JSON', async () => {
    await refused(await s.send('POST', '/api/annotate', { text: '' }), 400, 'text');
    await refused(await s.send('POST', '/api/annotate', {}), 400, 'text');
    await refused(
      await s.send('POST', '/api/annotate', undefined, { 'Content-Type': 'application/json' }),
      400,
    );
  });
});

describe('the curator loop: paste, suggest, accept, edit, order, drop', () => {
  const article = [
    '北部の変電所に無人機攻撃、約2万世帯が停電',
    '国営電力会社によると、北部の州都にある変電所が7日未明に無人機の攻撃を受け、約2万世帯で停電が続いている。',
    '同社のコバレンコ社長は「復旧には少なくとも3日かかる」と述べた。',
  ].join('\n');
  let pasted: Card;

  it('files a paste and answers with its card; the same paste again is the same entry', async () => {
    const res = await s.send('POST', '/api/entries', { paste: article, day: '2024-03-07' });
    const body = await json<{ created: Card[]; warnings: string[] }>(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    matchesDocument('/api/entries', 'post', 200, body);
    expect(body.created).toHaveLength(1);
    pasted = body.created[0] as Card;
    expect(pasted).toMatchObject({ day: '2024-03-07', headline: article.split('\n')[0], tags: [] });
    const again = await json<{ created: Card[]; warnings: string[] }>(
      await s.send('POST', '/api/entries', { paste: article, day: '2024-03-07' }),
    );
    expect(again.created.map((c) => c.id)).toEqual([pasted.id]);
    expect(again.warnings.join(' ')).toContain('already in the archive');
  });

  it('files embed code', async () => {
    const embed =
      '<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">国境の検問所でトラックの列が15キロに <a href="https://t.co/Srv0000001">https://t.co/Srv0000001</a></p>&mdash; 架空通信 (@kakuu_srv) <a href="https://twitter.com/kakuu_srv/status/1765200000000000001">March 7, 2024</a></blockquote>';
    const res = await s.send('POST', '/api/entries', { embed });
    const body = await json<{ created: Card[] }>(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    expect(body.created[0]).toMatchObject({ handle: 'kakuu_srv', date: '2024-03-07' });
    // The post's own status URL, as the capture canonicalises it (x.com).
    expect(body.created[0]?.postUrl).toMatch(/\/kakuu_srv\/status\/1765200000000000001$/);
  });

  it('refuses a request with none, or two, of paste, url and embed, or a bad url or day', async () => {
    await refused(await s.send('POST', '/api/entries', {}), 400, 'paste');
    await refused(await s.send('POST', '/api/entries', { paste: 'a', embed: 'b' }), 400, 'embed');
    await refused(await s.send('POST', '/api/entries', { url: 'ftp://example.jp/x' }), 400, 'url');
    await refused(await s.send('POST', '/api/entries', { paste: 'a', day: '7 March' }), 400, 'day');
  });

  it('suggests tags and a line with reasons for the new entry', async () => {
    const body = await getOk<Suggestion>(
      `/api/entries/${pasted.id}/suggestion`,
      '/api/entries/{id}/suggestion',
    );
    expect(body.tags.length).toBeGreaterThan(0);
    expect(body.tags.every((t) => t.reasons.length > 0 || t.score >= 0)).toBe(true);
    expect(body.lineReasons.length).toBeGreaterThan(0);
    if (body.line !== null) expect(parseSummaryLine(body.line)).not.toBeNull();
    await refused(await s.get('/api/entries/zzzzzzzzzz/suggestion'), 404);
  });

  it('accepts a corrected line: the entry carries it and the next suggestion follows it', async () => {
    const line = '#インフラ攻撃(北部州都・変電所・コバレンコ社長「復旧には少なくとも3日かかる」)';
    const res = await s.send('POST', `/api/entries/${pasted.id}/accept`, { line });
    const body = await json<{ card: Card; suggestionAfter: Suggestion | null }>(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    matchesDocument('/api/entries/{id}/accept', 'post', 200, body);
    expect(body.card.summaryLines).toEqual([line]);
    expect(body.card.tags).toEqual(['インフラ攻撃']);
    expect(body.suggestionAfter?.tags[0]?.tag).toBe('インフラ攻撃');
    const found = await json<{ hits: { card: Card }[] }>(
      await s.get(`/api/search?q=${encodeURIComponent('tag:インフラ攻撃')}`),
    );
    expect(found.hits.map((h) => h.card.id)).toEqual([pasted.id]);
  });

  it('refuses to accept a line that is not a summary line', async () => {
    await refused(
      await s.send('POST', `/api/entries/${pasted.id}/accept`, { line: 'not a line' }),
      400,
      'line',
    );
    await refused(await s.send('POST', '/api/entries/zzzzzzzzzz/accept', {}), 404);
  });

  it("sets an entry's summary lines, refusing a bad line by its index and changing nothing", async () => {
    const lines = ['#インフラ攻撃(変電所・約2万世帯停電)', '#ウクライナ戦況(北部州都)'];
    const res = await s.send('PATCH', `/api/entries/${pasted.id}`, { summaryLines: lines });
    const body = await json<{ card: Card }>(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    matchesDocument('/api/entries/{id}', 'patch', 200, body);
    expect(body.card).toMatchObject({
      summaryLines: lines,
      tags: ['インフラ攻撃', 'ウクライナ戦況'],
    });
    const bad = await s.send('PATCH', `/api/entries/${pasted.id}`, {
      summaryLines: ['#インフラ攻撃(変電所)', 'no tag here'],
    });
    await refused(bad, 400, 'summaryLines.1');
    const now = await json<{ card: Card }>(await s.get(`/api/entries/${pasted.id}`));
    expect(now.card.summaryLines).toEqual(lines);
    await refused(await s.send('PATCH', `/api/entries/${pasted.id}`, {}), 400, 'summaryLines');
    await refused(await s.send('PATCH', '/api/entries/zzzzzzzzzz', { summaryLines: [] }), 404);
  });

  it('two curators editing one entry: the later save, begun from older lines, is 409 and changes nothing', async () => {
    const seen = (await json<{ card: Card }>(await s.get(`/api/entries/${pasted.id}`))).card
      .summaryLines;
    // Both curators loaded `seen`; the first saves.
    const first = ['#インフラ攻撃(一人目の編集)'];
    const saved = await s.send('PATCH', `/api/entries/${pasted.id}`, {
      summaryLines: first,
      startedFrom: seen,
    });
    expect(saved.status).toBe(200);
    const late = await s.send('PATCH', `/api/entries/${pasted.id}`, {
      summaryLines: ['#インフラ攻撃(二人目の編集)'],
      startedFrom: seen,
    });
    const refusal = await refused(late, 409, 'startedFrom');
    expect(refusal.error.message).toMatch(
      /changed by someone else since this edit began; nothing was saved/,
    );
    const now = await json<{ card: Card }>(await s.get(`/api/entries/${pasted.id}`));
    expect(now.card.summaryLines).toEqual(first);
    // Begun from what is stored now, the second curator's edit is saved.
    const again = await s.send('PATCH', `/api/entries/${pasted.id}`, {
      summaryLines: seen,
      startedFrom: first,
    });
    expect(again.status).toBe(200);
  });

  it('puts a day in a new order, and the digest follows it', async () => {
    const before = sampleEntries(newest).map((e) => e.id);
    const reversed = [...before].reverse();
    const res = await s.send('PUT', `/api/digest/${newest}/order`, { ids: reversed });
    const body = await json<{ entries: Card[] }>(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    matchesDocument('/api/digest/{day}/order', 'put', 200, body);
    expect(body.entries.map((c) => c.id)).toEqual(reversed);
    const listed = await json<{ entries: Card[] }>(await s.get(`/api/entries?day=${newest}`));
    expect(listed.entries.map((c) => c.id)).toEqual(reversed);
    const digest = await json<{ text: string }>(await s.get(`/api/digest/${newest}`));
    const order = documentEntries(parseClipDocument(digest.text).document).map((e) => e.id);
    expect(order).toEqual(reversed);
    await refused(
      await s.send('PUT', `/api/digest/${newest}/order`, { ids: reversed.slice(1) }),
      400,
      'ids',
    );
    await refused(await s.send('PUT', `/api/digest/${newest}/order`, { ids: [] }), 400, 'ids');
    await s.send('PUT', `/api/digest/${newest}/order`, { ids: before });
  });

  it('drops an entry: 204, then it is gone from its day', async () => {
    const res = await s.send('DELETE', `/api/entries/${pasted.id}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await refused(await s.get(`/api/entries/${pasted.id}`), 404);
    const day = await json<{ total: number }>(await s.get('/api/entries?day=2024-03-07'));
    expect(day.total).toBe(1); // the embed is left
    await refused(await s.send('DELETE', `/api/entries/${pasted.id}`), 404);
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with every route of the contract', () => {
    expect(doc.openapi).toBe('3.1.0');
    const routes = [
      'get /api/session',
      'get /api/days',
      'get /api/entries',
      'post /api/entries',
      'get /api/entries/{id}',
      'patch /api/entries/{id}',
      'delete /api/entries/{id}',
      'get /api/entries/{id}/suggestion',
      'post /api/entries/{id}/accept',
      'get /api/search',
      'get /api/digest/{day}',
      'put /api/digest/{day}/order',
      'post /api/digest/{day}/publish',
      'get /api/people',
      'get /api/people/{name}',
      'get /api/tags',
      'get /api/tags/{tag}',
      'get /api/stories/{id}',
      'post /api/annotate',
      'post /api/capture',
      'get /api/stats',
      'post /api/jobs',
      'get /api/jobs/{id}/events',
      'delete /api/jobs/{id}',
    ];
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m} ${path}`),
    );
    for (const route of routes) expect(documented).toContain(route);
  });

  it('names the field of a validation error in its 400 answers', () => {
    const bad = doc.paths['/api/entries/{id}']?.patch?.responses['400'];
    expect(bad?.content?.['application/json']?.schema).toBeDefined();
  });
});

describe('404s', () => {
  it('answers an unknown API path or method with a 404 error body', async () => {
    await refused(await s.get('/api/nothing-here'), 404);
    await refused(await s.send('POST', '/api/stats', {}), 404);
    await refused(await s.get('/no/such/page.js'), 404);
  });
});
