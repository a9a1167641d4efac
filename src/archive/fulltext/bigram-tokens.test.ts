import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexChars, indexRuns, indexText, runTokens } from './bigram-tokens.js';

describe('indexText', () => {
  it('writes each run as its bigrams and then its last character', () => {
    expect(indexText('停戦協議')).toBe('停戦 戦協 協議 議');
    expect(indexText('露')).toBe('露');
    expect(indexText('露朝')).toBe('露朝 朝');
  });

  it('ends runs at whitespace, so a phrase never spans two runs', () => {
    // "ab bc": the unigram b sits between ab and bc, so the phrase "ab bc" (for abc) cannot match.
    expect(indexText('ab bc')).toBe('ab b bc c');
    expect(indexText('停戦\n 協議 ')).toBe('停戦 戦 協議 議');
    expect(indexText(' \n\t')).toBe('');
  });

  it('moves ASCII punctuation to the private-use block so the ascii tokenizer keeps it', () => {
    expect(indexText('(a)')).toBe('\ue028a a\ue029 \ue029');
    expect(indexText('2.1%')).toBe('2\ue02e \ue02e1 1\ue025 \ue025');
  });

  it('treats the escape block itself as a separator, so the mapping stays one to one', () => {
    expect(indexText('a\ue028b')).toBe('a b');
  });

  it('keeps characters outside the BMP whole', () => {
    expect(indexText('🐸露')).toBe('🐸露 露');
  });
});

describe('indexRuns, runTokens, indexChars', () => {
  it('split and tokenise the same way as indexText', () => {
    const runs = indexRuns('露朝 会談');
    expect(runs).toEqual([
      ['露', '朝'],
      ['会', '談'],
    ]);
    expect(runs.flatMap(runTokens).join(' ')).toBe(indexText('露朝 会談'));
  });

  it('lists distinct characters once', () => {
    expect(indexChars(['露朝', '朝鮮 (x)'])).toBe('露 朝 鮮 \ue028 x \ue029');
  });

  it('indexText is the runs’ tokens, for any text (lone surrogates, escapes, astral characters)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc
        .array(
          fc.constantFrom(...['停', '戦', ' ', '(', 'x', '🐸', '\ue028', '\n', '\ud800', '\udc00']),
        )
        .map((cs) => cs.join('')),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(indexText(t)).toBe(indexRuns(t).flatMap(runTokens).join(' '));
      }),
      { numRuns: 1000 },
    );
  });

  it('lists every indexable character of the runs, once, in order of first appearance', () => {
    // What `chars` holds, said through indexRuns: the same characters the bigrams are made of.
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc
        .array(
          fc.constantFrom(
            ...['停', '戦', '露', '朝', ' ', '(', 'x', '🐸', '\ue028', '\n', '\ud800'],
          ),
        )
        .map((cs) => cs.join('')),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 3 }), (texts) => {
        const expected = [...new Set(texts.flatMap((t) => indexRuns(t).flat()))].join(' ');
        expect(indexChars(texts)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
