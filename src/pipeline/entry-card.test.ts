import { describe, expect, it } from 'vitest';
import type { StoredEntry } from '../archive/index.js';
import { parseClipDocument } from '../format/index.js';
import type { Entry } from '../model/index.js';
import { sampleDays } from '../../test/fixtures/digest-days.js';
import { cardByline, entryCard, entryCardLines } from './entry-card.js';

const stored = (entry: Entry, day = '2024-03-05'): StoredEntry => ({
  entry,
  day,
  seq: 3,
  source: '/tmp/x',
  story: entry.id,
});

const article: Entry = {
  id: 'a1',
  post: null,
  bodyKind: 'article',
  body: ['本文の一行目'],
  summaries: [],
  origin: {
    kind: 'feed',
    url: 'https://news.example.jp/a/1',
    title: '見出し\nの続き',
    outlet: '架空通信',
    published: '2024-03-04T09:00:00+09:00',
  },
};

describe('entryCard', () => {
  it("is each sample entry's view with where it is filed", () => {
    for (const day of sampleDays())
      for (const entry of day.entries) {
        const card = entryCard(stored(entry, day.day));
        const post = entry.post!;
        expect(card).toMatchObject({
          id: entry.id,
          day: day.day,
          seq: 3,
          story: entry.id,
          source: '/tmp/x',
          headline: post.text.split('\n')[0]!.trim(),
          authorName: post.authorName,
          handle: post.handle,
          date: post.date,
          articleUrl: null,
          summaryLines: entry.summaries.map((s) => s.raw),
          tags: [...new Set(entry.summaries.map((s) => s.tag))],
        });
        expect(card.postUrl).toBe(post.links[0] ?? null);
      }
  });

  it('gives a captured item its title, outlet, link and publication day', () => {
    expect(entryCard(stored(article))).toMatchObject({
      headline: '見出し\nの続き',
      authorName: '架空通信',
      handle: null,
      postUrl: null,
      articleUrl: 'https://news.example.jp/a/1',
      date: '2024-03-04',
    });
  });

  it("prefers a captured post's status URL to its first link", () => {
    const text = 'テスト投稿 https://t.co/AbC\n— 架空 (@kakuu) March 6, 2024\n#露朝(試験)\n';
    const part = parseClipDocument(text).document.parts[0];
    if (part?.kind !== 'entry') throw new Error('no entry');
    const status = 'https://x.com/kakuu/status/1765000000000000001';
    const card = entryCard(stored({ ...part.entry, origin: { kind: 'embed', url: status } }));
    expect(card).toMatchObject({ postUrl: status, articleUrl: null, tags: ['露朝'] });
    expect(entryCard(stored(part.entry)).postUrl).toBe('https://t.co/AbC');
  });
});

describe('entryCardLines', () => {
  it('says what the entry is on one line each, links labelled, the title on one line', () => {
    expect(entryCardLines(entryCard(stored(article)))).toEqual([
      '見出し の続き',
      '架空通信 · 2024-03-04',
      'article: https://news.example.jp/a/1',
    ]);
  });

  it('adds the summary lines when asked', () => {
    const entry = sampleDays()[0]!.entries[0]!;
    const lines = entryCardLines(entryCard(stored(entry)), { summaryLines: true });
    expect(lines.slice(-entry.summaries.length)).toEqual(entry.summaries.map((s) => s.raw));
    expect(lines).toContain(`post: ${entry.post!.links[0]}`);
  });

  it('names a post by author and handle, or the handle alone when they are the same', () => {
    const card = entryCard(stored(sampleDays()[0]!.entries[0]!));
    expect(cardByline(card)).toBe(`${card.authorName} (@${card.handle})`);
    expect(cardByline({ ...card, authorName: card.handle })).toBe(`@${card.handle}`);
    expect(cardByline({ ...card, handle: null, authorName: null })).toBeNull();
  });
});
