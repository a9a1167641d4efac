import { KANJI_CLASS, KATAKANA_CLASS } from '../../text/index.js';

const SENTENCE = /(?<=[。！？!?])/u;
const WORD_END = new RegExp(`[${KANJI_CLASS}${KATAKANA_CLASS}A-Za-z0-9Ａ-Ｚａ-ｚ０-９]`, 'u');
// The particles a noun phrase ends before: cutting there leaves whole words.
const PARTICLE = /[のにをはがでとへもや]/u;

/**
 * A quote cut to `max` characters at a sentence end: the curator keeps whole sentences. A first
 * sentence longer than `max` is kept whole up to twice that (a statement cut mid-thought says
 * something else); a longer one is cut at its last comma, or at the last break between a
 * particle and the next word, within `max`.
 *
 * @example
 * trimQuote('準備はできている。交渉には応じる。条件は変えない', 17); // '準備はできている。交渉には応じる'
 */
export function trimQuote(text: string, max: number): string {
  if (text.length <= max) return text;
  const sentences = text.split(SENTENCE);
  let out = '';
  for (const s of sentences) {
    if ((out + s).length > max) break;
    out += s;
  }
  const first = sentences[0] ?? text;
  if (out === '') out = first.length <= 2 * max ? first : clip(first, max);
  return out.replace(/[。、]+$/u, '');
}

/**
 * A phrase cut to at most `max` characters where a reader can stop: at its last comma past a
 * third of it, else at the end of its last whole word (a kanji, katakana or Latin run before a
 * particle), else at `max`.
 *
 * @example
 * clip('ドイツはNATOとロシアの軍事衝突に備えている', 16); // 'ドイツはNATOとロシア'
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const comma = head.lastIndexOf('、');
  if (comma >= max / 3) return head.slice(0, comma);
  for (let i = max; i >= max / 2; i -= 1)
    if (WORD_END.test(text[i - 1] ?? '') && PARTICLE.test(text[i] ?? '')) return text.slice(0, i);
  return head;
}
