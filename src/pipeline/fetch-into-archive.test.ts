import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/fixtures/ingest/test-server.js';
import { openSqliteArchive } from '../archive/index.js';
import { fetchIntoArchive } from './fetch-into-archive.js';

const STATUS_URL = 'https://x.com/kita_test/status/1792345678901234567';
const EMBED =
  '<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">北部州都の変電所に無人機攻撃、約3万世帯が停電 <a href="https://t.co/Kita0000002">https://t.co/Kita0000002</a></p>&mdash; 北日本ニュース (@kita_test) <a href="https://twitter.com/kita_test/status/1792345678901234567?ref_src=twsrc%5Etfw">May 20, 2024</a></blockquote>';

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>北日本ニュース</title><link>https://kita.example.jp/</link>${[
  1, 2, 3,
]
  .map(
    (n) =>
      `<item><title>速報${n}</title><link>https://kita.example.jp/news/${n}</link><description>本文${n}</description><pubDate>Mon, 20 May 2024 0${n}:00:00 +0900</pubDate></item>`,
  )
  .join('')}</channel></rss>`;

let server: Awaited<ReturnType<typeof startTestServer>>;
const asked: string[] = [];
beforeAll(async () => {
  server = await startTestServer({
    '/oembed': (req, res) => {
      asked.push(new URL(req.url ?? '/', 'http://x').searchParams.get('url') ?? '');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ url: STATUS_URL, author_name: '北日本ニュース', html: EMBED }));
    },
    '/feed.xml': (_req, res) => {
      res.setHeader('content-type', 'application/rss+xml');
      res.end(FEED);
    },
  });
});
afterAll(() => server.close());

describe('fetchIntoArchive: a post URL', () => {
  it('asks the oEmbed endpoint for the post instead of the script-only page', async () => {
    const archive = openSqliteArchive(':memory:');
    const r = await fetchIntoArchive(archive, STATUS_URL, {
      today: '2024-05-21',
      fetch: { allowPrivateHosts: ['127.0.0.1'] },
      oembedEndpoint: `${server.base}/oembed`,
    });
    expect(r).toMatchObject({ ok: true, value: { format: 'oembed', file: STATUS_URL } });
    expect(asked).toEqual([STATUS_URL]);
    const [stored] = archive.entriesOfDay('2024-05-20');
    expect(stored?.entry.post).toMatchObject({ handle: 'kita_test', date: '2024-05-20' });
    expect(archive.findByKeys(['x:1792345678901234567'])).toHaveLength(1);
    archive.close();
  });

  it('reports an endpoint that fails, naming the post URL', async () => {
    const archive = openSqliteArchive(':memory:');
    const r = await fetchIntoArchive(archive, STATUS_URL, {
      today: '2024-05-21',
      fetch: { allowPrivateHosts: ['127.0.0.1'], retries: 0 },
      oembedEndpoint: `${server.base}/missing`,
    });
    expect(r).toMatchObject({ ok: false, error: { file: STATUS_URL } });
    expect(archive.stats().entries).toBe(0);
    archive.close();
  });
});

describe('fetchIntoArchive: the time limit', () => {
  const fetchFeed = (clockOffsetMs: number) => {
    const archive = openSqliteArchive(':memory:');
    // The fetch's clock sets the deadline; one running behind makes it pass before reading starts.
    const clock = { now: () => Date.now() - clockOffsetMs, sleep: async () => {} };
    const run = fetchIntoArchive(archive, `${server.base}/feed.xml`, {
      today: '2024-05-21',
      fetch: { allowPrivateHosts: ['127.0.0.1'], timeoutMs: 5_000, clock },
    });
    return { archive, run };
  };

  it('reads the whole feed within the time left', async () => {
    const { archive, run } = fetchFeed(0);
    const r = await run;
    expect(r.ok && r.value.report?.inserted).toBe(3);
    archive.close();
  });

  it('stops reading the body when the time of the fetch is up, and says so', async () => {
    const { archive, run } = fetchFeed(60_000);
    const r = await run;
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.diagnostics.map((d) => d.message).join('\n')).toMatch(/time limit reached/);
    expect(archive.stats().entries).toBe(0);
    archive.close();
  });
});
