/**
 * Ingest benchmarks: story grouping on 100,000 entries, importing a 50 MB Movable Type
 * export, and feed parsing throughput. Inputs are generated (seeded), so runs compare.
 * Called by `bench/run.ts`; runnable alone with `npx tsx bench/ingest.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteArchive, type ImportBatch } from '../src/archive/index.js';
import { fileBatches, importFiles } from '../src/pipeline/index.js';
import {
  dedupeEntries,
  extractBlogArchive,
  extractFeed,
  groupStories,
} from '../src/ingest/index.js';
import type { Entry } from '../src/model/index.js';
// Seeded (mulberry32), so generated corpora are the same every run.
import { seededRandom as random } from '../test/support/seeded-random.js';

/** A vocabulary of 5,000 made-up two- to four-kanji words, drawn with a Zipf-like skew. */
function vocabulary(rand: () => number): string[] {
  return Array.from({ length: 5000 }, () => {
    const length = 2 + Math.floor(rand() * 3);
    return Array.from({ length }, () =>
      String.fromCharCode(0x4e00 + Math.floor(rand() * 0x5000)),
    ).join('');
  });
}
const WORDS = vocabulary(random(1));
const PARTICLES = ['は', 'が', 'を', 'に', 'で', 'と', 'の', 'も', 'へ', 'から'];

function sentence(rand: () => number, words: number): string {
  let s = '';
  for (let i = 0; i < words; i += 1) {
    s +=
      WORDS[Math.floor(rand() ** 2 * WORDS.length)] +
      (PARTICLES[Math.floor(rand() * PARTICLES.length)] ?? '');
  }
  return `${s}${Math.floor(rand() * 100)}日、発表した。`;
}

/** A rewrite: some sentences kept, words dropped, as another outlet would retell the story. */
function rewrite(text: string, rand: () => number): string {
  return text
    .split('。')
    .filter(() => rand() > 0.2)
    .map((s) => s.replace(/[^は]+は/, (m) => (rand() > 0.5 ? m : '')))
    .join('。');
}

function storyEntries(count: number): Entry[] {
  const rand = random(42);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i += 1) {
    const base = i > 10 && rand() < 0.3 ? entries[Math.floor(rand() * entries.length)] : undefined;
    const text = base
      ? rewrite(base.body.join(''), rand)
      : [1, 2, 3].map(() => sentence(rand, 6)).join('');
    entries.push({ id: `e${i}`, post: null, bodyKind: 'article', body: [text], summaries: [] });
  }
  return entries;
}

async function time<T>(f: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await f();
  return { value, ms: performance.now() - start };
}

async function benchStories(): Promise<string[]> {
  const entries = storyEntries(100_000);
  const grouped = await time(() => groupStories(entries));
  const multi = grouped.value.filter((s) => s.entryIds.length > 1).length;
  const dedupe = await time(() => dedupeEntries(entries));
  return [
    `| story grouping, 100,000 entries (~110 chars each) | ${(grouped.ms / 1000).toFixed(2)} s | ${Math.round(100_000 / (grouped.ms / 1000)).toLocaleString('en')} entries/s; ${multi.toLocaleString('en')} stories with ≥ 2 entries |`,
    `| exact dedupe, 100,000 entries | ${(dedupe.ms / 1000).toFixed(2)} s | ${dedupe.value.merges.length.toLocaleString('en')} merges |`,
  ];
}

