import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseForMatch, normaliseWithMap } from '../../text/index.js';
import { normaliseFast, normaliseWithMapFast } from './fast-normalise.js';

/** Characters around which src/text's normalisation makes context-dependent decisions. */
const TRICKY = [
  ...'アカキクシタナロバブヴァィェォゥーｰ―‐−～~・･=-ゔぶかがｶｷｸﾞﾟ',
  '\u3099', '\u309a', '\u0301', '\ufe0f', 'Σ', 'σ', 'ς', 'İ', 'ﬁ', '㍿', 'ＡＢ', 'ab', ' ', '\n', '🐸', '\ud800', '\udc00', '露', '、', '。',
]; // prettier-ignore

const tricky = fc.array(fc.constantFrom(...TRICKY), { maxLength: 40 }).map((a) => a.join(''));
const anyText = fc.oneof(
  tricky,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('fast normalisation ports', () => {
  it('normaliseFast equals src/text normaliseForMatch', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normaliseFast(s)).toBe(normaliseForMatch(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('normaliseWithMapFast equals src/text normaliseWithMap, map included', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(normaliseWithMapFast(s)).toEqual(normaliseWithMap(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on every pair of characters the folding rules look at', () => {
    for (const a of TRICKY)
      for (const b of TRICKY) {
        expect(normaliseFast(a + b)).toBe(normaliseForMatch(a + b));
        expect(normaliseWithMapFast(`ア${a}${b}イ`)).toEqual(normaliseWithMap(`ア${a}${b}イ`));
      }
  });

  it('copies only characters that NFKC and lower-casing leave alone (checked exhaustively)', () => {
    // The fast path of normaliseWithMapFast skips these ranges; each must be its own normal form.
    const ranges: [number, number][] = [
      [0x20, 0x40], [0x5b, 0x7f], [0x3001, 0x3003], [0x3005, 0x3011],
      [0x3041, 0x3096], [0x30a1, 0x30fe], [0x4e00, 0x9fff],
    ]; // prettier-ignore
    for (const [from, to] of ranges)
      for (let c = from; c <= to; c += 1) {
        const ch = String.fromCharCode(c);
        expect(ch.normalize('NFKC').toLowerCase(), `U+${c.toString(16)}`).toBe(ch);
      }
  });
});
