import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseClipDocument } from '../../format/index.js';
import { documentEntries, KirinukiError, type Entry } from '../../model/index.js';
import { entrySections } from '../fulltext/entry-text.js';
import {
  COMPACT_JSON_UTF16,
  decodeEntryDoc,
  decodeEntrySections,
  encodeEntryDoc,
} from './entry-docs.js';
import { MIGRATIONS } from './migrations.js';
import { openSqliteArchive } from './sqlite-archive.js';
import { asSchema5 } from '../../../test/support/sqlite-schema-5.js';

const samplesDir = join(import.meta.dirname, '../../../samples');
const sampleDays = readdirSync(samplesDir)
  .filter((f) => /^\d{4}-\d{2}-\d{2}\.txt$/.test(f))
  .map((f) => ({
    day: f.slice(0, 10),
    entries: documentEntries(parseClipDocument(readFileSync(join(samplesDir, f), 'utf8')).document),
  }));
const sampleEntries = sampleDays.flatMap((d) => d.entries);

/** The JSON inside a stored document, as written. */
function storedJson(doc: Buffer): unknown[] {
  return JSON.parse(doc.toString('utf16le', 1)) as unknown[];
}

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-entry-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('encodeEntryDoc / decodeEntryDoc', () => {
  it('gives back every sample entry exactly, keys in the same order', () => {
    expect(sampleEntries.length).toBeGreaterThan(10);
    for (const entry of sampleEntries) {
      const back = decodeEntryDoc(encodeEntryDoc(entry));
      expect(back).toEqual(entry);
      expect(JSON.stringify(back)).toBe(JSON.stringify(entry));
    }
  });

  it('leaves out what the lines give: posts keep their lines, summary lines their raw text', () => {
    const entry = sampleEntries.find((e) => e.post && e.summaries.length > 0) as Entry;
    const stored = storedJson(encodeEntryDoc(entry));
    const post = entry.post as NonNullable<Entry['post']>;
    expect(stored[1]).toEqual([post.headLines, post.attribution, post.tailLines, post.text]);
    expect(stored[4]).toEqual(entry.summaries.map((s) => s.raw));
  });

  it('keeps whole a post or a summary line whose fields differ from what its lines give', () => {
    const entry = sampleEntries.find((e) => e.post && e.summaries.length > 0) as Entry;
    const post = entry.post as NonNullable<Entry['post']>;
    const first = entry.summaries[0] as Entry['summaries'][number];
    const edited: Entry = {
      ...entry,
      post: { ...post, text: `${post.text}(訂正)`, hashtags: ['独自'] },
      summaries: [{ ...first, tag: '別のタグ' }, ...entry.summaries.slice(1)],
      origin: { kind: 'feed', url: 'https://example.jp/a', outlet: '例' },
    };
    const doc = encodeEntryDoc(edited);
    expect(decodeEntryDoc(doc)).toEqual(edited);
    const stored = storedJson(doc);
    expect((stored[1] as { text: string }).text).toBe(`${post.text}(訂正)`);
    expect((stored[4] as unknown[])[0]).toEqual({ ...first, tag: '別のタグ' });
    expect(stored[5]).toEqual(edited.origin);
  });

  it('keeps an attribution line the clip format cannot read, and entries without a post', () => {
    const entry = sampleEntries.find((e) => e.post) as Entry;
    const post = entry.post as NonNullable<Entry['post']>;
    const odd: Entry = { ...entry, post: { ...post, attribution: '— 不明な帰属行' } };
    expect(decodeEntryDoc(encodeEntryDoc(odd))).toEqual(odd);
    const bare: Entry = { ...entry, post: null };
    expect(decodeEntryDoc(encodeEntryDoc(bare))).toEqual(bare);
  });

  it('reads the searchable sections without rebuilding the entry, alike for every form', () => {
    const entry = sampleEntries.find((e) => e.post) as Entry;
    const post = entry.post as NonNullable<Entry['post']>;
    const edited: Entry = { ...entry, post: { ...post, text: '書き換えた本文' } };
    const titled: Entry = { ...entry, post: null, origin: { kind: 'article', title: '見出し' } };
    for (const e of [...sampleEntries, edited, titled]) {
      expect(decodeEntrySections(encodeEntryDoc(e))).toEqual(entrySections(e));
      expect(decodeEntrySections(JSON.stringify(e))).toEqual(entrySections(e));
    }
    expect(decodeEntrySections(encodeEntryDoc(edited)).post).toBe('書き換えた本文');
    expect(decodeEntrySections(encodeEntryDoc(titled)).post).toBe('見出し');
  });

  it('reads JSON text as archives of schema 5 stored it', () => {
    const entry = sampleEntries[0] as Entry;
    expect(decodeEntryDoc(JSON.stringify(entry))).toEqual(entry);
  });

  it('refuses a document of another form with a message naming the module', () => {
    expect(() => decodeEntryDoc(Buffer.from([7, 0, 0]))).toThrow(KirinukiError);
    expect(() => decodeEntryDoc(Buffer.from([7, 0, 0]))).toThrow(/^archive: .*byte 7/);
    expect(() => decodeEntryDoc(null)).toThrow(/form null/);
  });

  it('stores the samples in less than 0.7 of their UTF-8 JSON', () => {
    let json = 0;
    let stored = 0;
    for (const entry of sampleEntries) {
      json += Buffer.byteLength(JSON.stringify(entry));
      const doc = encodeEntryDoc(entry);
      expect(doc[0]).toBe(COMPACT_JSON_UTF16);
      stored += doc.length;
    }
    expect(stored / json).toBeLessThan(0.7);
  });
});

