import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../model/index.js';
import { normaliseForMatch } from '../../text/index.js';
import { makeEntry } from '../../../test/contract/make-entry.js';
import { asSchema6 } from '../../../test/support/sqlite-schema-6.js';
import { entrySearchText } from '../fulltext/entry-text.js';
import { parseQuery } from '../query/parse-query.js';
import { FULLTEXT_FORMAT, MIGRATIONS } from './migrations.js';
import { openSqliteArchive } from './sqlite-archive.js';

/**
 * Schema 7: one-character terms are answered from `entries_chars`, every other term from
 * `entries_fts`. Queries mixing them — a character with a word, excluded, in a phrase, as an
 * alternative of a word — must give what a brute-force reading of the entries gives, and the
 * migration from schema 6 must leave every result as it was.
 */

const dir = mkdtempSync(join(tmpdir(), 'kirinuki-chars-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ALPHABET = [...'露朝中米停戦会談ロシア支援 、'];
const text = fc.array(fc.constantFrom(...ALPHABET), { maxLength: 20 }).map((cs) => cs.join(''));

const TERMS = ['露', '朝', '米', '停戦', 'ロシア', '会談', '"露 朝"', '" 露"', '"停戦 米"', '露朝'];
/** Aliases as `expandTerm` gives them: one-character words with longer ones, both ways. */
const ALIASES: Record<string, string[]> = {
  露: ['ロシア'],
  ロシア: ['露'],
  米: ['支援', '中'],
  会談: ['朝'],
};
const expandTerm = (term: string): string[] => ALIASES[term] ?? [];

const query = fc
  .tuple(
    fc.subarray(TERMS, { minLength: 1, maxLength: 3 }),
    fc.subarray(TERMS, { maxLength: 2 }),
    fc.boolean(),
  )
  .map(([pos, neg, filtered]) =>
    [...pos, ...neg.map((t) => `-${t}`), ...(filtered ? ['since:2024-01-02'] : [])].join(' '),
  );

/** The query read the slow way: every term (or one of its aliases) in the normalised text. */
function meets(entry: Entry, q: string, aliases: boolean): boolean {
  const haystack = normaliseForMatch(entrySearchText(entry));
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.error.message);
  for (const t of parsed.value.terms) {
    const alts = [t.text, ...(aliases ? expandTerm(t.text) : [])];
    const found = alts.some((a) => haystack.includes(normaliseForMatch(a)));
    if (found === t.negated) return false;
  }
  return parsed.value.filters.every((f) => (entry.post?.date ?? '') >= f.value);
}

const DATES = ['2024-01-01', '2024-01-02', '2024-01-03'];

function entries(texts: readonly [string, string][]): Entry[] {
  return texts.map(([post, body], i) =>
    makeEntry({ id: `e${i}`, text: post, body: [body], date: DATES[i % DATES.length] }),
  );
}

describe('one-character terms from their own table', () => {
  it('give what a brute-force scan gives, in AND, NOT, phrase and OR positions', () => {
    const prop = fc.property(
      fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 16 }),
      fc.array(query, { minLength: 1, maxLength: 5 }),
      fc.boolean(),
      (texts, queries, aliases) => {
        const filed = entries(texts);
        const archive = openSqliteArchive(':memory:');
        for (let i = 0; i < filed.length; i += 4)
          archive.importBatch({
            source: 'p',
            day: `2024-01-0${1 + (i % 3)}`,
            entries: filed.slice(i, i + 4),
            documentTagLines: [],
          });
        const options = aliases ? { expandTerm } : {};
        for (const q of queries) {
          const expected = filed.filter((e) => meets(e, q, aliases)).map((e) => e.id);
          expect(archive.count(q, options), q).toEqual({ ok: true, value: expected.length });
          const r = archive.search(q, { limit: 100, ...options });
          if (!r.ok) throw new Error(r.error.message);
          expect(r.value.hits.map((h) => h.stored.entry.id).sort(), q).toEqual(expected.sort());
        }
        archive.close();
      },
    );
    fc.assert(prop, { numRuns: 120 });
  });

  it('are kept in step on update and removal', () => {
    const archive = openSqliteArchive(':memory:');
    const [a, b] = entries([
      ['露と朝', '停戦'],
      ['米', '会談'],
    ]) as [Entry, Entry];
    archive.importBatch({ source: 's', day: '2024-01-01', entries: [a, b], documentTagLines: [] });
    expect(archive.count('露')).toEqual({ ok: true, value: 1 });
    archive.updateEntries([{ ...a, post: a.post ? { ...a.post, text: '中' } : null }]);
    expect(archive.count('露')).toEqual({ ok: true, value: 0 });
    expect(archive.count('中 停戦')).toEqual({ ok: true, value: 1 });
    expect(archive.removeEntry('e1')).toBe(true);
    expect(archive.count('米')).toEqual({ ok: true, value: 0 });
    expect(archive.check().every((c) => c.ok)).toBe(true);
    archive.close();
  });
});

