import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalUrl, entryId, entryKey, statusIdFromUrl } from './entry-id.js';
import { decodeBytes, encodingFor, firstInvalidByte } from './charset.js';
import { toIsoDate } from './dates.js';
import { lineAt, linesAt } from './diagnostics.js';
import { decodeEntities } from './entities.js';
import { htmlToLines, htmlToText } from './html-text.js';

describe('canonicalUrl', () => {
  it.each([
    ['https://WWW.Example.JP/a?utm_source=x&id=3#top', 'https://www.example.jp/a?id=3'],
    ['https://example.jp/a?fbclid=1&gclid=2', 'https://example.jp/a'],
    ['http://example.jp:80/a', 'http://example.jp/a'],
    [
      'https://twitter.com/ReutersJapan/status/123?ref_src=twsrc',
      'https://x.com/ReutersJapan/status/123',
    ],
    ['/rel', null],
    ['mailto:a@example.jp', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalUrl(raw)).toBe(expected);
  });

  it('resolves relative URLs against a base', () => {
    expect(canonicalUrl('../b?utm_medium=rss', 'https://example.jp/x/y/')).toBe(
      'https://example.jp/x/b',
    );
  });
});

describe('entry ids', () => {
  it('finds status ids in twitter.com and x.com URLs only', () => {
    expect(statusIdFromUrl('https://x.com/nhk_news/status/1748000000000000001')).toEqual({
      handle: 'nhk_news',
      id: '1748000000000000001',
    });
    expect(statusIdFromUrl('https://mobile.twitter.com/a/statuses/5')).toEqual({
      handle: 'a',
      id: '5',
    });
    expect(statusIdFromUrl('https://example.jp/a/status/5')).toBeNull();
  });

  it('derives keys from status id, canonical URL or normalised text', () => {
    expect(entryKey({ statusId: '42' })).toBe('x:42');
    expect(entryKey({ url: 'https://Example.jp/a?utm_medium=rss#x' })).toBe(
      'url:https://example.jp/a',
    );
    expect(entryKey({ url: 'ftp://example.jp/a' })).toMatch(/^text:/);
    expect(entryId({ text: 'ＮＡＴＯ 首脳\n会議' })).toBe(entryId({ text: 'nato首脳会議' }));
    expect(entryId({ statusId: '42' })).toMatch(/^[0-9a-f]{16}$/);
    expect(entryId({ url: 'https://example.jp/a?utm_source=x' })).toBe(
      entryId({ url: 'https://EXAMPLE.jp/a#frag' }),
    );
  });
});

describe('decodeEntities', () => {
  it('decodes named and numeric references and leaves unknown ones', () => {
    expect(decodeEntities('&lt;b&gt; &#x3042;&#12354;&hellip;&mdash;&unknown;')).toBe(
      '<b> ああ…—&unknown;',
    );
  });
  it('turns out-of-range code points into U+FFFD', () => {
    expect(decodeEntities('&#xD800;&#1114112;&#0;')).toBe('\ufffd\ufffd\ufffd');
  });
});

describe('htmlToLines', () => {
  it('breaks lines at blocks and <br>, paragraphs with one empty line', () => {
    expect(htmlToLines('<p>一行目<br>二行目</p><p>&lt;次&gt;</p>')).toEqual([
      '一行目',
      '二行目',
      '',
      '<次>',
    ]);
    expect(htmlToLines('a<br><br>b')).toEqual(['a', '', 'b']);
  });
  it('drops scripts, styles and comments even when they contain tags', () => {
    expect(htmlToText('a<script>if (x<y) "</p>"</script><style>p{}</style><!-- c -->b')).toBe('ab');
  });
  it('survives unclosed tags, stray < and truncated markup', () => {
    expect(htmlToText('3 < 4 <b>太字 <i>斜体')).toBe('3 < 4 太字 斜体');
    expect(htmlToText('<p>途中で<a href="x')).toBe('途中で<a href="x');
    expect(htmlToText('<![CDATA[<生>]]>')).toBe('<生>');
  });
  it('never throws and never returns blank edge lines', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const lines = htmlToLines(s);
        expect(lines[0]).not.toBe('');
        expect(lines[lines.length - 1]).not.toBe('');
      }),
    );
  });
});

