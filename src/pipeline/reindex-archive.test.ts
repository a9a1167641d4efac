import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteArchive, type Archive } from '../archive/index.js';
import { extractPaste, identityOf } from '../ingest/index.js';
import type { Entry } from '../model/index.js';
import { reindexArchive } from './reindex-archive.js';

const opened: Archive[] = [];
afterEach(() => {
  for (const a of opened.splice(0)) a.close();
});

const paste = (text: string): Entry => extractPaste(text, 'p').entries[0] as Entry;

// One story told three times over three days, a second story of two halves joined on day 3,
// and an unrelated entry (fictional texts written for this test).
const wire = paste(
  '国営電力会社によると、北部の州都にある変電所が20日未明に無人機による攻撃を受け、約3万世帯で停電が続いている。復旧には数日かかる見通しだという。',
);
const rewrite = paste(
  '北部の州都の変電所が20日未明、無人機の攻撃を受けた。国営電力会社によると約3万世帯で停電が続いており、復旧には数日かかる見通しだ。',
);
const follow = paste(
  '北部の州都にある変電所が20日未明に無人機による攻撃を受けた問題で、約3万世帯の停電が続いている。復旧には数日かかる見通し。',
);
const half1 = paste(
  '首都の議会は20日、徴兵年齢の引き下げを含む動員法の改正案を第一読会で可決した。',
);
const half2 = paste('最終採決は来月の見通しで、野党は修正案を出す構えだ。与党内にも慎重論が残る。');
const both = paste(
  '首都の議会は20日、徴兵年齢の引き下げを含む動員法の改正案を第一読会で可決した。最終採決は来月の見通しで、野党は修正案を出す構えだ。与党内にも慎重論が残る。',
);
const lone = paste('南部の港で穀物船の出港が再開された。保険料の高騰が課題になっている。');

/** An archive as an older kirinuki filed it: no identity keys, every entry its own story. */
function oldArchive(): Archive {
  const a = openSqliteArchive(':memory:');
  opened.push(a);
  const day = (d: string, entries: Entry[]): void =>
    void a.importBatch({ source: 'old', day: d, entries, documentTagLines: [] });
  day('2024-05-20', [wire, half1, lone]);
  day('2024-05-21', [rewrite, half2]);
  day('2024-05-22', [follow, both]);
  return a;
}

describe('reindexArchive', () => {
  it('files identity keys for entries filed without them', () => {
    const a = oldArchive();
    const probe = identityOf(wire).probes;
    expect(a.findByKeys(probe)).toEqual([]);
    reindexArchive(a);
    expect(a.findByKeys(probe).map((s) => s.entry.id)).toEqual([wire.id]);
  });

  it('groups stories from scratch across days, joining stories a later entry bridges', () => {
    const a = oldArchive();
    const r = reindexArchive(a, { chunk: 2 });
    expect(r).toEqual({ entries: 7, stories: 2, entriesInStories: 6 });
    const story = (e: Entry): string => a.findEntry(e.id)?.story as string;
    expect(story(rewrite)).toBe(wire.id);
    expect(story(follow)).toBe(wire.id);
    expect([story(half1), story(half2), story(both)]).toEqual([half1.id, half1.id, half1.id]);
    expect(story(lone)).toBe(lone.id);
    expect(a.entriesOfStory(half1.id)).toHaveLength(3);
  });

  it('finds no stories across a gap longer than the window', () => {
    const a = oldArchive();
    expect(reindexArchive(a, { storyWindowDays: 0 }).stories).toBe(0);
  });

  it('is idempotent', () => {
    const a = oldArchive();
    const first = reindexArchive(a);
    const stories = [...a.allEntries()].map((s) => s.story);
    expect(reindexArchive(a)).toEqual(first);
    expect([...a.allEntries()].map((s) => s.story)).toEqual(stories);
  });
});
