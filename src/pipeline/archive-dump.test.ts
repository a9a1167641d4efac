import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  openSqliteArchive,
  type Archive,
  type ImportBatch,
  type SearchResults,
} from '../archive/index.js';
import { textDaysManifest } from '../format/archive-dump/index.js';
import { parseClipDocument, parseSummaryLine } from '../format/index.js';
import { documentEntries, type Entry } from '../model/index.js';
import { archiveDumpLines } from './export-archive-dump.js';
import { fileLines, type FileLine } from './file-lines.js';
import { restoreArchiveDump } from './restore-archive-dump.js';
import { dayDocuments, importTextDays } from './text-days.js';

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-dump-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

// Fictional words: generated digests, never real-world text.
const word = fc.constantFrom(
  '停戦',
  '協議',
  '北部',
  '州都',
  '変電所',
  '無人機',
  '攻撃',
  '議会',
  '法案',
  '可決',
  '港',
  '穀物船',
  '出港',
  '再開',
  '制裁',
  '首脳',
  '会談',
  'NATO',
  'ＥＵ',
  '😀',
);
const phrase = fc.array(word, { minLength: 2, maxLength: 6 }).map((w) => w.join(''));
const tag = fc.constantFrom('ウクライナ戦況', '露朝', 'NATO', 'インフラ攻撃', '制裁');
const speaker = fc.constantFrom('架空大統領', '架空報道官', '東西通信', null);
const handle = fc.constantFrom('tozai_test', 'kita_test', 'nanbu_test');
const month = ['January', 'February', 'March'] as const;

interface EntrySpec {
  id: number;
  head: string;
  handle: string;
  date: [m: number, d: number];
  body: string[];
  lines: { tag: string; context: string; speaker: string | null; quote: string }[];
}

const entrySpec = fc.record({
  head: phrase,
  handle,
  date: fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 28 })),
  body: fc.array(phrase, { maxLength: 3 }),
  lines: fc.array(fc.record({ tag, context: phrase, speaker, quote: phrase }), { maxLength: 3 }),
});

function summaryRaw(l: EntrySpec['lines'][number]): string {
  return `#${l.tag}(${l.context}・${l.speaker ?? ''}「${l.quote}」)`;
}

/** A clip document entry's lines: post head with a unique link, attribution, body, lines. */
/**
 * One generated entry as a clip document writes it. The number in its text keeps two entries
 * apart: an importer takes the same author's same text for one post (never a story twice), so
 * an archive holding both, which the generator could build, is none a curator could have.
 */
function entryText(e: EntrySpec): string[] {
  const [m, d] = e.date;
  return [
    `${e.head}（${e.id}） https://t.co/gen${e.id}`,
    `— 架空通信 (@${e.handle}) ${month[m] ?? 'January'} ${d}, 2024`,
    ...e.body,
    ...e.lines.map(summaryRaw),
  ];
}

