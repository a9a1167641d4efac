/**
 * Search queries are untrusted text (the workbench takes them from a browser, and a curator
 * pastes them): they reach SQLite only as bound parameters and quoted FTS5 phrases, so SQL,
 * FTS5 operators (`NEAR`, `OR`, `*`, `^`, `{column}`) and LIKE wildcards (`%`, `_`) in a query
 * are searched for as text, and no query can change or break the archive.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteArchive, type Archive } from '../../src/archive/index.js';
import { makeEntry } from '../contract/make-entry.js';

let dir = '';
let archive: Archive;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kirinuki-query-'));
  archive = openSqliteArchive(join(dir, 'a.db'));
  archive.importBatch({
    source: 's.txt',
    day: '2024-01-18',
    entries: [
      makeEntry({
        id: 'meta',
        text: "停戦 NEAR(x y) 50% a_b {chars} *注* 'quoted' x OR y '; DROP TABLE entries; --",
      }),
      // The same words without the metacharacters: what an operator or wildcard would match.
      makeEntry({ id: 'plain', text: '露朝会談 NEARxy 500 axb chars 注 quoted x y DROP TABLE' }),
    ],
    documentTagLines: [],
  });
});

afterAll(() => {
  archive.close();
  rmSync(dir, { recursive: true, force: true });
});

function idsFound(query: string): string[] {
  const r = archive.search(query);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.hits.map((h) => h.stored.entry.id).sort();
}

describe('a query is text, never SQL or FTS5 syntax', () => {
  it.each([
    '"NEAR(x"',
    '"50%"',
    '"a_b"',
    '"{chars}"',
    '"*注*"',
    `"'quoted'"`,
    '"x OR y"',
    `"'; DROP TABLE entries; --"`,
    '%',
    '_',
    '*',
    '{',
    "'",
  ])('%s finds only the entry that holds it as written', (query) => {
    expect(idsFound(query)).toEqual(['meta']);
  });

  it('never throws, whatever the query, and leaves the archive as it was', () => {
    const piece = fc.constantFrom(
      ...`" ' ; -- - ( ) * ^ : { } % _ \\ / NEAR OR AND NOT DROP TABLE entries SELECT tag: from: @ 停戦 x \u0000`.split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }),
        fc.constantFrom(' ', ''),
        (pieces, separator) => {
          const r = archive.search(pieces.join(separator));
          if (r.ok)
            expect(r.value.hits.every((h) => ['meta', 'plain'].includes(h.stored.entry.id))).toBe(
              true,
            );
          else expect(r.error.message).toMatch(/^archive: /);
        },
      ),
      { numRuns: 500 },
    );
    expect(archive.count('')).toEqual({ ok: true, value: 2 });
    expect(archive.check().filter((c) => !c.ok)).toEqual([]);
  });
});
