import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryId } from '../shared/index.js';
import { extractFeed } from './index.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../test/fixtures/ingest/feed/${name}`, import.meta.url));

describe('extractFeed', () => {
  it('reads RSS 2.0: relative links resolved, tracking stripped, HTML made text, dates kept local', () => {
    const { entries, diagnostics } = extractFeed(fixture('rss2.xml'), 'rss2.xml');
    expect(diagnostics).toEqual([]);
    expect(entries[0]).toEqual({
      id: entryId({ url: 'https://news.example.jp/articles/boj-0113' }),
      post: null,
      bodyKind: 'article',
      body: [
        '日銀は13日の金融政策決定会合で、短期金利の誘導目標を0.5%程度に引き上げた。',
        '賃上げの広がりを重視した。',
      ],
      summaries: [],
      origin: {
        kind: 'feed',
        url: 'https://news.example.jp/articles/boj-0113',
        title: '日銀、政策金利を0.5%に引き上げ',
        outlet: '例ニュース & 解説',
        author: '経済部',
        published: '2024-01-13T15:30:00+09:00',
      },
    });
    expect(entries[1]?.body).toEqual([
      '12日午前10時すぎ、能登地方を震源とする地震があった。',
      '気象庁によると、津波の心配はない。',
    ]);
    expect(entries[1]?.origin?.url).toBe('https://news.example.jp/articles/quake-0112');
  });

  it.each([
    ['rss091.xml', 'http://old.example.jp/n/1.html', '台湾周辺で中国軍機32機'],
    ['rdf.xml', 'https://blog.example.jp/entry/1', 'NATO、バルト海で演習'],
    [
      'atom.xml',
      'https://atom.example.jp/news/2024/01/18/zaporizhzhia',
      '速報 IAEA、ザポリージャ原発の電源喪失を確認',
    ],
    ['json-feed.json.txt', 'https://json.example.jp/a/1', '捕虜交換、双方95人'],
  ])('reads %s', (name, url, title) => {
    const { entries } = extractFeed(fixture(name), name);
    expect(entries[0]?.origin).toMatchObject({ kind: 'feed', url, title });
    expect(entries[0]?.body.length).toBeGreaterThan(0);
  });

  it('reads Atom xhtml content, authors and dates; JSON Feed text and items without links', () => {
    const atom = extractFeed(fixture('atom.xml'), 'atom.xml').entries[0];
    expect(atom?.body).toEqual(['非常用発電機で冷却を続けている。', '放射線量に異常はない。']);
    expect(atom?.origin).toMatchObject({
      author: '国際部',
      published: '2024-01-18T09:00:00+09:00',
    });
    const json = extractFeed(fixture('json-feed.json.txt'), 'json-feed.json').entries;
    expect(json[0]?.body).toEqual(['ウクライナとロシアは捕虜を交換した。', 'UAEが仲介した。']);
    expect(json[1]).toMatchObject({
      id: entryId({ text: 'タイトルもリンクもない項目' }),
      body: ['タイトルもリンクもない項目'],
    });
  });

  it('decodes Shift_JIS by declaration, EUC-JP by sniffing, and a false UTF-8 declaration', () => {
    const expected = extractFeed(fixture('rss2.xml'), 'rss2.xml').entries;
    expect(extractFeed(fixture('rss2-shift_jis.xml'), 'sjis.xml').entries).toEqual(expected);
    expect(extractFeed(fixture('rss2-euc-jp-undeclared.xml'), 'euc.xml').entries).toEqual(expected);
    const wrong = extractFeed(fixture('rss2-wrong-declaration.xml'), 'wrong.xml');
    expect(wrong.entries).toEqual(expected);
    expect(wrong.diagnostics[0]).toMatchObject({
      severity: 'warning',
      file: 'wrong.xml',
      byteOffset: expect.any(Number),
    });
  });

  it('salvages broken XML item by item, naming the lines', () => {
    const { entries, diagnostics } = extractFeed(fixture('broken.xml'), 'broken.xml');
    expect(entries.map((e) => e.origin?.title)).toEqual(['一つ目は正しい', '三つ目も正しい']);
    expect(entries[0]?.origin?.outlet).toBe('壊れたフィード');
    expect(diagnostics.map((d) => [d.severity, d.line])).toEqual([
      ['error', undefined],
      ['error', 8],
      ['error', 10],
    ]);
    expect(diagnostics[2]?.message).toMatch(/truncated/);
  });

  it('does not expand entities: billion laughs stays small, external entities are refused', () => {
    const started = performance.now();
    const lol = extractFeed(fixture('billion-laughs.xml'), 'lol.xml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(lol).length).toBeLessThan(5000);
    const xxe = extractFeed(fixture('xxe.xml'), 'xxe.xml');
    expect(JSON.stringify(xxe)).not.toMatch(/root:/);
    expect(xxe.diagnostics[0]?.message).toMatch(/^ingest: feed could not be parsed/);
  });

  it('handles empty, non-feed, truncated, binary and huge input', () => {
    expect(extractFeed(new Uint8Array(), 'e.xml').diagnostics[0]?.message).toBe(
      'ingest: feed is empty',
    );
    expect(extractFeed('<html><body>not a feed</body></html>', 'h.xml')).toMatchObject({
      entries: [],
      diagnostics: [{ severity: 'error' }],
    });
    const text = fixture('rss2.xml').toString('utf8');
    const cut = extractFeed(
      text.slice(0, text.indexOf('<item>', text.indexOf('<item>') + 1) + 20),
      'cut.xml',
    );
    expect(cut.entries).toHaveLength(1);
    expect(cut.diagnostics.some((d) => /truncated/.test(d.message))).toBe(true);
    expect(() => extractFeed(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x3c]), 'bin.xml')).not.toThrow();
    const items = Array.from(
      { length: 5000 },
      (_, i) => `<item><title>記事${i}</title><link>https://x.example.jp/${i}</link></item>`,
    ).join('');
    const huge = extractFeed(
      `<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`,
      'huge.xml',
    );
    expect(huge.entries).toHaveLength(5000);
  });

  it('resolves links against the fetch URL when the channel has none', () => {
    const xml =
      '<rss version="2.0"><channel><title>t</title><item><title>a</title><link>a/1</link></item></channel></rss>';
    expect(
      extractFeed(xml, 'f', { baseUrl: 'https://base.example.jp/feeds/' }).entries[0]?.origin?.url,
    ).toBe('https://base.example.jp/feeds/a/1');
  });
});