const daySpec = fc.record({
  entries: fc.array(entrySpec, { minLength: 0, maxLength: 5 }),
  tagLines: fc.array(fc.array(tag, { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
});

/** What the curator did after filing: edits, drops, a new order, a day published. */
const curation = fc.record({
  edits: fc.array(
    fc.tuple(
      fc.nat(),
      fc.array(fc.record({ tag, context: phrase, speaker, quote: phrase }), { maxLength: 2 }),
    ),
  ),
  drops: fc.array(fc.nat(), { maxLength: 2 }),
  reverse: fc.boolean(),
  stories: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  published: fc.boolean(),
});

const archiveSpec = fc.record({
  days: fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 4 }),
  content: fc.array(daySpec, { minLength: 4, maxLength: 4 }),
  curation,
});

type ArchiveSpec = typeof archiveSpec extends fc.Arbitrary<infer T> ? T : never;

/** Files a generated archive as kirinuki would: parsed days, then the curator's changes. */
function buildArchive(spec: ArchiveSpec): Archive {
  const a = openSqliteArchive(':memory:');
  let n = 0;
  const batches: ImportBatch[] = spec.days.map((d, i) => {
    const content = spec.content[i] ?? { entries: [], tagLines: [] };
    const lines = content.entries.flatMap((e) => entryText({ ...e, id: (n += 1) }));
    lines.push(...content.tagLines.map((tags) => tags.map((t) => `#${t}`).join('')));
    const doc = parseClipDocument(lines.join('\n'), { file: 'gen' }).document;
    const day = `2024-02-${String(d).padStart(2, '0')}`;
    const documentTagLines = doc.parts.flatMap((p) => (p.kind === 'tags' ? [p.line.raw] : []));
    const entries = documentEntries(doc);
    return {
      source: `gen/${day}.txt`,
      day,
      entries,
      documentTagLines,
      keys: Object.fromEntries(entries.map((e) => [e.id, [`post:${e.id}`]])),
      people: Object.fromEntries(
        entries.map((e) => [
          e.id,
          { speakers: ['架空大統領'], mentions: e.body.length > 0 ? ['架空報道官'] : [] },
        ]),
      ),
    };
  });
  a.importBatches(batches);
  const all = (): Entry[] => [...a.allEntries()].map((s) => s.entry);
  const c = spec.curation;
  // Stories: an entry joins another's story (`updateDerived`, as story grouping would).
  for (const [x, y] of c.stories) {
    const es = all();
    const from = es[x % Math.max(1, es.length)];
    const to = es[y % Math.max(1, es.length)];
    if (from && to) a.updateDerived([{ id: from.id, story: to.id }]);
  }
  for (const [i, lines] of c.edits) {
    const es = all();
    const e = es[i % Math.max(1, es.length)];
    const summaries = lines.map((l) => parseSummaryLine(summaryRaw(l))).filter((s) => s !== null);
    if (e) a.updateEntries([{ ...e, summaries }]);
  }
  for (const i of c.drops) {
    const es = all();
    const e = es[i % Math.max(1, es.length)];
    if (e) a.removeEntry(e.id);
  }
  if (c.reverse)
    for (const { day } of a.filedDays())
      a.reorderDay(
        day,
        a
          .entriesOfDay(day)
          .map((s) => s.entry.id)
          .reverse(),
      );
  const first = batches[0];
  if (c.published && first)
    a.recordPublished({
      day: first.day,
      target: 'hatena',
      blog: 'b',
      remoteId: '1',
      editUrl: 'e',
      url: null,
      status: 'draft',
      firstPostedAt: '2024-02-01T00:00:00.000Z',
      lastPostedAt: '2024-02-02T00:00:00.000Z',
    });
  return a;
}

function dumpOf(a: Archive): string[] {
  return [...archiveDumpLines(a)];
}

function asFileLines(lines: readonly string[]): FileLine[] {
  return lines.map((text, i) => ({ text, line: i + 1, ended: true }));
}

/** Everything the archive answers about its contents, bytes on disk aside. */
function contents(a: Archive) {
  const stats: Partial<ReturnType<Archive['stats']>> = a.stats();
  delete stats.bytesOnDisk;
  return {
    records: [...a.allEntryRecords()],
    days: a.allDays(),
    filed: a.filedDays(),
    published: a.allPublishedPosts(),
    stats,
    check: a.check(),
    tagSearch: tiesInIdOrder(a.search('tag:制裁', { limit: 100 })),
  };
}

/**
 * Search breaks ties of score and date by capture order (rowid), and a restore captures in
 * dump order (day, position), so tied hits may come back in another order: compare each run
 * of tied hits as a set, every other order as is.
 */
function tiesInIdOrder(found: ReturnType<Archive['search']>) {
  if (!found.ok) return found;
  type Hit = SearchResults['hits'][number];
  const tieKey = (h: Hit) => `${h.score}\u0000${h.stored.entry.post?.date ?? h.stored.day}`;
  const hits = found.value.hits;
  const ordered: Hit[] = [];
  for (let i = 0; i < hits.length;) {
    let j = i + 1;
    while (j < hits.length && tieKey(hits[j]!) === tieKey(hits[i]!)) j++;
    ordered.push(
      ...hits.slice(i, j).sort((x, y) => x.stored.entry.id.localeCompare(y.stored.entry.id)),
    );
    i = j;
  }
  return { ...found, value: { ...found.value, hits: ordered } };
}

describe('archive dump round trip', () => {
  it('export → restore into an empty archive → export gives the same lines and the same archive', () => {
    fc.assert(
      fc.property(archiveSpec, (spec) => {
        const a = buildArchive(spec);
        const b = openSqliteArchive(':memory:');
        try {
          const dump = dumpOf(a);
          const r = restoreArchiveDump(b, asFileLines(dump), 'gen.jsonl', { batchEntries: 3 });
          expect(r.diagnostics).toEqual([]);
          expect(dumpOf(b)).toEqual(dump);
          expect(contents(b)).toEqual(contents(a));
          // Restoring again changes nothing.
          const again = restoreArchiveDump(b, asFileLines(dump), 'gen.jsonl');
          expect(again.inserted).toBe(0);
          expect(dumpOf(b)).toEqual(dump);
        } finally {
          a.close();
          b.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('the text export gives back every day’s entries, order and document tag lines', () => {
    fc.assert(
      fc.property(archiveSpec, (spec) => {
        const a = buildArchive(spec);
        const b = openSqliteArchive(':memory:');
        const folder = mkdtempSync(join(dir, 'text-'));
        try {
          const docs = [...dayDocuments(a)];
          for (const d of docs) writeFileSync(join(folder, `${d.day}.txt`), d.text);
          writeFileSync(
            join(folder, 'kirinuki-days.json'),
            textDaysManifest(docs.map((d) => d.day)),
          );
          const r = importTextDays(b, folder, { today: '2024-03-01', storyWindowDays: false });
          expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
          const byDay = (x: Archive) =>
            x.allDays().map(({ day, documentTagLines }) => ({
              day,
              documentTagLines,
              entries: x.entriesOfDay(day).map((s) => s.entry),
            }));
          expect(byDay(b)).toEqual(byDay(a));
          expect([...dayDocuments(b)]).toEqual(docs);
        } finally {
          a.close();
          b.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('restoring a damaged dump', () => {
  function sample(): string[] {
    const a = buildArchive({
      days: [3, 4],
      content: [
        { entries: [spec('停戦協議'), spec('北部州都')], tagLines: [['NATO']] },
        { entries: [spec('穀物船出港'), spec('首脳会談')], tagLines: [] },
      ],
      curation: { edits: [], drops: [], reverse: false, stories: [], published: false },
    });
    try {
      return dumpOf(a);
    } finally {
      a.close();
    }
  }
  function spec(head: string): ArchiveSpec['content'][number]['entries'][number] {
    return { head, handle: 'tozai_test', date: [1, 3], body: [], lines: [] };
  }
  function restoreText(text: string) {
    const file = join(dir, `damaged-${(runs += 1)}.jsonl`);
    writeFileSync(file, text);
    const b = openSqliteArchive(':memory:');
    try {
      const r = restoreArchiveDump(b, fileLines(file), file);
      return { r, file, ids: [...b.allEntries()].map((s) => s.entry.id) };
    } finally {
      b.close();
    }
  }

  it('names the file and line of bad JSON and of a bad record, and restores the rest', () => {
    const lines = sample();
    const bad = [...lines];
    const entryLines = lines.flatMap((l, i) => (l.includes('"kind":"entry"') ? [i] : []));
    const [first = 0, second = 0] = entryLines;
    bad[first] = '{"kind":"entry",';
    bad[second] = JSON.stringify({ ...JSON.parse(bad[second] ?? '{}'), seq: -1 });
    const { r, file, ids } = restoreText(`${bad.join('\n')}\n`);
    expect(r.diagnostics.map((d) => [d.file, d.line, d.severity])).toEqual([
      [file, first + 1, 'error'],
      [file, second + 1, 'error'],
    ]);
    expect(r.diagnostics[0]?.message).toMatch(/not JSON/);
    expect(r.diagnostics[1]?.message).toMatch(/seq/);
    expect(ids).toHaveLength(2);
  });

  it('a dump cut inside a line says it was cut short and keeps what came before', () => {
    const text = `${sample().join('\n')}\n`;
    const cut = text.slice(0, text.indexOf('"kind":"entry"', text.indexOf('"seq":1')) + 40);
    const { r, ids } = restoreText(cut);
    expect(r.diagnostics.map((d) => d.message).join('\n')).toMatch(/cut short/);
    expect(ids.length).toBeGreaterThan(0);
  });

  it('a dump with a line taken out is noticed by its end record', () => {
    const lines = sample();
    const entryAt = lines.findIndex((l) => l.includes('"kind":"entry"'));
    const { r, ids } = restoreText(`${lines.filter((_, i) => i !== entryAt).join('\n')}\n`);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]?.message).toMatch(/counts 4 entries but the dump holds 3/);
    expect(ids).toHaveLength(3);
  });

  it('a record kind it does not know is a warning, the rest restored', () => {
    const lines = sample();
    lines.splice(2, 0, '{"kind":"note","text":"from a newer kirinuki"}');
    const { r, ids } = restoreText(`${lines.join('\n')}\n`);
    expect(r.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 3 })]);
    expect(ids).toHaveLength(4);
  });

  it('a newer version or another format restores nothing and says why on line 1', () => {
    const lines = sample();
    const newer = restoreText(
      [lines[0]?.replace('"version":1', '"version":2'), ...lines.slice(1)].join('\n'),
    );
    expect(newer.r.diagnostics).toHaveLength(1);
    expect(newer.r.diagnostics[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(newer.r.diagnostics[0]?.message).toMatch(/version 2 is newer/);
    expect(newer.ids).toEqual([]);
    const other = restoreText('{"kind":"entry"}\n');
    expect(other.r.restored).toBe(false);
    expect(other.ids).toEqual([]);
  });

  it('a line that is not UTF-8 is named and skipped', () => {
    const lines = sample();
    const file = join(dir, `bytes-${(runs += 1)}.jsonl`);
    const bytes = Buffer.concat(
      lines.map((l, i) => (i === 3 ? Buffer.from([0xff, 0xfe, 0x0a]) : Buffer.from(`${l}\n`))),
    );
    writeFileSync(file, bytes);
    const b = openSqliteArchive(':memory:');
    try {
      const r = restoreArchiveDump(b, fileLines(file), file);
      expect(r.diagnostics[0]).toMatchObject({ file, line: 4 });
      expect(r.diagnostics[0]?.message).toMatch(/not UTF-8/);
      expect(r.inserted).toBe(3);
    } finally {
      b.close();
    }
  });
});