/** An archive as schema 5 left it: entries as JSON text in `entry_docs.json`. */
function version5Archive(path: string): void {
  const a = openSqliteArchive(path);
  for (const { day, entries } of sampleDays)
    a.importBatch({ source: `${day}.txt`, day, entries, documentTagLines: [] });
  a.close();
  const db = new Database(path);
  asSchema5(db);
  // Archives of schema 5 were written with 4 KiB pages.
  db.pragma('journal_mode = DELETE');
  db.pragma('page_size = 4096');
  db.exec('VACUUM');
  db.pragma('journal_mode = WAL');
  db.close();
}

function columnsOf(db: Database.Database): string[] {
  return db
    .prepare('SELECT * FROM entries_fts LIMIT 0')
    .columns()
    .map((c) => c.name);
}

describe('migration 6', () => {
  it('converts every entry of a schema-5 archive, which reads, searches and checks as before', () => {
    const path = join(dir, 'v5.db');
    const words = ['停戦', '露', 'ロシア', '"ウクライナ軍"', '大統領 -会談'];
    const current = openSqliteArchive(join(dir, 'current.db'));
    for (const { day, entries } of sampleDays)
      current.importBatch({ source: `${day}.txt`, day, entries, documentTagLines: [] });
    const counts = words.map((w) => current.count(w));
    current.close();
    version5Archive(path);
    const before = new Database(path, { readonly: true });
    expect(
      before.prepare("SELECT count(*) FROM entry_docs WHERE typeof(json) = 'text'").pluck().get(),
    ).toBe(sampleEntries.length);
    expect(columnsOf(before)).toEqual(['post', 'body', 'summary', 'chars']);
    before.close();

    const a = openSqliteArchive(path);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(
      db.prepare("SELECT count(*) FROM entry_docs WHERE typeof(doc) = 'blob'").pluck().get(),
    ).toBe(sampleEntries.length);
    // Migration 7 came after: the characters are in a table of their own.
    expect(columnsOf(db)).toEqual(['body', 'post', 'summary']);
    // What the migration freed is given back, and the file has the pages of a new archive.
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    expect(db.pragma('freelist_count', { simple: true })).toBe(0);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(words.map((w) => a.count(w))).toEqual(counts);
    expect(counts.every((c) => c.ok && c.value > 0)).toBe(true);
    const stored = [...a.allEntries()].map((s) => s.entry);
    expect(stored).toEqual(sampleEntries);
    expect(a.check().every((c) => c.ok)).toBe(true);
    const word = (sampleEntries[0] as Entry).body[0]?.slice(0, 4) ?? '';
    const found = a.search(`"${word}"`, { limit: 5 });
    expect(found.ok && found.value.total).toBeGreaterThan(0);
    a.close();
  });

  it('doctor reports a stored document of an unknown form', () => {
    const path = join(dir, 'bad.db');
    const a = openSqliteArchive(path);
    const first = sampleDays[0] as (typeof sampleDays)[number];
    a.importBatch({
      source: 'a.txt',
      day: first.day,
      entries: first.entries,
      documentTagLines: [],
    });
    a.close();
    const db = new Database(path);
    db.exec(
      "UPDATE entry_docs SET doc = x'0700' WHERE entry = (SELECT min(entry) FROM entry_docs)",
    );
    db.close();
    const b = openSqliteArchive(path);
    const texts = b.check().find((c) => c.name === 'entry texts');
    expect(texts?.ok).toBe(false);
    b.close();
  });
});
