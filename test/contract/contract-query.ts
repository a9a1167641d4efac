import { describe, expect, it } from 'vitest';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry } from './make-entry.js';

export function queryContract(f: ArchiveFixture): void {
  describe('malformed and hostile queries', () => {
    it('reports malformed queries as errors with the character offset, never throwing', () => {
      const a = f.open();
      const cases: [string, number, RegExp][] = [
        ['停戦 "ロシア', 3, /unbalanced quote/],
        ['tag:', 0, /tag: needs a value/],
        ['ロシア from:@', 4, /from: needs a value/],
        ['since:2024-13-01', 0, /since: expects a date/],
        ['until:yesterday', 0, /until: expects a date/],
        ['x foo:bar', 2, /unknown filter 'foo:'/],
        ['停戦 -', 3, /'-' must be followed/],
        ['-since:2024-01-01', 0, /cannot be negated/],
      ];
      for (const [query, offset, message] of cases) {
        for (const r of [a.search(query), a.count(query)]) {
          expect(r.ok).toBe(false);
          if (r.ok) continue;
          expect(r.error.message).toMatch(/^archive: /);
          expect(r.error.message).toMatch(message);
          expect(r.error.offset).toBe(offset);
          expect(r.error.severity).toBe('error');
        }
      }
    });

    it('treats FTS and SQL syntax in queries as text to search for', () => {
      const a = f.open();
      const entries = [
        makeEntry({ id: 'ops', text: 'A AND B OR C NOT D NEAR(x y) *star ^caret {col}: drop' }),
        makeEntry({ id: 'sql', text: "Robert'); DROP TABLE entries;--" }),
      ];
      a.importBatch({ source: 's', day: '2024-01-01', entries, documentTagLines: [] });
      const found = (q: string): string[] => {
        const r = a.search(q, { limit: 10 });
        if (!r.ok) throw new Error(r.error.message);
        return r.value.hits.map((h) => h.stored.entry.id);
      };
      expect(found('AND OR')).toEqual(['ops']);
      expect(found('NEAR(x')).toEqual(['ops']);
      expect(found('*star')).toEqual(['ops']);
      expect(found('^caret')).toEqual(['ops']);
      expect(found('{col}')).toEqual(['ops']);
      expect(found("Robert');")).toEqual(['sql']);
      expect(found('DROP TABLE')).toEqual(['sql']);
      expect(found('"; DROP TABLE entries;--"')).toEqual(['sql']);
      expect(a.count('')).toEqual({ ok: true, value: 2 });
    });
  });
}
