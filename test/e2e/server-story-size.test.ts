/**
 * Every card the API answers with says how many entries its story holds, so a page links to a
 * story only when there is more than the entry itself to see: checked against the archive's
 * own stories, over the bundled samples and a story two outlets told, on a real server on
 * 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestServer, type TestServer } from './server-harness.js';
import { seedWorkbench } from './workbench-page.js';

interface Card {
  id: string;
  day: string;
  story: string;
  storyEntries: number;
}

describe('storyEntries on every card', () => {
  let s: TestServer;
  let cards: Card[];
  beforeAll(async () => {
    s = await startTestServer();
    // The samples tell no story twice: the workbench's seed adds one told by two outlets.
    await seedWorkbench(s);
    cards = (await json<{ entries: Card[] }>(await s.get('/api/entries?limit=500'))).entries;
  }, 60_000);
  afterAll(() => s.close());

  it("counts the entries of each card's story, as the archive files them", () => {
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards)
      expect(card.storyEntries, card.id).toBe(
        Math.max(1, s.archive.entriesOfStory(card.story).length),
      );
  });

  it('tells a story of one from the first entry of a larger story, though both have their own id as story', async () => {
    const single = cards.find((c) => c.storyEntries === 1);
    const firstOfMany = cards.find((c) => c.storyEntries > 1 && c.story === c.id);
    expect(single?.story).toBe(single?.id);
    expect(firstOfMany).toBeDefined();
    if (!firstOfMany) return;
    const story = await json<{ entries: Card[] }>(await s.get(`/api/stories/${firstOfMany.id}`));
    expect(story.entries.length).toBe(firstOfMany.storyEntries);
    expect(story.entries.every((c) => c.storyEntries === firstOfMany.storyEntries)).toBe(true);
    const detail = await json<{ card: Card; story: Card[] }>(
      await s.get(`/api/entries/${firstOfMany.id}`),
    );
    expect(detail.card.storyEntries).toBe(firstOfMany.storyEntries);
    expect(detail.story.length).toBe(firstOfMany.storyEntries - 1);
  });

  it('carries it in search hits and in a tag page', async () => {
    const hits = await json<{ hits: { card: Card }[] }>(await s.get('/api/search?q=ロシア'));
    expect(hits.hits.length).toBeGreaterThan(0);
    for (const h of hits.hits)
      expect(h.card.storyEntries).toBe(Math.max(1, s.archive.entriesOfStory(h.card.story).length));
  });
});
