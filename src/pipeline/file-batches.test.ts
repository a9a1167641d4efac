import { describe, expect, it } from 'vitest';
import { memoryArchives } from '../../test/support/memory-archives.js';
import type { Archive } from '../archive/index.js';
import { digestOfDay } from './digest-of-day.js';
import { importFiles, type FileImport } from './import-files.js';

const archive = memoryArchives();

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const file = (a: Archive, name: string, text: string): FileImport => {
  const r = importFiles(a, [{ name, bytes: bytes(text) }], { today: '2024-05-20' });
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.files[0] as FileImport;
};

const POST = '北部の州都で変電所に無人機攻撃、一部地域で停電が続く';
const LINK = 'https://t.co/Qm3xTq8Zr1';
const STATUS = '1791234567890123456';

/** The embed code X gives for a post, as a curator pastes it. */
const embed = (text: string, status = STATUS, handle = 'KitaNews'): string =>
  `<blockquote class="twitter-tweet"><p lang="ja" dir="ltr">${text} <a href="${LINK}">${LINK}</a></p>&mdash; 北日本ニュース (@${handle}) <a href="https://twitter.com/${handle}/status/${status}?ref_src=twsrc%5Etfw">May 20, 2024</a></blockquote>\n`;

/** The same post as a digest clips it: the post, its article, the curator's line. */
const digest = (line: string, date = 'May 20, 2024'): string =>
  [
    `${POST} ${LINK}`,
    `— 北日本ニュース (@KitaNews) ${date}`,
    '州当局によると、20日未明に変電所が無人機の攻撃を受け、約3万世帯で停電が続いている。',
    '復旧には数日かかる見通しだという。',
    line,
  ].join('\n');

describe('fileBatches: the same post or article is stored once', () => {
  it('files a digest clip in place of the captured embed of its post', () => {
    const a = archive();
    const captured = file(a, 'inbox.html', embed(POST));
    expect(captured.report).toMatchObject({ inserted: 1, replaced: 0 });
    const embedId = a.entriesOfDay('2024-05-20')[0]?.entry.id as string;
    const text = digest('#インフラ攻撃(北部州都・変電所に無人機攻撃・約3万世帯停電)');
    const clipped = file(a, '2024-05-20.txt', text);
    expect(clipped.report).toMatchObject({ inserted: 1, replaced: 1, duplicates: 0 });
    expect(a.stats().entries).toBe(1);
    expect(a.findEntry(embedId)?.entry.summaries).toHaveLength(1);
    expect(digestOfDay(a, '2024-05-20')).toBe(`${text}\n`);
    expect(a.findByKeys([`x:${STATUS}`]).map((s) => s.entry.summaries.length)).toEqual([1]);
  });

  it('drops a capture of a post the digest already has', () => {
    const a = archive();
    file(a, '2024-05-20.txt', digest('#インフラ攻撃(変電所)'));
    const again = file(a, 'inbox.html', embed(POST));
    expect(again.report).toMatchObject({ inserted: 0, duplicates: 1 });
    expect(a.stats().entries).toBe(1);
  });

  it('keeps a post clipped in two digests in both days', () => {
    const a = archive();
    const day1 = digest('#インフラ攻撃(一報)');
    const day2 = digest('#インフラ攻撃(続報・復旧に数日)').replace(LINK, `${LINK}`);
    file(a, '2024-05-20.txt', day1);
    const second = file(a, 'd2.txt', `${day2}`.replace('May 20, 2024', 'May 21, 2024'));
    expect(second.report).toMatchObject({ inserted: 1, duplicates: 0, replaced: 0 });
    expect(digestOfDay(a, '2024-05-20')).toBe(`${day1}\n`);
    expect(digestOfDay(a, '2024-05-21')).toContain('続報');
    expect(file(a, 'd2.txt', day2.replace('May 20, 2024', 'May 21, 2024')).report).toMatchObject({
      inserted: 0,
      unchanged: 1,
    });
  });

  it('replaces a truncated post with its full text, and not the other way round', () => {
    const full = `${POST}。州当局は復旧に数日かかるとしている`;
    const a = archive();
    file(a, 'cut.html', embed(`${POST.slice(0, 20)}…`, '1791234567890123457'));
    expect(file(a, 'full.html', embed(full)).report).toMatchObject({ inserted: 1, replaced: 1 });
    expect(a.stats().entries).toBe(1);
    const b = archive();
    file(b, 'full.html', embed(full));
    expect(
      file(b, 'cut.html', embed(`${POST.slice(0, 20)}…`, '1791234567890123457')).report,
    ).toMatchObject({ inserted: 0, duplicates: 1 });
  });

  it('merges the same article within one file and across files by canonical URL', () => {
    const feed = (items: string[]): string =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>北日本ニュース</title><link>https://kita.example.jp/</link>${items.join('')}</channel></rss>`;
    const item = (link: string, description: string): string =>
      `<item><title>変電所に無人機攻撃</title><link>${link}</link><description>${description}</description><pubDate>Mon, 20 May 2024 09:00:00 +0900</pubDate></item>`;
    const a = archive();
    const first = file(
      a,
      'a.rss',
      feed([
        item('https://kita.example.jp/n/1?utm_source=rss', '変電所が攻撃を受けた。'),
        item('https://kita.example.jp/n/1#top', '変電所が攻撃を受けた。'),
      ]),
    );
    expect(first.report).toMatchObject({ inserted: 1, duplicates: 1 });
    const longer = file(
      a,
      'b.rss',
      feed([
        item(
          'https://kita.example.jp/n/1?fbclid=abc',
          '変電所が攻撃を受けた。約3万世帯で停電が続き、復旧には数日かかる見通し。',
        ),
      ]),
    );
    expect(longer.report).toMatchObject({ inserted: 1, replaced: 1 });
    expect(a.stats().entries).toBe(1);
  });
});

