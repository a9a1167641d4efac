/**
 * Pasted embeds were found by a pattern that rescanned to the end for every `<blockquote `
 * without a `>` (300 KB: 2.7 s, quadratic), and the widgets script by another that did the same
 * for `<script `. They are found by htmlparser2's tokenizer now; these tests hold it to the
 * patterns' answers where both read the markup alike and feed it the inputs that broke them.
 * A paste of nothing but line breaks was quadratic too (a million: 140 s), and so was the
 * normalising of a long text with no line break or space.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPaste } from '../paste/index.js';
import { normaliseLong } from '../shared/index.js';
import { embedSpans, extractEmbeds } from './extract-embeds.js';

// The patterns as they were, the reference on short pastes.
const BLOCKQUOTE =
  /<blockquote\b[^>]*\bclass\s*=\s*["'][^"']*twitter-tweet[^"']*["'][^>]*>[\s\S]*?(?:<\/blockquote>|$)/gi;
const WIDGETS_SCRIPT =
  /<script\b[^>]*platform\.(?:twitter|x)\.com\/widgets\.js[^>]*>\s*<\/script>/gi;

const spansOf = (re: RegExp, text: string) =>
  [...text.matchAll(re)].map((m) => [m.index, m.index + m[0].length]);

describe('embeds found by a tokenizer', () => {
  const paste = fc
    .array(
      fc.constantFrom(
        '<blockquote class="twitter-tweet">', '<blockquote class="twitter-tweet" data-lang="ja">',
        "<BLOCKQUOTE CLASS='Twitter-Tweet tw-align-center'>", '<blockquote>', '</blockquote>',
        '<p lang="ja" dir="ltr">', '</p>', '本文', '&mdash; 名 (@a) <a href="https://x.com/a/status/1">January 18, 2024</a>',
        '<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
        '<script src="https://x.com/widgets.js"></script>', '<script>x()</script>', '\n', ' ', 'メモ',
      ),
      { maxLength: 12 },
    )
    .map((a) => a.join('')); // prettier-ignore

  it('finds what the patterns found', () => {
    fc.assert(
      fc.property(paste, (text) => {
        const spans = embedSpans(text);
        const blanked = text.replace(WIDGETS_SCRIPT, (s) => s.replace(/[^\n]/g, ' '));
        expect(spans.scripts.map((s) => [s.start, s.end])).toEqual(spansOf(WIDGETS_SCRIPT, text));
        expect(spans.embeds.map((s) => [s.start, s.end])).toEqual(spansOf(BLOCKQUOTE, blanked));
      }),
      { numRuns: 3000 },
    );
  });

  it.each(['<blockquote ', '<blockquote class="twitter-tweet">x', '<script ', '<a href="'])(
    'reads %j repeated to 10 MB in one pass',
    (unit) => {
      const text = unit.repeat(Math.ceil(10_000_000 / unit.length));
      expect(() => extractEmbeds(text, 'paste.html')).not.toThrow();
    },
  );
});

describe('long pastes', () => {
  it('read a million line breaks and ten million characters without one in one pass', () => {
    expect(extractPaste('\n'.repeat(1_000_000), 'p').entries).toEqual([]);
    const body = extractPaste(`${'\n'.repeat(500_000)}本文${'\n'.repeat(500_000)}`, 'p');
    expect(body.entries[0]?.body).toEqual(['本文']);
    expect(normaliseLong('ア'.repeat(10_000_000)).length).toBe(10_000_000);
  });
});
