/**
 * Feeds built to be expensive. The salvage path found items with a pattern that rescanned to
 * the end for every `<item ` without a `>` (1 MB: 67 s, quadratic); descriptions went through
 * the backtracking HTML pattern (`a<b` × N); one 99 MB item went whole into the archive (8 min,
 * 3 GB), and nothing stopped at a fetch's time limit. Each case here is generated at a size the
 * old code needed minutes or hours for.
 */
import { parseFeed } from 'feedsmith';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBytes } from '../import-bytes.js';
import { extractFeed } from './extract-feed.js';
import { channelOf } from './feed-items.js';
import { salvageFeed } from './salvage.js';
import { unclosedMarkupAt } from './unclosed-markup.js';

const HEAD = '<rss version="2.0"><channel><title>テスト</title>';
const item = (n: number, extra = ''): string =>
  `<item><title>記事${n}</title><link>https://e.jp/${n}</link>${extra}</item>`;

// The salvage reader as it was: the reference on short feeds, where its patterns are fast.
function patternSalvage(xml: string): { titles: string[]; problems: [string, number][] } {
  const root = /<(rss|feed|rdf:RDF)\b[^>]*>/i.exec(xml);
  if (!root) return { titles: [], problems: [] };
  const open = `${root[0]}<channel><title>-</title>`;
  const titles: string[] = [];
  const problems: [string, number][] = [];
  for (const m of xml.matchAll(
    /<(item|entry)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|(?=<(?:item|entry)\b)|$)/gi,
  )) {
    const line = xml.slice(0, m.index).split('\n').length;
    const closed = new RegExp(`</${m[1]}\\s*>$`, 'i').test(m[0]);
    let parsed: string | undefined;
    try {
      parsed = closed
        ? channelOf(parseFeed(`${open}${m[0]}</channel></rss>`)).items[0]?.title
        : undefined;
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) titles.push(parsed);
    else problems.push([closed ? 'malformed' : 'truncated', line]);
  }
  return { titles, problems };
}

describe('the salvage path', () => {
  const piece = fc.oneof(
    fc.nat(99).map((n) => item(n)),
    fc.nat(99).map((n) => `<item><title>壊${n}</titl></item>`),
    fc.nat(99).map((n) => `<item><title>途中${n}`),
    fc.constantFrom('\n', ' ', '<description>x</description>'),
  );
  const feed = fc.array(piece, { maxLength: 12 }).map((p) => `${HEAD}\n${p.join('')}<broken`);

  it('finds the items the pattern found, 64 to a parse, each bad one on its line', () => {
    fc.assert(
      fc.property(feed, (xml) => {
        const want = patternSalvage(xml);
        const got = salvageFeed(xml, 'f.xml');
        expect(got.channel?.items.map((i) => i.title)).toEqual(want.titles);
        expect(
          got.diagnostics.map((d) => [
            /truncated/.test(d.message) ? 'truncated' : 'malformed',
            d.line,
          ]),
        ).toEqual(want.problems);
      }),
      { numRuns: 300 },
    );
  });

  it('maps each item of a large batch back to its line', () => {
    const lines = Array.from({ length: 200 }, (_, n) =>
      n === 137 ? '<item><title>壊</titl></item>' : item(n),
    );
    const { entries, diagnostics } = extractFeed(`${HEAD}\n${lines.join('\n')}\n<broken`, 'f.xml');
    expect(entries).toHaveLength(199);
    expect(entries[137]?.origin?.url).toBe('https://e.jp/138');
    expect(diagnostics.slice(1)).toEqual([
      expect.objectContaining({
        message: 'ingest: feed item is malformed XML; skipped',
        line: 139,
      }),
    ]);
  });

  it('reads `<item ` without a `>` to 10 MB in one pass', () => {
    const xml = HEAD + '<item '.repeat(1_700_000);
    const { entries, diagnostics } = extractFeed(xml, 'f.xml');
    expect(entries).toEqual([]);
    expect(diagnostics.map((d) => d.message)).toEqual([
      expect.stringMatching(/^ingest: feed could not be parsed .*; reading item by item$/),
    ]);
  });

  it('reads at most 1,000 items of a broken feed, saying so', () => {
    const xml = `${HEAD}${'<item><title>x</titl></item>'.repeat(1_500)}`;
    const { diagnostics } = extractFeed(xml, 'f.xml');
    expect(diagnostics.map((d) => d.message)).toContain(
      'ingest: feed has more than 1,000 items; read the first 1,000',
    );
    expect(diagnostics.filter((d) => /malformed/.test(d.message))).toHaveLength(1_000);
  });

  it('tells empty items from malformed ones', () => {
    const xml = `${HEAD}${item(1)}<item><x/></item><item/>${item(2)}<broken`;
    const { entries, diagnostics } = extractFeed(xml, 'f.xml');
    expect(entries.map((e) => e.origin?.title)).toEqual(['記事1', '記事2']);
    expect(diagnostics.slice(1).map((d) => [d.severity, d.message])).toEqual([
      ['warning', 'ingest: feed item is empty; skipped'],
      ['warning', 'ingest: feed item is empty; skipped'],
    ]);
  });
});