describe('fileBatches: stories', () => {
  const wire =
    '国営電力会社によると、北部の州都にある変電所が20日未明に無人機による攻撃を受け、約3万世帯で停電が続いている。復旧には数日かかる見通しだという。';
  const rewrite =
    '北部の州都の変電所が20日未明、無人機の攻撃を受けた。国営電力会社によると約3万世帯で停電が続いており、復旧には数日かかる見通しだ。';
  const unrelated =
    '首都の議会は20日、徴兵年齢の引き下げを含む動員法の改正案を第一読会で可決した。最終採決は来月の見通し。';

  it('groups the same news from two outlets on nearby days into one story', () => {
    const a = archive();
    file(a, 'wire.txt', `${wire}\n`);
    const second = importFiles(
      a,
      [
        { name: 'rewrite.txt', bytes: bytes(`${rewrite}\n`) },
        { name: 'other.txt', bytes: bytes(`${unrelated}\n`) },
      ],
      { today: '2024-05-21' },
    );
    expect(second.files.map((f) => f.report?.joinedStories)).toEqual([1, 0]);
    const [first] = a.entriesOfDay('2024-05-20');
    const story = a.entriesOfStory(first?.story as string);
    expect(story.map((s) => s.day)).toEqual(['2024-05-20', '2024-05-21']);
    const other = a.entriesOfDay('2024-05-21').find((s) => s.entry.body[0]?.startsWith('首都'));
    expect(other?.story).toBe(other?.entry.id);
  });

  it('leaves entries far apart in time in stories of their own', () => {
    const a = archive();
    file(a, 'wire.txt', `${wire}\n`);
    importFiles(a, [{ name: 'r.txt', bytes: bytes(`${rewrite}\n`) }], { today: '2024-06-20' });
    expect(a.entriesOfDays('2024-01-01', '2024-12-31').map((s) => s.story)).toEqual(
      a.entriesOfDays('2024-01-01', '2024-12-31').map((s) => s.entry.id),
    );
  });

  it('joins two filed stories when a new entry bridges them', () => {
    const a = archive();
    const half1 =
      '国営電力会社によると、北部の州都にある変電所が20日未明に無人機による攻撃を受けた。';
    const half2 = '約3万世帯で停電が続いている。復旧には数日かかる見通しで、市は給水所を設けた。';
    file(a, 'h1.txt', `${half1}\n`);
    file(a, 'h2.txt', `${half2}\n`);
    expect(new Set(a.entriesOfDay('2024-05-20').map((s) => s.story)).size).toBe(2);
    file(a, 'both.txt', `${half1}${half2}\n`);
    const stories = new Set(a.entriesOfDay('2024-05-20').map((s) => s.story));
    expect(stories.size).toBe(1);
  });
});
