/**
 * The attribution and tag-line readers were single patterns that backtracked: cubic time on a
 * dash and spaces, quadratic on ` #a #a … !`, a stack overflow on a 10 MB name. They are read
 * by hand now; these tests hold them to the patterns' answers and feed them the inputs that
 * broke them (each would take minutes or throw with the old patterns).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeAttribution, parseAttribution } from './attribution.js';
import { parseClipDocument } from './parse-clip-document.js';
import { endsWithLink, trailingHashtagsStart } from './post-tail.js';
import { isTagOnlyLine, tagsOfLine } from './summary-line.js';

// The patterns as they were, the reference on short lines where they are fast.
const ATTRIBUTION =
  /^\s*(?:—|―|&mdash;|--)\s*(.*?)\s*\(@(\w{1,50})\)\s+([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})\s*$/u;
const TAG_ONLY_LINE = /^\s*(?:[#＃][^\s#＃()（）]+\s*)+$/u;

const pieces = (words: string[]) =>
  fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((a) => a.join(''));

describe('attribution lines, read by hand', () => {
  const line = pieces([
    '—', '―', '&mdash;', '--', '-', ' ', '\u3000', '\t', '\u2028', '(@', '(', ')', '@',
    'Reuters', 'ab_1', '名', '🇺🇦', 'January', 'Jan', 'Sept', '.', '18', '31', '2024', ',',
  ]); // prettier-ignore

  it('answer as the pattern did', () => {
    fc.assert(
      fc.property(line, (l) => {
        const m = ATTRIBUTION.exec(l);
        expect(looksLikeAttribution(l)).toBe(m !== null);
        const got = parseAttribution(l);
        if (got) expect([got.authorName, got.handle]).toEqual([m?.[1], m?.[2]]);
      }),
      { numRuns: 5000 },
    );
    expect(parseAttribution('— 名 (x) (@h) January 18, 2024')?.authorName).toBe('名 (x)');
  });

  it('read a dash and a million spaces, and a 10 MB name, without backtracking', () => {
    expect(parseAttribution(`— ${' '.repeat(1_000_000)}x`)).toBeNull();
    const name = '名'.repeat(10_000_000);
    expect(parseAttribution(`— ${name} (@x) January 18, 2024`)?.authorName.length).toBe(
      name.length,
    );
  });
});

describe('tag-only lines, read by hand', () => {
  const line = pieces(['#', '＃', 'a', 'タグ', ' ', '\u3000', '(', '）', '!', '\n']);

  it('answer as the pattern did', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(isTagOnlyLine(l)).toBe(TAG_ONLY_LINE.test(l));
      }),
      { numRuns: 5000 },
    );
  });

  it('read ` #a` a million times before ` !`, and a 6 MB line of tags', () => {
    expect(isTagOnlyLine(`${' #a'.repeat(1_000_000)} !`)).toBe(false);
    expect(isTagOnlyLine('#a'.repeat(3_000_000))).toBe(true);
  });
});

describe('clip documents holding those lines', () => {
  it('parse and round-trip', () => {
    const att = '— ロイター (@ReutersJapan) January 18, 2024';
    for (const text of [
      `— ${' '.repeat(100_000)}x\n${att}\n本文`,
      `${' #a'.repeat(100_000)} !\n${att}\n本文`,
      `post\n— ${'名'.repeat(200_000)} (@x) January 18, 2024\n本文\n${'#a'.repeat(200_000)}`,
    ]) {
      const { document } = parseClipDocument(text);
      expect(document.parts.length).toBeGreaterThan(0);
    }
  });
});

describe('the end of a post line, read by hand', () => {
  const TRAILING_HASHTAGS = /(?:\s+#[\p{L}\p{N}_]+)+\s*$/u;
  const ENDS_WITH_LINK =
    /(?:https?:\/\/\S+|pic\.twitter\.com\/[A-Za-z0-9]+)(?:\s+#[\p{L}\p{N}_]+)*\s*$/u;
  const line = pieces([
    ' ', '\u3000', '#', 'a', '_', 'ニュース', '𠮷', '🇺🇦', '!', 'http://', 'https://', 'https:/',
    'pic.twitter.com/', 'Ab9', 't.co/x', '.', '\u2028',
  ]); // prettier-ignore

  it('answers as the patterns did', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(trailingHashtagsStart(l)).toBe(TRAILING_HASHTAGS.exec(l)?.index ?? -1);
        expect(endsWithLink(l)).toBe(ENDS_WITH_LINK.test(l));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a million hashtags before ` !` and `http://` repeated at once', () => {
    expect(trailingHashtagsStart(`${' #a'.repeat(1_000_000)} !`)).toBe(-1);
    expect(endsWithLink(`${' http://'.repeat(1_000_000)} x`)).toBe(false);
  });
});

describe('the tags of a tag-only line', () => {
  const OLD = (l: string): string[] =>
    [...l.matchAll(/[#＃]([^\s#＃()（）]+)/gu)].map((m) => m[1] ?? '');
  const line = pieces(['#', '＃', 'a', 'タグ', '🇺🇦', ' ', '\u3000', '(', '）', '!']);

  it('are read as the match-per-tag pattern read them', () => {
    fc.assert(
      fc.property(line, (l) => {
        expect(tagsOfLine(l)).toEqual(OLD(l));
      }),
      { numRuns: 5000 },
    );
  });

  // Found by the fuzzer's time check (scripts/fuzz): a match object per tag made a 10 MB line
  // of `#a` cost 7 s, 46 times its 100 KB cost at ten times the size.
  it('are read from a 6 MB line of `#a` in one document', () => {
    const { document } = parseClipDocument(
      `— x (@y) January 18, 2024\n本文\n${'#a'.repeat(3_000_000)}`,
    );
    const tags = document.parts.flatMap((p) => (p.kind === 'tags' ? p.line.tags : []));
    expect(tags).toHaveLength(3_000_000);
    expect(tags[2_999_999]).toBe('a');
  });
});