describe('markup that does not close in turn', () => {
  const wellFormed = fc
    .array(
      fc.constantFrom(
        item(1), '<item><title a="x>y" b=\'<\'>t</title></item>', '<!-- <item> -->',
        '<description><![CDATA[<p>a<b</p>]]></description>', '<?pi x="?>"?>', '&lt;&amp;', 'text',
        '\n', '<x/>', '<description>&lt;p&gt;a&lt;/p&gt;</description>',
      ),
      { maxLength: 10 },
    )
    .map((p) => `<?xml version="1.0"?><!DOCTYPE rss [ <!ENTITY e "v"> ]>${HEAD}${p.join('')}</channel></rss>`); // prettier-ignore

  it('is never found in well-formed XML, which the parser still reads', () => {
    fc.assert(
      fc.property(wellFormed, (xml) => {
        expect(unclosedMarkupAt(xml)).toBeNull();
        expect(extractFeed(xml, 'f.xml').diagnostics).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('is found where it begins', () => {
    expect(unclosedMarkupAt('<rss><description>a<b</description></rss>')).toBe(19);
    expect(unclosedMarkupAt('<rss><!-- x')).toBe(5);
    expect(unclosedMarkupAt('<rss><![CDATA[x')).toBe(5);
    expect(unclosedMarkupAt('<rss a="<">')).toBeNull();
  });

  // Each took the parser beneath feedsmith quadratic time: 100 KB of `<` in a description, 10 s.
  // A comment or CDATA section that never closes runs to the end, the second item with it.
  it.each([
    ['<', 2],
    ['a<b', 2],
    ['<?', 2],
    ['<a "', 2],
    ['<!--', 1],
    ['<![CDATA[', 1],
  ])('reads %j repeated to 10 MB in a description in one pass', (unit, found) => {
    const raw = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const xml = `${HEAD}${item(1)}<item><title>x</title><description>${raw}</description></item>${item(2)}</channel></rss>`;
    const { entries, diagnostics } = extractFeed(xml, 'f.xml');
    expect(entries.map((e) => e.origin?.title)).toEqual(['記事1', '記事2'].slice(0, found));
    expect(diagnostics[0]?.message).toMatch(/is not closed\); reading item by item$/);
  });
});

describe('what one feed can cost', () => {
  it('reads a description of `a<b` ten million characters long once, up to the cap', () => {
    const xml = `${HEAD}<item><link>https://e.jp/1</link><description>${'a&lt;b'.repeat(1_700_000)}</description></item></channel></rss>`;
    const { entries, diagnostics } = extractFeed(xml, 'f.xml');
    expect(entries[0]?.body.join('')).toBe('a<b'.repeat(1_700_000).slice(0, 100_000));
    expect(diagnostics[0]?.message).toMatch(/text longer than 100,000 characters/);
  });

  it('keeps the first 100,000 characters of a 30 MB item and says what was cut', () => {
    const text = '<p>ロシア軍はウクライナ東部で攻勢を強めている。</p>'.repeat(1_000_000);
    const xml = `${HEAD}<item><title>${'長'.repeat(5_000)}</title><link>https://e.jp/1</link><description><![CDATA[${text}]]></description></item></channel></rss>`;
    const { entries, diagnostics } = extractFeed(Buffer.from(xml), 'big.xml');
    expect(entries[0]?.body.join('').length).toBe(100_000);
    expect(entries[0]?.origin?.title).toBe('長'.repeat(1_000));
    expect(diagnostics.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'ingest: feed item 1 (https://e.jp/1): title longer than 1,000 characters; cut there',
      ],
      [
        'warning',
        `ingest: feed item 1 (https://e.jp/1): text longer than 100,000 characters (its HTML has ${text.length.toLocaleString('en-US')}); kept the first 100,000`,
      ],
    ]);
  });

  it('reads at most 5,000 items of a feed, saying so', () => {
    const xml = `${HEAD}${Array.from({ length: 6_000 }, (_, n) => item(n)).join('')}</channel></rss>`;
    const { entries, diagnostics } = extractFeed(xml, 'f.xml');
    expect(entries).toHaveLength(5_000);
    expect(diagnostics.map((d) => d.message)).toEqual([
      'ingest: feed has 6,000 items; read the first 5,000',
    ]);
  });

  it('reads no item once the deadline has passed, saying how many were left', () => {
    const xml = `${HEAD}${item(1)}${item(2)}${item(3)}</channel></rss>`;
    const late = extractFeed(xml, 'f.xml', { deadline: Date.now() - 1 });
    expect(late.entries).toEqual([]);
    expect(late.diagnostics.map((d) => d.message)).toEqual([
      'ingest: time limit reached; 3 of 3 feed items not read',
    ]);
    const broken = extractFeed(`${xml}<broken`, 'f.xml', { deadline: Date.now() - 1 });
    expect(broken.diagnostics[1]?.message).toBe(
      'ingest: time limit reached; 3 of 3 feed items from line 1 on not read',
    );
    const imported = importBytes('f.xml', Buffer.from(xml), { deadline: Date.now() - 1 });
    expect(imported.entries).toEqual([]);
    expect(extractFeed(xml, 'f.xml', { deadline: Date.now() + 60_000 }).entries).toHaveLength(3);
  });
});
