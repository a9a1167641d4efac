import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/fixtures/ingest/test-server.js';
import { openSqliteArchive } from '../archive/index.js';
import { fetchIntoArchive } from './fetch-into-archive.js';

const STATUS_URL = 'https://x.com/kita_test/status/1792345678901234567';
const EMBED =
  '<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">北部州都の変電所に無人機攻撃、約3万世帯が停電 <a href="https://t.co/Kita0000002">https://t.co/Kita0000002</a></p>&mdash; 北日本ニュース (@kita_test) <a href="https://twitter.com/kita_test/status/1792345678901234567?ref_src=twsrc%5Etfw">May 20, 2024</a></blockquote>';

let server: Awaited<ReturnType<typeof startTestServer>>;
const asked: string[] = [];
beforeAll(async () => {
  server = await startTestServer({
    '/oembed': (req, res) => {
      asked.push(new URL(req.url ?? '/', 'http://x').searchParams.get('url') ?? '');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ url: STATUS_URL, author_name: '北日本ニュース', html: EMBED }));
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
