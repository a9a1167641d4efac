import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PostSchema } from '../../model/index.js';
import { entryId } from '../shared/index.js';
import {
  analysePostText,
  dateFromStatusId,
  extractEmbeds,
  extractOembed,
  oembedUrl,
} from './index.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/ingest/embed/${name}`, import.meta.url), 'utf8');

describe('extractEmbeds', () => {
  const { entries, diagnostics } = extractEmbeds(
    fixture('mixed-paste.html.txt'),
    'mixed-paste.html',
  );

  it('reads each embed, bare status URL and paragraph of text in order', () => {
    expect(entries.map((e) => e.origin?.kind)).toEqual([
      'paste',
      'embed',
      'embed',
      'embed',
      'paste',
      'paste',
    ]);
  });

  it('builds a post laid out like a clip document', () => {
    const post = entries[1]?.post;
    expect(post && PostSchema.parse(post)).toMatchObject({
      headLines: ['【速報】ヘルソン州でロシア軍の砲撃、市民3人死亡'],
      attribution: '— NHKニュース (@nhk_news) January 20, 2024',
      tailLines: [
        '州知事が明らかにしました。住宅地と市場に被害… https://t.co/Qw3rTy12Ab #nhk_news',
      ],
      text: '【速報】ヘルソン州でロシア軍の砲撃、市民3人死亡\n州知事が明らかにしました。住宅地と市場に被害…',
      links: ['https://t.co/Qw3rTy12Ab'],
      hashtags: ['nhk_news'],
      handle: 'nhk_news',
      authorName: 'NHKニュース',
      date: '2024-01-20',
      truncated: true,
    });
    expect(entries[1]?.id).toBe(entryId({ statusId: '1748000000000000001' }));
    expect(entries[1]?.origin?.url).toBe('https://x.com/nhk_news/status/1748000000000000001');
  });

  it('reads Japanese embed dates and keeps pic.twitter.com links', () => {
    expect(entries[2]?.post).toMatchObject({
      date: '2024-01-21',
      links: ['https://t.co/ZxCvBn98Uu', 'pic.twitter.com/PicPic0001'],
      truncated: false,
    });
  });

  it('turns a bare status URL into an entry with the status id', () => {
    expect(entries[3]).toMatchObject({
      id: entryId({ statusId: '1748300000000000003' }),
      post: null,
      body: ['https://x.com/ReutersJapan/status/1748300000000000003'],
    });
  });

  it('keeps an unreadable embed as text and names its line', () => {
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', file: 'mixed-paste.html', line: 8 }),
    ]);
    expect(entries[5]?.body[0]).toContain('帰属行のない壊れた埋め込み');
  });

  it('falls back to the status id for a date it cannot read', () => {
    const html =
      '<blockquote class="twitter-tweet"><p>本文</p>&mdash; A (@a) <a href="https://twitter.com/a/status/1747871244170555421">someday</a></blockquote>';
    expect(extractEmbeds(html, 'p').entries[0]?.post?.date).toBe('2024-01-18');
  });

  it('reads a truncated embed when its attribution survived, with a warning', () => {
    const html = fixture('mixed-paste.html.txt').split('<script')[0] ?? '';
    const cut = html.replace('</blockquote>', '');
    const r = extractEmbeds(cut, 'cut.html');
    expect(r.entries.some((e) => e.post?.handle === 'nhk_news')).toBe(true);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', line: 3 });
  });

  it('reads only the embeds of a whole web page, not its markup', () => {
    const page = `<!DOCTYPE html><html><head><title>ブログ</title><script>var x=1;</script></head><body><nav>メニュー</nav>\n\n${fixture('mixed-paste.html.txt')}\n\n<footer>著作権</footer></body></html>`;
    const read = extractEmbeds(page, 'page.html');
    expect(read.entries.map((e) => e.origin?.kind)).toEqual(['embed', 'embed']);
    expect(read.entries.flatMap((e) => e.body).join('')).not.toContain('<');
  });

  it('handles empty, huge and binary input without throwing', () => {
    expect(extractEmbeds('', 'e').entries).toEqual([]);
    const many = Array.from(
      { length: 2000 },
      (_, i) =>
        `<blockquote class="twitter-tweet"><p>投稿${i}</p>&mdash; A (@a) <a href="https://twitter.com/a/status/${1747871244170555421n + BigInt(i)}">January 18, 2024</a></blockquote>`,
    ).join('\n');
    expect(extractEmbeds(many, 'big').entries).toHaveLength(2000);
    expect(() =>
      extractEmbeds('\u0000\ufffd<blockquote class="twitter-tweet">', 'bin'),
    ).not.toThrow();
  });
});

describe('extractOembed', () => {
  it('reads the embed HTML inside oEmbed JSON', () => {
    const r = extractOembed(fixture('oembed.json.txt'), 'oembed.json');
    expect(r.entries[0]?.post).toMatchObject({ handle: 'ReutersJapan', date: '2024-01-21' });
  });
  it('falls back to the status URL, and reports malformed JSON', () => {
    expect(
      extractOembed('{"url":"https://twitter.com/a/status/1747871244170555421"}', 'o').entries[0]
        ?.post,
    ).toBeNull();
    expect(extractOembed('{"html": "<blockq', 'o.json').diagnostics[0]?.message).toMatch(
      /^ingest: oEmbed JSON is malformed/,
    );
    expect(extractOembed('[1,2]', 'o.json').diagnostics[0]?.message).toMatch(
      /no post embed|not an object/,
    );
  });
  it('builds the oEmbed endpoint URL', () => {
    expect(oembedUrl('https://x.com/a/status/1')).toBe(
      'https://publish.twitter.com/oembed?omit_script=1&url=https%3A%2F%2Fx.com%2Fa%2Fstatus%2F1',
    );
  });
});

describe('post text', () => {
  it('separates links and trailing hashtags', () => {
    expect(analysePostText(['速報 #ウクライナ #NATO'])).toEqual({
      text: '速報',
      links: [],
      hashtags: ['ウクライナ', 'NATO'],
      truncated: false,
    });
  });
  it('reads dates from snowflake ids', () => {
    expect(dateFromStatusId('1747871244170555421')).toBe('2024-01-18');
    expect(dateFromStatusId('12345')).toBeUndefined();
    expect(dateFromStatusId('abc')).toBeUndefined();
  });
});