describe('toIsoDate', () => {
  it.each([
    ['Thu, 18 Jan 2024 09:00:00 +0900', '2024-01-18T09:00:00+09:00'],
    ['18 Jan 2024 09:00 JST', '2024-01-18T09:00:00+09:00'],
    ['Thu, 18 Jan 2024 00:00:00 GMT', '2024-01-18T00:00:00Z'],
    ['2024-01-18T09:00:00.123+09:00', '2024-01-18T09:00:00+09:00'],
    ['2024-01-18', '2024-01-18'],
    ['2024/01/18 09:00', '2024-01-18T09:00:00'],
    ['2024年1月18日', '2024-01-18'],
    ['January 18, 2024', '2024-01-18'],
    ['01/18/2024 09:00:00 PM', '2024-01-18T21:00:00'],
    ['2024-02-30', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(toIsoDate(raw)).toBe(expected);
  });
  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => void toIsoDate(s)));
  });
});

describe('decodeBytes', () => {
  const sjis = Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]); // テスト
  const euc = Buffer.from([0xa5, 0xc6, 0xa5, 0xb9, 0xa5, 0xc8]); // テスト
  it('sniffs Shift_JIS and EUC-JP', () => {
    expect(decodeBytes(sjis, { file: 'a' })).toMatchObject({
      text: 'テスト',
      encoding: 'shift_jis',
      source: 'sniffed',
    });
    expect(decodeBytes(euc, { file: 'a' })).toMatchObject({
      text: 'テスト',
      encoding: 'euc-jp',
      source: 'sniffed',
    });
  });
  it('trusts a BOM, then the HTTP charset', () => {
    expect(
      decodeBytes(Buffer.from('\ufeffあ'), { file: 'a', httpCharset: 'shift_jis' }),
    ).toMatchObject({ text: 'あ', source: 'bom' });
    expect(decodeBytes(sjis, { file: 'a', httpCharset: 'Windows-31J' })).toMatchObject({
      text: 'テスト',
      source: 'http',
    });
  });
  it('overrides a wrong declaration with a warning naming the byte', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?>'), sjis]);
    const r = decodeBytes(bytes, { file: 'f.xml' });
    expect(r.encoding).toBe('shift_jis');
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', file: 'f.xml', byteOffset: 38 });
    expect(r.diagnostics[0]?.message).toMatch(/^ingest: declared charset utf-8/);
  });
  it('reports unknown labels and undecodable bytes', () => {
    const r = decodeBytes(Buffer.from([0x61, 0x62, 0xff, 0xff, 0xff, 0x63]), {
      file: 'x',
      httpCharset: 'klingon',
    });
    expect(r.source).toBe('fallback');
    expect(r.diagnostics.map((d) => d.byteOffset)).toContain(2);
    expect(r.text).toContain('\ufffd');
  });
  it('knows the labels Japanese sites use', () => {
    expect(encodingFor('cp932')).toBe('shift_jis');
    expect(encodingFor('x-euc-jp')).toBe('euc-jp');
    expect(encodingFor('nope')).toBeNull();
    expect(firstInvalidByte(Buffer.from('abc'), 'utf-8')).toBe(3);
  });
});

describe('lines', () => {
  it('maps offsets to 1-based lines', () => {
    expect(lineAt('a\nb\nc', 4)).toBe(3);
    expect(linesAt('a\nb\nc\nd', [0, 2, 3, 6])).toEqual([1, 2, 2, 4]);
  });
});

describe('normaliseLong', () => {
  it('normalises long texts piece by piece, in linear time', async () => {
    const { normaliseLong } = await import('./normalise-long.js');
    const text = 'ＮＡＴＯ首脳 ゼレンスキー\n'.repeat(5000);
    const started = performance.now();
    expect(normaliseLong(text)).toBe('nato首脳 ゼレンスキ\n'.repeat(5000));
    expect(normaliseLong('😀'.repeat(3000))).toBe('😀'.repeat(3000));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
