import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { indexChars, indexText } from '../fulltext/bigram-tokens.js';
import { DISTINCT_TEXT_HASH_BYTES, FulltextRows, type IndexRow } from './fulltext-rows.js';
import { migrate } from './migrations.js';
import { JUDGED_EVERY, TextHashSwitch, WINDOW_TOKENS } from './text-hash-switch.js';

/** Kanji drawn at random (a fixed seed) from 20,000: nearly every pair is new. */
function randomKanji(n: number, seed: number): string {
  let x = seed;
  let text = '';
  for (let i = 0; i < n; i += 1) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    text += String.fromCharCode(0x4e00 + ((x >>> 8) % 20_000));
  }
  return text;
}

/** News-like text: a few sentences over and over, so its pairs recur. */
function repeatedNews(n: number): string {
  const sentences =
    'ロシア軍は東部で攻撃を続けた。ゼレンスキー大統領は支援を求めた。停戦協議は来週再開する。';
  return sentences.repeat(Math.ceil(n / sentences.length)).slice(0, n);
}

function row(text: string): IndexRow {
  return { body: indexText(text), post: '', summary: '', chars: indexChars([text]) };
}

function hashBytes(db: Database.Database): number {
  return db
    .prepare("SELECT v FROM entries_fts_config WHERE k = 'hashsize'")
    .pluck()
    .get() as number;
}

describe('TextHashSwitch', () => {
  it('sets the small size after a window of new pairs, and the archive’s again after recurring ones', () => {
    const db = new Database(':memory:');
    migrate(db);
    const archives = hashBytes(db);
    const rows = new FulltextRows(db);
    const hash = new TextHashSwitch(rows);
    db.exec('BEGIN');
    let rowid = 1;
    const write = (text: string): void => {
      const r = row(text);
      hash.read(r);
      rows.index(rowid++, r);
    };
    // Just under a window: nothing judged yet.
    write(randomKanji(WINDOW_TOKENS - 2, 7));
    expect(hash.small).toBe(false);
    write(randomKanji(100, 8));
    expect(hash.small).toBe(true);
    expect(hashBytes(db)).toBe(DISTINCT_TEXT_HASH_BYTES);
    // The windows after a judged one are passed over (by the length of their text): still small.
    for (let i = 1; i < JUDGED_EVERY; i += 1) write(randomKanji(WINDOW_TOKENS, 10 + i));
    expect(hash.small).toBe(true);
    write(randomKanji(100, 30));
    write(repeatedNews(WINDOW_TOKENS));
    expect(hash.small).toBe(false);
    expect(hashBytes(db)).toBe(archives);
    for (let i = 1; i <= JUDGED_EVERY; i += 1) write(repeatedNews(WINDOW_TOKENS));
    const last = rowid;
    write(randomKanji(WINDOW_TOKENS, 9));
    expect(hash.small).toBe(true);
    hash.finish();
    expect(hash.small).toBe(false);
    expect(hashBytes(db)).toBe(archives);
    db.exec('COMMIT');
    // The rows were indexed all the while.
    const pair = randomKanji(2, 9);
    const found = db.prepare('SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?').pluck();
    expect(found.all(`"${pair}"`)).toContain(last);
    db.close();
  });

  it('keeps the archive’s size for news, whose pairs recur', () => {
    const db = new Database(':memory:');
    migrate(db);
    const rows = new FulltextRows(db);
    const hash = new TextHashSwitch(rows);
    db.exec('BEGIN');
    for (let i = 1; i <= 5; i += 1) {
      const r = row(repeatedNews(WINDOW_TOKENS / 2));
      hash.read(r);
      expect(hash.small).toBe(false);
      rows.index(i, r);
    }
    db.exec('COMMIT');
    db.close();
  });
});
