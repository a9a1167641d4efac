import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entrySearchText, type Archive } from '../../src/archive/index.js';
import type { Entry } from '../../src/model/index.js';
import { normaliseForMatch } from '../../src/text/index.js';
import type { ArchiveFixture } from './archive-contract.js';
import { makeEntry } from './make-entry.js';

/**
 * Characters whose normalisation does not depend on their neighbours: any substring of a text
 * normalises to a substring of the normalised text, so every substring must be found.
 */
const PLAIN = [...'あいうのをんアイウカキクシタナロ露朝停戦制裁会談北鮮、。「」AbZ12ＡＢｃ１ -()/'];

/**
 * Plus characters whose normalisation looks at their neighbours (ヴァ → バ, ー after katakana
 * dropped, ・ between katakana dropped, half-width dakuten joining the kana before it) and a
 * character outside the BMP: here the reference is the brute-force match itself.
 */
const TRICKY = [
  ...PLAIN,
  'ヴ',
  'ァ',
  'ィ',
  'ー',
  '・',
  '=',
  'ｶ',
  'ﾞ',
  'ﾟ',
  '\u3099',
  '🐸',
  '―',
  'ｰ',
  '\n',
];

const text = (alphabet: string[], max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { maxLength: max }).map((cs) => cs.join(''));

const docs = (alphabet: string[]): fc.Arbitrary<[string, string][]> =>
  fc.array(fc.tuple(text(alphabet, 30), text(alphabet, 30)), { minLength: 1, maxLength: 8 });

function load(
  f: ArchiveFixture,
  texts: [string, string][],
): { archive: Archive; entries: Entry[] } {
  const archive = f.open();
  const entries = texts.map(([post, body], i) =>
    makeEntry({ id: `p${i}`, text: post, body: [body] }),
  );
  archive.importBatch({ source: 'prop', day: '2024-01-01', entries, documentTagLines: [] });
  return { archive, entries };
}

/** What the archive must find for a phrase: entries whose normalised text contains it. */
function bruteForce(entries: Entry[], term: string): string[] {
  const needle = normaliseForMatch(term);
  return entries
    .filter((e) => normaliseForMatch(entrySearchText(e)).includes(needle))
    .map((e) => e.id)
    .sort();
}

function found(archive: Archive, query: string): string[] {
  const r = archive.search(query, { limit: 100 });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.hits.map((h) => h.stored.entry.id).sort();
}

/** A substring of 1–6 characters (code points) of one of the texts, or `null`. */
function substring(
  texts: [string, string][],
  pick: number,
  start: number,
  length: number,
): string | null {
  const all = texts.flat();
  const chars = [...(all[pick % all.length] ?? '')];
  if (chars.length === 0) return null;
  const from = start % chars.length;
  const sub = chars.slice(from, from + length).join('');
  return sub.trim() === '' ? null : sub; // an all-blank phrase is a malformed query
}

export function propertyContract(f: ArchiveFixture): void {
  describe('search properties', () => {
    it('finds every substring of 1–6 characters (no false negatives)', () => {
      const prop = fc.property(
        docs(PLAIN),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        (texts, pick, start, length) => {
          const sub = substring(texts, pick, start, length);
          fc.pre(sub !== null);
          const { archive, entries } = load(f, texts);
          const owner = `p${Math.floor((pick % (texts.length * 2)) / 2)}`;
          const hits = found(archive, `"${sub}"`);
          archive.close();
          expect(hits).toContain(owner);
          expect(hits).toEqual(bruteForce(entries, sub as string));
        },
      );
      fc.assert(prop, { numRuns: 150 });
    });

    it('matches exactly what a brute-force search of the normalised text matches', () => {
      const term = fc.oneof(
        text(TRICKY, 6),
        fc.constantFrom('ー', 'ヴ', 'バ', 'ブ', 'カ', 'ガ', ' ', '・'),
      );
      const prop = fc.property(
        docs(TRICKY),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 6 }),
        term,
        (texts, pick, start, length, random) => {
          const sub = substring(texts, pick, start, length);
          const { archive, entries } = load(f, texts);
          for (const t of [sub, random]) {
            if (t === null || t.trim() === '') continue;
            const expected = bruteForce(entries, t);
            expect(found(archive, `"${t}"`)).toEqual(expected);
            expect(archive.count(`"${t}"`)).toEqual({ ok: true, value: expected.length });
          }
          archive.close();
        },
      );
      fc.assert(prop, { numRuns: 150 });
    });

    it('never throws on any query string', () => {
      const a = f.open();
      a.importBatch({
        source: 's',
        day: '2024-01-01',
        entries: [makeEntry({ id: 'x', text: '停戦 "協議" -制裁 tag:露朝' })],
        documentTagLines: [],
      });
      const query = fc.oneof(
        fc.string(),
        text([...TRICKY, '"', '＂', ':', '：', '-', '－', 't', 'a', 'g', '@', '*'], 20),
      );
      fc.assert(
        fc.property(query, (q) => {
          const r = a.search(q);
          const c = a.count(q);
          expect(r.ok).toBe(c.ok);
          if (!r.ok) expect(r.error.offset).toBeLessThanOrEqual(q.length);
        }),
        { numRuns: 300 },
      );
    });
  });
}