describe('doctor', () => {
  it('reports an entry missing from the one-character index', () => {
    const path = join(dir, 'doctor.db');
    const a = openSqliteArchive(path);
    a.importBatch({
      source: 's',
      day: '2024-01-01',
      entries: entries([['露', '朝']]),
      documentTagLines: [],
    });
    expect(a.check().every((c) => c.ok)).toBe(true);
    a.close();
    const db = new Database(path);
    db.exec('DELETE FROM entries_chars');
    db.close();
    const b = openSqliteArchive(path);
    const check = b.check().find((c) => c.name === 'entries in the one-character index');
    expect(check).toMatchObject({ ok: false, detail: expect.stringMatching(/^1 entries missing/) });
    b.close();
  });
});

describe('migration 7', () => {
  it('moves the characters of a schema-6 archive to their own table, every result unchanged', () => {
    const path = join(dir, 'v6.db');
    const filed = entries(
      Array.from({ length: 40 }, (_, i) => [
        ['露', '朝', '米', 'ロシア'][i % 4] + '停戦' + 'の'.repeat(i % 3),
        ['会談', '支援 露', '中 米', 'x'][i % 4] as string,
      ]),
    );
    const a = openSqliteArchive(path);
    a.importBatch({ source: 's', day: '2024-01-01', entries: filed, documentTagLines: [] });
    a.close();
    const db = new Database(path);
    asSchema6(db);
    db.close();
    const queries = ['露', '朝 -停戦', '"露 朝"', '米 会談', '-露 停戦', 'の', '中', '" 露"'];
    // What the schema-6 index holds: each character's entries (its chars column) and each
    // bigram's; the migrated tables must hold the same.
    const chars = [...new Set(filed.flatMap((e) => [...normaliseForMatch(entrySearchText(e))]))];
    const old = new Database(path, { readonly: true });
    const before = indexed(old, chars, (c) => `{chars} : "${c}"`, 'entries_fts');
    const bigrams = indexed(old, ['停戦', 'ロシ', '会談'], (w) => `"${w}"`, 'entries_fts');
    old.close();

    const b = openSqliteArchive(path);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(
      check.prepare("SELECT value FROM meta WHERE key = 'fulltext_format'").pluck().get(),
    ).toBe(FULLTEXT_FORMAT);
    expect(check.prepare('SELECT count(*) FROM entries_chars_docsize').pluck().get()).toBe(40);
    expect(check.pragma('freelist_count', { simple: true })).toBe(0);
    expect(indexed(check, chars, (c) => `"${c}"`, 'entries_chars')).toEqual(before);
    expect(indexed(check, ['停戦', 'ロシ', '会談'], (w) => `"${w}"`, 'entries_fts')).toEqual(
      bigrams,
    );
    check.close();
    for (const q of queries) {
      const expected = filed.filter((e) => meets(e, q, false)).map((e) => e.id);
      expect(b.count(q), q).toEqual({ ok: true, value: expected.length });
      const r = b.search(q, { limit: 100 });
      expect(r.ok && r.value.hits.map((h) => h.stored.entry.id).sort(), q).toEqual(expected.sort());
    }
    expect(b.check().every((c) => c.ok)).toBe(true);
    b.close();
  });
});

/** The rowids each key's expression matches in `table`, keyed by the key. */
function indexed(
  db: Database.Database,
  keys: readonly string[],
  expression: (key: string) => string,
  table: string,
): Record<string, number[]> {
  const matching = db
    .prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid`)
    .pluck();
  return Object.fromEntries(
    keys.filter((k) => k.trim() !== '').map((k) => [k, matching.all(expression(k)) as number[]]),
  );
}
