import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listHeadline } from './site-entry.js';

/** What listHeadline does, written plainly, without its shortcut for clean headlines. */
function reference(headline: string): string {
  const text = headline
    .replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+/g, ' ')
    .replace(/(?:\s+#[\p{L}\p{N}_]+)+\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? headline : text;
}

describe('listHeadline', () => {
  it('leaves out the post’s links and trailing hashtags', () => {
    expect(listHeadline('港湾施設で火災https://t.co/sBZo2qdvlO #nhk_news')).toBe('港湾施設で火災');
    expect(listHeadline('露朝が会談 https://t.co/x')).toBe('露朝が会談');
    expect(listHeadline('🐸 pic.twitter.com/YNcZwC3Gaa')).toBe('🐸');
    expect(listHeadline('https://t.co/x')).toBe('https://t.co/x');
  });

  it('is the plain rule on any text, its shortcut included', () => {
    const piece = fc.constantFrom(
      ' ',
      '\u3000',
      '\t',
      '\n',
      '#',
      'nhk',
      'https://t.co/a',
      'pic.twitter.com/b',
      '露',
      'a',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        expect(listHeadline(text)).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});
