import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectImportFormat, importBytes, type ImportFormat } from './index.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url));

describe('detectImportFormat', () => {
  it.each<[string, ImportFormat]>([
    ['embed/mixed-paste.html.txt', 'embed'],
    ['embed/oembed.json.txt', 'oembed'],
    ['feed/rss2.xml', 'feed'],
    ['feed/rdf.xml', 'feed'],
    ['feed/atom.xml', 'feed'],
    ['feed/json-feed.json.txt', 'feed'],
    ['feed/rss2-shift_jis.xml', 'feed'],
    ['feed/billion-laughs.xml', 'feed'],
    ['article/news.html.txt', 'article'],
    ['telegram/result.json.txt', 'telegram'],
    ['blog-archive/hatena.txt', 'movable-type'],
    ['blog-archive/wordpress.xml', 'wxr'],
  ])('%s is %s', (name, format) => {
    expect(detectImportFormat(name, fixture(name))).toBe(format);
  });

  it('treats anything else as a paste', () => {
    expect(detectImportFormat('notes.txt', Buffer.from('今日のメモ'))).toBe('paste');
    expect(detectImportFormat('x.bin', new Uint8Array([0, 1, 2]))).toBe('paste');
    expect(detectImportFormat('s.txt', Buffer.from('https://x.com/a/status/1\n'))).toBe('embed');
  });
});

describe('importBytes', () => {
  it('runs the detected importer', () => {
    const r = importBytes('hatena.txt', fixture('blog-archive/hatena.txt'));
    expect(r.format).toBe('movable-type');
    expect(r.documents).toHaveLength(3);
    expect(
      importBytes('result.json', fixture('telegram/result.json.txt'), {
        channelUrl: 'https://t.me/c',
      }).entries[0]?.origin?.url,
    ).toBe('https://t.me/c/2');
    expect(
      importBytes('news.html', fixture('article/news.html.txt'), {
        baseUrl: 'https://www.example-nippo.jp/x',
      }).entries[0]?.origin?.kind,
    ).toBe('article');
  });

  it('decodes pastes in any Japanese encoding and honours a forced format', () => {
    const sjis = Buffer.from([0x83, 0x65, 0x83, 0x58, 0x83, 0x67]);
    expect(importBytes('memo.txt', sjis).entries[0]?.body).toEqual(['テスト']);
    expect(
      importBytes('feed.xml', fixture('feed/rss2.xml'), { format: 'paste' }).entries,
    ).toHaveLength(1);
  });
});
