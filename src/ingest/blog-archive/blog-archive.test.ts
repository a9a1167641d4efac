import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Document } from '../../model/index.js';
import { htmlToLines } from '../shared/index.js';
import { extractBlogArchive, parseMovableType, parseWxr, postText } from './index.js';

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../../test/fixtures/ingest/blog-archive/${name}`, import.meta.url));

describe('Movable Type (Hatena Blog) exports', () => {
  const r = extractBlogArchive(fixture('hatena.txt'), 'hatena.txt', 'movable-type');

  it('reads each post body as a clip document, with the post date and summary lines', () => {
    expect(
      r.entries.map((e) => [e.post?.handle, e.summaries.map((s) => s.tag), e.origin?.published]),
    ).toEqual([
      ['ReutersJapan', ['ウクライナ経済制裁'], '2024-01-20T21:00:00'],
      ['ReutersJapan', ['ロシア'], '2024-01-22T21:00:00'],
    ]);
    expect(r.entries[0]?.origin).toMatchObject({
      kind: 'blog',
      title: '1月20日のまとめ',
      author: 'curator',
    });
    expect(r.documents.map((d) => d.day)).toEqual(['2024-01-20', '2024-01-22', '2024-01-23']);
    expect(r.documents[0]?.document.parts.map((p) => p.kind)).toEqual(['entry', 'blank', 'tags']);
  });

  it('reports a post without a body and a truncated last post by line, and keeps the rest', () => {
    expect(r.diagnostics.map((d) => [d.severity, d.line])).toEqual([
      ['error', 33],
      ['warning', 54],
      ['warning', 59],
    ]);
    expect(r.diagnostics[0]?.message).toBe(
      'ingest: post "本文のない記事" has no BODY section; skipped',
    );
  });

  it('reports progress per post', () => {
    const seen: [number, number][] = [];
    extractBlogArchive(fixture('hatena.txt'), 'hatena.txt', 'movable-type', {
      onProgress: (d, t) => seen.push([d, t]),
    });
    expect(seen).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('turns a parser crash into a diagnostic for that post only', () => {
    let calls = 0;
    const parseClip = (text: string): { document: Document; diagnostics: [] } => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return {
        document: {
          layout: { bom: false, eol: '\n', finalNewline: false },
          parts: [{ kind: 'raw', lines: [text], reason: 'stub' }],
        },
        diagnostics: [],
      };
    };
    const s = extractBlogArchive(fixture('hatena.txt'), 'hatena.txt', 'movable-type', {
      parseClip,
    });
    expect(s.documents).toHaveLength(2);
    expect(
      s.diagnostics.some(
        (d) =>
          d.message === 'ingest: post "1月20日のまとめ" could not be read: boom' && d.line === 12,
      ),
    ).toBe(true);
  });

  it('handles empty, garbage, wrongly encoded and huge exports', () => {
    expect(extractBlogArchive('', 'e.txt', 'movable-type').diagnostics[0]?.message).toBe(
      'ingest: blog export is empty',
    );
    const garbage = extractBlogArchive('これはMT形式ではない\nただの文章', 'g.txt', 'movable-type');
    expect(garbage.entries).toEqual([]);
    expect(garbage.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    const sjis = new TextEncoder().encode('TITLE: x\n-----\nBODY:\n\xff\n-----\n--------\n');
    expect(() => extractBlogArchive(sjis, 's.txt', 'movable-type')).not.toThrow();
    const post = fixture('hatena.txt').toString('utf8').split('--------\n')[0] + '--------\n';
    const huge = extractBlogArchive(post.repeat(3000), 'big.txt', 'movable-type');
    expect(huge.documents).toHaveLength(3000);
  });

  it('splits headers and sections, keeping newlines where CONVERT BREAKS says so', () => {
    const { posts } = parseMovableType(fixture('hatena.txt').toString('utf8'), 'h');
    expect(posts.map((p) => [p.title, p.newlines, p.url])).toEqual([
      ['1月20日のまとめ', false, undefined],
      ['1月22日のまとめ', true, undefined],
      ['書きかけで切れた記事', true, undefined],
    ]);
    expect(postText({ body: '<p>一行目<br />\n二行目</p>', newlines: false })).toBe(
      '一行目\n二行目',
    );
    expect(postText({ body: '一行目\n\n二行目<br />\n三行目', newlines: true })).toBe(
      '一行目\n\n二行目\n三行目',
    );
  });
});

describe('WordPress WXR', () => {
  it('reads published posts only, with their dates, and reports a truncated item', () => {
    const r = extractBlogArchive(fixture('wordpress.xml'), 'wp.xml', 'wxr');
    expect(r.entries).toHaveLength(1);
    expect(r.entries[0]).toMatchObject({
      summaries: [{ tag: 'ウクライナ軍事支援' }],
      origin: {
        kind: 'blog',
        url: 'https://matome.example.jp/2024/01/24/',
        published: '2024-01-24T21:00:00',
      },
    });
    expect(r.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', line: 32, file: 'wp.xml' }),
    ]);
  });

  it('warns about a file without <rss>', () => {
    expect(parseWxr('<item><title>x</title></item>', 'x.xml').diagnostics[0]?.severity).toBe(
      'warning',
    );
  });
});

describe('line breaks of a post that keeps its newlines', () => {
  // Found by the fuzzer (scripts/fuzz): newlines were replaced by `<br>` in the source before
  // reading, and inside a <title> (read as raw text) or a CDATA section that `<br>` came back
  // as the text "<br>" — markup the export never held.
  it('are breaks inside a <title> and CDATA too, never the text "<br>"', () => {
    const xml = '<item><content:encoded>—(@t) Jan 2,2024\n<title>\n></content:encoded></item>';
    const { entries } = extractBlogArchive(xml, 'w.xml', 'wxr');
    expect(entries.flatMap((e) => e.body).join('\n')).not.toContain('<br>');
    expect(postText({ body: 'a\n<title>b\nc</title>d', newlines: true })).toBe('a\nb\ncd');
    expect(postText({ body: '<![CDATA[x\r\ny]]>', newlines: true })).toBe('x\ny');
  });

  it('read as the `<br>` put in their place was, where that was read as a break', () => {
    const body = fc
      .array(
        fc.constantFrom(
          '一行目',
          '\n',
          '\r\n',
          '<br />\n',
          '<p>',
          '</p>',
          ' ',
          '&amp;',
          '<b>',
          '</b>',
          '<div>',
          '</div>',
          '<script>x\ny</script>',
          '<a href="u\nv">l</a>',
        ),
        { maxLength: 16 },
      ) // prettier-ignore
      .map((a) => a.join(''));
    fc.assert(
      fc.property(body, (b) => {
        const before = htmlToLines(
          b.replace(/<br\s*\/?>[ \t]*\r?\n/gi, '\n').replace(/\r?\n/g, '<br>'),
        ).join('\n');
        expect(postText({ body: b, newlines: true })).toBe(before);
      }),
      { numRuns: 2000 },
    );
  });
});
