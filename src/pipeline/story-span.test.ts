import { describe, expect, it } from 'vitest';
import { memoryArchives } from '../../test/support/memory-archives.js';
import type { Archive } from '../archive/index.js';
import { shiftDay } from './days.js';
import { importFiles } from './import-files.js';
import { reindexArchive } from './reindex-archive.js';
import { closedStories, STORY_SPAN_DAYS } from './story-span.js';

const open = memoryArchives();
const DAYS = Array.from({ length: 20 }, (_, i) => shiftDay('2024-04-01', i));

/** The same daily front report each day, a word changed: each day's is like the day before's. */
function fileDailyReports(a: Archive, options: { storySpanDays?: number } = {}): void {
  for (const [i, day] of DAYS.entries()) {
    const text = [
      `東部戦線の日報 第${i + 1}報`,
      '州当局によると、前線の町では夜通し砲撃が続き、住民の避難が進んでいる。',
      '軍の発表では、防衛線は維持されており、補給路の修復作業が続いているという。',
    ].join('\n');
    const r = importFiles(
      a,
      [{ name: `report-${day}.txt`, bytes: new TextEncoder().encode(text) }],
      {
        today: day,
        day,
        ...options,
      },
    );
    expect(r.files[0]?.report?.inserted).toBe(1);
  }
}

/** Each entry's day and the day of its story's first entry. */
function spans(a: Archive): { day: string; start: string }[] {
  return DAYS.map((day) => {
    const story = a.entriesOfDay(day)[0]?.story as string;
    return { day, start: a.findEntry(story)?.day as string };
  });
}

describe('a story takes entries for STORY_SPAN_DAYS after its first', () => {
  it('closes a story of daily look-alike reports after a week, on import and on reindex', () => {
    const a = open();
    fileDailyReports(a);
    const check = (): void => {
      const found = spans(a);
      for (const { day, start } of found)
        expect(start >= shiftDay(day, -STORY_SPAN_DAYS)).toBe(true);
      expect(new Set(found.map((f) => f.start)).size).toBeGreaterThanOrEqual(3);
    };
    check();
    reindexArchive(a);
    check();
  });

  it('without the bound the single links chain every day into one story', () => {
    const a = open();
    fileDailyReports(a, { storySpanDays: 100 });
    expect(new Set(spans(a).map((s) => s.start))).toEqual(new Set([DAYS[0]]));
    reindexArchive(a, { storySpanDays: 100 });
    expect(new Set(spans(a).map((s) => s.start))).toEqual(new Set([DAYS[0]]));
  });
});

describe('closedStories', () => {
  const window = [
    { id: 'a', day: '2024-04-01', story: 'a' },
    { id: 'b', day: '2024-04-08', story: 'a' },
    { id: 'c', day: '2024-04-08', story: 'old' },
    { id: 'd', day: '2024-04-09', story: 'd' },
  ];

  it('closes the stories that started more than the span before the day', () => {
    const startOf = (story: string): string | null => (story === 'old' ? '2024-03-01' : null);
    expect(closedStories(window, '2024-04-09', 7, startOf)).toEqual(new Set(['a', 'old']));
    expect(closedStories(window, '2024-04-08', 7, startOf)).toEqual(new Set(['old']));
  });

  it('takes a story whose first entry is nowhere to start with its earliest entry here', () => {
    expect(closedStories(window, '2024-04-15', 7, () => null)).toEqual(new Set(['a']));
  });
});
