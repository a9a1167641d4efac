import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { exampleDay, sampleDays } from '../../../test/fixtures/digest-days.js';
import { normaliseForMatch } from '../../text/index.js';
import { entryView } from '../digest-day.js';
import { buildSearchSegment, searchKeys, shardOfKey, type SearchDoc } from './search-index.js';
import { searchScript } from './search-script.js';

/** The pure parts of assets/search.js, as a browser runs them. */
interface ClientSearch {
  normalise(text: string): string;
  termKeys(term: string): number[];
  shardOf(key: number, shards: number): number;
  readShard(bytes: Uint8Array): { docs(key: number): number[] };
}

function clientSearch(): ClientSearch {
  const context: { kirinukiSearch?: ClientSearch } = {};
  runInNewContext(searchScript, context);
  if (!context.kirinukiSearch) throw new Error('search.js set no kirinukiSearch');
  return context.kirinukiSearch;
}

const client = clientSearch();

// Units the normaliser treats specially, and ordinary ones around them.
const TRICKY = [...'アイウエオァィゥェォヴバーｰ〜～~―‐−・･=＝ＮＡＴＯnato露朝停戦ハリコフゔ 　ｶﾞ'];
const trickyText = fc.array(fc.constantFrom(...TRICKY), { maxLength: 12 }).map((a) => a.join(''));

describe('assets/search.js normalises a query as the index was normalised', () => {
  it('equals normaliseForMatch on texts of the units that fold', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        expect(client.normalise(text)).toBe(normaliseForMatch(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('equals normaliseForMatch on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(client.normalise(text)).toBe(normaliseForMatch(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('looks a term up by the same keys and shards the index files it under', () => {
    fc.assert(
      fc.property(trickyText, fc.integer({ min: 1, max: 256 }), (text, shards) => {
        const term = normaliseForMatch(text).replace(/\s/g, '');
        if (term === '') return;
        const indexed = new Set(searchKeys(term));
        for (const key of client.termKeys(term)) {
          expect(indexed).toContain(key);
          expect(client.shardOf(key, shards)).toBe(shardOfKey(key, shards));
        }
      }),
    );
  });
});

function docsOf(days = sampleDays()): SearchDoc[] {
  return days.flatMap((d) =>
    d.entries.map((e) => {
      const view = entryView(e);
      return {
        day: d.day,
        anchor: `e-${e.id}`,
        title: view.headline,
        author: view.authorName ?? '',
        tags: view.tags.join(' '),
        lines: e.summaries.map((s) => s.raw).join('\n'),
        text: [e.post?.text ?? '', ...e.body, ...e.summaries.map((s) => s.raw)].join('\n'),
      };
    }),
  );
}

const LINKS = /https?:\/\/\S+|pic\.twitter\.com\/\S+/g;

/** What the client finds for a query in one segment: the documents holding every term. */
function clientFinds(segment: ReturnType<typeof buildSearchSegment>, query: string): number[] {
  const shards = segment.shards.map((s) => client.readShard(s));
  let found: number[] | null = null;
  for (const term of client
    .normalise(query)
    .split(/\s+/)
    .filter((t) => t !== ''))
    for (const key of client.termKeys(term)) {
      const docs = shards[client.shardOf(key, shards.length)]?.docs(key) ?? [];
      found = found === null ? docs : found.filter((d) => docs.includes(d));
    }
  return found ?? [];
}

/** The documents whose normalised text (links left out) holds the normalised query. */
function truth(docs: readonly SearchDoc[], query: string): number[] {
  const q = normaliseForMatch(query);
  return docs.flatMap((d, i) =>
    normaliseForMatch(d.text.replace(LINKS, ' ')).includes(q) ? [i] : [],
  );
}

describe('buildSearchSegment', () => {
  const docs = docsOf();
  const segment = buildSearchSegment(docs);

  it('lists its documents for the results: day, anchor, title, author, tags, summary lines', () => {
    const table = JSON.parse(segment.docsJson) as string[][];
    expect(table).toHaveLength(docs.length);
    expect(table[0]).toEqual([
      docs[0]?.day,
      docs[0]?.anchor,
      docs[0]?.title,
      docs[0]?.author,
      docs[0]?.tags,
      docs[0]?.lines,
    ]);
  });

  it('finds exactly the entries holding a query of one or two characters (露, 停戦, ハリ …)', () => {
    for (const query of ['露', '停戦', 'ハリ', 'コフ', '朝', '墜', 'ヴォ', 'ｼｬ', 'Ｎａ']) {
      const expected = truth(docs, query);
      expect(expected.length, query).toBeGreaterThan(0);
      expect(clientFinds(segment, query), query).toEqual(expected);
    }
  });

  it('finds exactly the entries holding any one or two characters of their text', () => {
    const texts = docs.map((d) => normaliseForMatch(d.text.replace(LINKS, ' ')));
    fc.assert(
      fc.property(
        fc.nat({ max: texts.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 2 }),
        (doc, at, length) => {
          const text = texts[doc] ?? '';
          const start = at % Math.max(1, text.length - length);
          const query = text.slice(start, start + length);
          if (query.length !== length || /\s/.test(query)) return;
          const expected = truth(docs, query);
          expect(expected).toContain(doc);
          expect(clientFinds(segment, query)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('finds a longer word wherever it stands, with every entry holding it (AND of its pairs)', () => {
    for (const query of ['ハリコフ', '凍結資産', 'ＮＡＴＯ', 'ホルヴァト', '停戦 モスクワ']) {
      const found = clientFinds(segment, query);
      const all = query.split(' ').map((t) => truth(docs, t));
      const expected = (all[0] ?? []).filter((i) => all.every((list) => list.includes(i)));
      expect(expected.length, query).toBeGreaterThan(0);
      for (const i of expected) expect(found, query).toContain(i);
    }
  });

  it('spreads a large month over several shards, each key in the shard the client asks', () => {
    const many = Array.from({ length: 6 }, () => docsOf()).flat();
    const big = buildSearchSegment(many);
    expect(big.shards.length).toBeGreaterThan(1);
    expect(clientFinds(big, '停戦')).toEqual(truth(many, '停戦'));
  });

  it('holds up on the real example day as on the samples', () => {
    const day = exampleDay();
    if (day === null) return;
    const real = docsOf([day]);
    const seg = buildSearchSegment(real);
    for (const query of ['露', '停戦', 'ナワ', '凍結', 'ゼレンスキー'])
      expect(clientFinds(seg, query), query).toEqual(truth(real, query));
  });
});