/** Days from 2024-01-01, as `YYYY-MM-DD`. */
function dayOf(index: number): string {
  return new Date(Date.UTC(2024, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Filing 100,000 captured entries into a SQLite archive, a day's batch at a time (274 entries a
 * day for a year; rewrites land on the day of their original or up to two days later): through
 * `fileBatches` (identity look-ups, replacement, story assignment over a ±2-day window) against
 * the archive's bare `importBatches`.
 */
export async function benchFiling(count = 100_000): Promise<string[]> {
  const entries = storyEntries(count);
  const perDay = Math.ceil(count / 365);
  const days = new Map<string, typeof entries>();
  entries.forEach((entry, i) => {
    const day = dayOf(Math.floor(i / perDay));
    days.set(day, [...(days.get(day) ?? []), entry]);
  });
  const batches: ImportBatch[] = [...days].map(([day, list]) => ({
    source: 'bench',
    day,
    entries: list,
    documentTagLines: [],
  }));
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-filing-'));
  try {
    const bare = openSqliteArchive(join(dir, 'bare.db'));
    const plain = await time(() => {
      for (const b of batches) bare.importBatches([b]);
    });
    bare.close();
    const archive = openSqliteArchive(join(dir, 'filed.db'));
    const sketches = new Map();
    let joined = 0;
    const filed = await time(() => {
      for (const b of batches) joined += fileBatches(archive, [b], { sketches }).joinedStories;
    });
    archive.close();
    const rate = (ms: number): string => Math.round(count / (ms / 1000)).toLocaleString('en');
    return [
      `| filing ${count.toLocaleString('en')} entries, bare \`importBatches\` | ${(plain.ms / 1000).toFixed(2)} s | ${rate(plain.ms)} entries/s |`,
      `| filing ${count.toLocaleString('en')} entries with dedupe and stories (\`fileBatches\`) | ${(filed.ms / 1000).toFixed(2)} s | ${rate(filed.ms)} entries/s; ${joined.toLocaleString('en')} joined a story; ${(((filed.ms - plain.ms) / plain.ms) * 100).toFixed(0)} % over bare |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One day's digest as a blog post body: posts with attribution, article lines, a summary line. */
function digestHtml(rand: () => number, day: number): string {
  const lines: string[] = [];
  for (let k = 0; k < 12; k += 1) {
    lines.push(`${sentence(rand, 4)} https://t.co/${Math.floor(rand() * 1e9).toString(36)}`);
    lines.push(`— ロイター (@ReutersJapan) January ${(day % 28) + 1}, 2024`);
    for (let b = 0; b < 6; b += 1) lines.push(sentence(rand, 10));
    lines.push(`#ウクライナ戦況(${WORDS[k % WORDS.length]}・「${sentence(rand, 3)}」)`);
  }
  return `<p>${lines.join('<br />\n')}</p>`;
}

export function movableTypeExport(targetBytes: number): string {
  const rand = random(7);
  const posts: string[] = [];
  let size = 0;
  for (let day = 0; size < targetBytes; day += 1) {
    const date = new Date(Date.UTC(2015, 0, 1) + day * 86_400_000);
    const mdy = `${String(date.getUTCMonth() + 1).padStart(2, '0')}/${String(date.getUTCDate()).padStart(2, '0')}/${date.getUTCFullYear()}`;
    const post = `AUTHOR: curator\nTITLE: ${mdy} のまとめ\nBASENAME: ${day}\nSTATUS: Publish\nCONVERT BREAKS: 0\nDATE: ${mdy} 21:00:00\nCATEGORY: ウクライナ\n-----\nBODY:\n${digestHtml(rand, day)}\n-----\nEXTENDED BODY:\n\n-----\n--------\n`;
    posts.push(post);
    size += Buffer.byteLength(post);
  }
  return posts.join('');
}

async function benchMovableType(): Promise<string[]> {
  const text = movableTypeExport(50 * 1024 * 1024);
  const bytes = Buffer.from(text, 'utf8');
  const result = await time(() => extractBlogArchive(bytes, 'bench.txt', 'movable-type'));
  const mb = bytes.length / 1024 / 1024;
  const dir = mkdtempSync(join(tmpdir(), 'kirinuki-mt-'));
  try {
    const archive = openSqliteArchive(join(dir, 'mt.db'));
    const imported = await time(() =>
      importFiles(archive, [{ name: 'export.txt', bytes }], { today: '2024-01-01' }),
    );
    archive.close();
    const inserted = imported.value.files[0]?.report?.inserted ?? 0;
    return [
      `| Movable Type read, ${mb.toFixed(1)} MB, ${result.value.documents.length.toLocaleString('en')} posts | ${(result.ms / 1000).toFixed(2)} s | ${result.value.entries.length.toLocaleString('en')} entries, ${(mb / (result.ms / 1000)).toFixed(1)} MB/s |`,
      `| Movable Type import into an archive (\`kirinuki import\` without annotation), same file | ${(imported.ms / 1000).toFixed(2)} s | ${inserted.toLocaleString('en')} entries filed (target: < 60 s) |`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function rssFeed(items: number): string {
  const rand = random(3);
  const body = Array.from({ length: items }, (_, i) => {
    const text = sentence(rand, 12);
    return `<item><title>${sentence(rand, 3)}</title><link>https://example.jp/news/${i}?utm_source=rss</link><pubDate>Thu, 18 Jan 2024 09:00:00 +0900</pubDate><description><![CDATA[<p>${text}</p><p>${text}</p>]]></description></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>例ニュース</title><link>https://example.jp/</link><description>d</description>\n${body}\n</channel></rss>`;
}

async function benchFeeds(): Promise<string[]> {
  const bytes = Buffer.from(rssFeed(100), 'utf8');
  const rounds = 200;
  const result = await time(() => {
    let n = 0;
    for (let i = 0; i < rounds; i += 1) n += extractFeed(bytes, 'bench.xml').entries.length;
    return n;
  });
  const perSecond = result.value / (result.ms / 1000);
  const mbPerSecond = (bytes.length * rounds) / 1024 / 1024 / (result.ms / 1000);
  return [
    `| feed parse, RSS 2.0 of 100 items × ${rounds} | ${(result.ms / 1000).toFixed(2)} s | ${Math.round(perSecond).toLocaleString('en')} items/s, ${mbPerSecond.toFixed(1)} MB/s |`,
  ];
}

/**
 * Runs the ingest benchmarks and returns a markdown table.
 *
 * @example
 * console.log(await benchIngest());
 */
export async function benchIngest(): Promise<string> {
  const rows = [
    ...(await benchStories()),
    ...(await benchFiling()),
    ...(await benchMovableType()),
    ...(await benchFeeds()),
  ];
  return [
    '## Ingest',
    '',
    `Node ${process.version}.`,
    '',
    '| benchmark | time | figures |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await benchIngest());
}
