import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entryId } from '../shared/index.js';
import { articleFromJsonLd, extractArticle } from './index.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../test/fixtures/ingest/article/${name}`, import.meta.url));

describe('extractArticle', () => {
  const url = 'https://www.example-nippo.jp/world/20240120-g7?from=top';

  it('finds the main text and the metadata of a news page', () => {
    const { entries, diagnostics } = extractArticle(fixture('news.html.txt'), 'news.html', { url });
    expect(diagnostics).toEqual([]);
    const entry = entries[0];
    expect(entry?.id).toBe(entryId({ url: 'https://www.example-nippo.jp/world/20240120-g7' }));
    expect(entry?.origin).toEqual({
      kind: 'article',
      url: 'https://www.example-nippo.jp/world/20240120-g7',
      title: 'G7財務相、ウクライナへの500億ドル融資で合意',
      outlet: '例日報',
      author: '国際部 山田花子',
      published: '2024-01-20T19:30:00+09:00',
    });
    expect(entry?.body.join('\n')).toContain('500億ドルを融資する枠組み');
    expect(entry?.body.join('\n')).not.toMatch(/関連記事|トップ|© 例日報/);
  });

  it('decodes a Shift_JIS page by its meta charset', () => {
    const { entries } = extractArticle(fixture('news-shift_jis.html.txt'), 'sjis.html', { url });
    expect(entries[0]?.origin?.title).toBe('G7財務相、ウクライナへの500億ドル融資で合意');
    expect(entries[0]?.body.join('')).toContain('凍結したロシア中央銀行の資産');
  });

  it('keeps the visible text of a page without an article, with a warning', () => {
    const { entries, diagnostics } = extractArticle(fixture('no-article.html.txt'), 'login.html');
    expect(entries[0]?.body).toContain('会員限定です。');
    expect(diagnostics[0]).toMatchObject({ severity: 'warning', file: 'login.html' });
  });

  it('reports malformed JSON-LD and still reads the page', () => {
    const html = fixture('news.html.txt').toString('utf8').replace('"@graph"', '"@graph" oops');
    const r = extractArticle(html, 'bad-ld.html', { url });
    expect(r.diagnostics[0]?.message).toMatch(/^ingest: malformed JSON-LD/);
    expect(r.entries[0]?.origin?.published).toBeUndefined();
  });

  it('handles empty, truncated, binary and huge pages', () => {
    expect(extractArticle('', 'e.html').diagnostics[0]?.message).toBe('ingest: page is empty');
    const html = fixture('news.html.txt').toString('utf8');
    expect(extractArticle(html.slice(0, html.length / 2), 'cut.html').entries).toHaveLength(1);
    expect(() =>
      extractArticle(Buffer.from([0x00, 0xff, 0x3c, 0x70, 0x3e]), 'bin.html'),
    ).not.toThrow();
    const huge = `<html><body>${'<div><p>段落です。</p></div>'.repeat(50_000)}</body></html>`;
    const r = extractArticle(huge, 'huge.html', { maxChars: 200_000 });
    expect(r.diagnostics[0]?.message).toMatch(/cut/);
    expect(r.entries).toHaveLength(1);
  });
});

describe('articleFromJsonLd', () => {
  it('prefers an article type over WebPage and follows @graph', () => {
    expect(
      articleFromJsonLd([
        {
          '@graph': [
            { '@type': 'WebPage', name: 'page' },
            { '@type': ['NewsArticle'], headline: 'h', author: ['a', { name: 'b' }] },
          ],
        },
      ]),
    ).toMatchObject({ headline: 'h', author: 'a、b' });
    expect(articleFromJsonLd([42, null, 'x'])).toBeUndefined();
  });
});
