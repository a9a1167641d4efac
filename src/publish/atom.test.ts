import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parseAtomFeed } from 'feedsmith';
import { DOMParser } from 'linkedom';
import { afterAll, describe, expect, it } from 'vitest';
import { atomFeedProblems } from '../../test/fixtures/atom/check-atom-feed.js';
import { markup, markupDay, markupTexts } from '../../test/fixtures/atom/markup-day.js';
import { exampleDay, sampleDays } from '../../test/fixtures/digest-days.js';
import { KirinukiError } from '../model/index.js';
import { digestEntryId, nameBasedUuid } from './atom-id.js';
import { renderDigestAtom, type DigestFeed } from './atom.js';
import { documentTags, entryView, type DigestDay } from './digest-day.js';
import { renderDigestHtml } from './html.js';

const feed: DigestFeed = {
  id: 'tag:kirinuki.example,2024:digest',
  title: '切り抜き',
  link: 'https://kirinuki.example/',
  self: 'https://kirinuki.example/feed.xml',
  author: '編集者',
  entryUrl: (d) => `https://kirinuki.example/days/${d.day}.html`,
};
const days = sampleDays();

// RFC 4287's RELAX NG schema (Appendix B), run by Debian's `jing` where it is installed.
const schema = fileURLToPath(new URL('../../test/fixtures/atom/atom.rnc', import.meta.url));
const hasJing = spawnSync('jing', [], { stdio: 'ignore' }).error === undefined;
const work = mkdtempSync(join(tmpdir(), 'kirinuki-atom-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** jing's verdict on a feed: its error lines, none when the feed is valid. */
function jingErrors(xml: string): string[] {
  const file = join(work, `feed-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(file, xml);
  const run = spawnSync('jing', ['-c', schema, file], { encoding: 'utf8' });
  const errors = run.stdout.split('\n').filter((l) => l.includes('error'));
  // jing exits non-zero when the schema or the document is wrong; either must show here.
  return run.status === 0 ? errors : [...errors, `jing exited ${run.status}: ${run.stderr}`];
}

function categoriesOf(day: DigestDay): string[] {
  const terms = documentTags(day);
  for (const e of day.entries)
    for (const t of entryView(e).tags) if (!terms.includes(t)) terms.push(t);
  return terms;
}

describe('renderDigestAtom on the sample days', () => {
  const xml = renderDigestAtom(days, feed);

  it('matches its golden file', async () => {
    await expect(xml).toMatchFileSnapshot('golden/atom-samples.xml');
  });

  it('has every element RFC 4287 requires (checked in TypeScript)', () => {
    expect(atomFeedProblems(xml, { requireSelfLink: true })).toEqual([]);
  });

  it.skipIf(!hasJing)(
    `is valid against RFC 4287's RELAX NG schema (jing${hasJing ? '' : ': not installed, apt-get install jing'})`,
    () => {
      expect(jingErrors(xml)).toEqual([]);
    },
  );

  it('reads back with feedsmith: ids, titles, updated, links, content and categories', () => {
    const parsed = parseAtomFeed(xml);
    expect(parsed.id).toBe(feed.id);
    expect(parsed.title?.value).toBe(feed.title);
    expect(parsed.updated).toBe('2024-03-06T23:59:59+09:00');
    expect(parsed.links?.map((l) => [l.rel, l.href])).toEqual([
      ['alternate', feed.link],
      ['self', feed.self],
    ]);
    expect(parsed.authors?.map((a) => a.name)).toEqual([feed.author]);
    const newestFirst = [...days].reverse();
    expect(parsed.entries?.map((e) => e.id)).toEqual(
      newestFirst.map((d) => digestEntryId(feed.id, d.day)),
    );
    expect(parsed.entries?.map((e) => e.title?.value)).toEqual(newestFirst.map((d) => d.day));
    expect(parsed.entries?.map((e) => e.updated)).toEqual(
      newestFirst.map((d) => `${d.day}T23:59:59+09:00`),
    );
    expect(parsed.entries?.map((e) => e.links?.map((l) => [l.rel, l.href]))).toEqual(
      newestFirst.map((d) => [['alternate', feed.entryUrl(d)]]),
    );
    // feedsmith trims the white space around a text; the fragment ends with a line break.
    expect(parsed.entries?.map((e) => e.content?.value)).toEqual(
      newestFirst.map((d) => renderDigestHtml(d).trim()),
    );
    expect(parsed.entries?.map((e) => e.categories?.map((c) => c.term))).toEqual(
      newestFirst.map(categoriesOf),
    );
  });

  it('gives each day the same id on every run, whatever other days the feed holds', () => {
    const [first, second] = days;
    if (!first || !second) throw new Error('fewer than two sample days');
    const idsOf = (x: string) => parseAtomFeed(x).entries?.map((e) => e.id);
    expect(renderDigestAtom(days, feed)).toBe(xml);
    expect(idsOf(renderDigestAtom([second], feed))).toEqual([digestEntryId(feed.id, second.day)]);
    expect(idsOf(renderDigestAtom([first, second], feed))).toEqual(
      [second, first].map((d) => digestEntryId(feed.id, d.day)),
    );
    // Another feed's entries for the same days have other ids.
    expect(digestEntryId('https://other.example/feed', first.day)).not.toBe(
      digestEntryId(feed.id, first.day),
    );
  });
});

describe('renderDigestAtom options', () => {
  it('takes updated, the content and the entry title from the caller', () => {
    const xml = renderDigestAtom(days, {
      ...feed,
      updated: (d) => `${d.day}T12:00:00Z`,
      render: (d) => `<p>${d.day} & more</p>`,
      entryTitle: (d) => `${d.day} の切り抜き`,
    });
    expect(atomFeedProblems(xml)).toEqual([]);
    const parsed = parseAtomFeed(xml);
    expect(parsed.updated).toBe('2024-03-06T12:00:00Z');
    expect(parsed.entries?.[0]?.content?.value).toBe('<p>2024-03-06 & more</p>');
    expect(parsed.entries?.[0]?.title?.value).toBe('2024-03-06 の切り抜き');
  });

  it('refuses an updated that is not RFC 3339, and a day given twice', () => {
    expect(() => renderDigestAtom(days, { ...feed, updated: (d) => d.day })).toThrow(KirinukiError);
    expect(() => renderDigestAtom([...days, ...days.slice(0, 1)], feed)).toThrow(/given twice/);
  });

  it('writes a valid feed of no days, the same on every run', () => {
    const xml = renderDigestAtom([], feed);
    expect(atomFeedProblems(xml)).toEqual([]);
    expect(parseAtomFeed(xml).updated).toBe('1970-01-01T00:00:00Z');
  });
});

describe('atomFeedProblems catches what RFC 4287 requires', () => {
  const xml = renderDigestAtom(days, feed);
  const cases: [string, (x: string) => string, RegExp][] = [
    ['no feed id', (x) => x.replace(/\n {2}<id>[^<]*<\/id>/, ''), /feed: 0 id/],
    ['no feed title', (x) => x.replace(/\n {2}<title>[^<]*<\/title>/, ''), /feed: 0 title/],
    ['no feed updated', (x) => x.replace(/\n {2}<updated>[^<]*<\/updated>/, ''), /feed: 0 updated/],
    ['no author', (x) => x.replace(/\n {2}<author>.*<\/author>/, ''), /no author/],
    ['no entry id', (x) => x.replace(/\n {4}<id>[^<]*<\/id>/, ''), /entry 1: 0 id/],
    ['no entry title', (x) => x.replace(/\n {4}<title>[^<]*<\/title>/, ''), /entry 1: 0 title/],
    [
      'no entry updated',
      (x) => x.replace(/\n {4}<updated>[^<]*<\/updated>/, ''),
      /entry 1: 0 updated/,
    ],
    [
      'no link or content',
      (x) => x.replace(/\n {4}<link [^>]*\/>/, '').replace(/\n {4}<content[^]*?<\/content>/, ''),
      /entry 1: neither/,
    ],
    [
      'a date without zone',
      (x) => x.replace('2024-03-06T23:59:59+09:00', '2024-03-06T23:59:59'),
      /RFC 3339/,
    ],
    ['a relative id', (x) => x.replace(feed.id, 'digest'), /absolute IRI/],
    ['unescaped html', (x) => x.replace('&lt;div', '<b>x</b>&lt;div'), /escaped markup/],
  ];
  for (const [what, breakIt, problem] of cases)
    it(`finds ${what}`, () => {
      expect(atomFeedProblems(xml)).toEqual([]);
      expect(atomFeedProblems(breakIt(xml)).join('\n')).toMatch(problem);
    });

  it.skipIf(!hasJing)('and so does jing, for what the schema says', () => {
    expect(jingErrors(xml.replace(/\n {4}<updated>[^<]*<\/updated>/, ''))).not.toEqual([]);
    expect(jingErrors(xml.replace(/\n {2}<id>[^<]*<\/id>/, ''))).not.toEqual([]);
    expect(jingErrors(xml.replace('<category term=', '<category name='))).not.toEqual([]);
  });
});

describe('renderDigestAtom escapes every piece of clip text', () => {
  const markupFeed = (t: string): DigestFeed => ({
    ...feed,
    title: t,
    author: t,
    entryTitle: (d) => `${d.day}${t}`,
    entryUrl: (d) => `https://kirinuki.example/days/${d.day}.html?q=${t}`,
  });

  it('markup in clip text, titles and tags stays text: the content reads back as the HTML', () => {
    fc.assert(
      fc.property(
        markupTexts,
        markup.filter((s) => s.trim() !== ''),
        (texts, t) => {
          const day = markupDay(texts);
          const xml = renderDigestAtom([day], markupFeed(t));
          const doc = new DOMParser().parseFromString(xml, 'text/xml');
          const names = [...doc.querySelectorAll('*')].map((e) => e.tagName);
          expect(new Set(names)).toEqual(
            new Set([
              'feed',
              'id',
              'title',
              'updated',
              'link',
              'author',
              'name',
              'generator',
              'entry',
              'category',
              'content',
            ]),
          );
          expect(doc.querySelector('content')?.textContent).toBe(renderDigestHtml(day));
          // linkedom leaves references in XML attributes undecoded: titles and terms via
          // feedsmith, which trims the white space around each text.
          const parsed = parseAtomFeed(xml);
          expect(parsed.title?.value).toBe(t.trim());
          expect(parsed.authors?.[0]?.name).toBe(t.trim());
          expect(parsed.entries?.[0]?.title?.value).toBe(`${day.day}${t}`.trim());
          expect(parsed.entries?.[0]?.content?.value).toBe(renderDigestHtml(day).trim());
          expect(parsed.entries?.[0]?.categories?.map((c) => c.term)).toEqual(categoriesOf(day));
          expect(atomFeedProblems(xml)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.skipIf(!hasJing)('a feed of days full of markup is valid for jing', () => {
    const texts = fc.sample(markupTexts, { numRuns: 30, seed: 11 });
    const manyDays = texts.map((t, i) => ({
      ...markupDay(t),
      day: `2024-03-${String(i + 1).padStart(2, '0')}`,
    }));
    const [t] = fc.sample(
      markup.filter((s) => s.trim() !== ''),
      { numRuns: 1, seed: 3 },
    );
    expect(jingErrors(renderDigestAtom(manyDays, markupFeed(t ?? '<b>')))).toEqual([]);
  });
});

describe('renderDigestAtom on the real example', () => {
  const day = exampleDay();

  it.skipIf(day === null)('has every required element and reads back with feedsmith', () => {
    if (!day) return;
    const xml = renderDigestAtom([day, ...days], feed);
    expect(atomFeedProblems(xml, { requireSelfLink: true })).toEqual([]);
    const parsed = parseAtomFeed(xml);
    const last = parsed.entries?.at(-1);
    expect(last?.id).toBe(digestEntryId(feed.id, day.day));
    expect(last?.content?.value).toBe(renderDigestHtml(day).trim());
    expect(last?.categories?.map((c) => c.term)).toEqual(categoriesOf(day));
  });

  it.skipIf(day === null || !hasJing)('is valid for jing', () => {
    if (!day) return;
    expect(jingErrors(renderDigestAtom([day], feed))).toEqual([]);
  });
});

describe('nameBasedUuid', () => {
  it("gives RFC 9562's version 5 test vector", () => {
    // RFC 9562 Appendix A.4: "www.example.com" in the DNS namespace.
    expect(nameBasedUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});
