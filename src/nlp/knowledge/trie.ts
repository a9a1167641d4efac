// The text core's files, not its barrel: the annotator's start-up need not load the quote check.
import { isAlnum, isKatakana, isLongVowelMark } from '../../text/chars.js';
import { foldCode, foldWidth, foldWord, unitsFoldingTo } from '../../text/fold.js';

interface Node<T> {
  children: Map<number, Node<T>>;
  value: T | undefined;
}

/** A match of a dictionary word: `[start, end)` in the original text. */
export interface TrieMatch<T> {
  start: number;
  end: number;
  value: T;
}

/**
 * A dictionary of words compiled once into a trie over folded characters, so scanning a text
 * costs O(length × longest word) whatever the number of words — no backtracking regex over a
 * thousand alternatives, no morphological analyser.
 *
 * @example
 * const t = new Trie<string>(); t.add('ハルキウ', 'ハルキウ'); t.add('ハリコフ', 'ハルキウ');
 * t.scan('ハリコフ攻撃'); // [{ start: 0, end: 4, value: 'ハルキウ' }]
 */
export class Trie<T> {
  private readonly root: Node<T> = { children: new Map(), value: undefined };
  /** Raw UTF-16 units that can start a word (after folding): the scan skips all others at once. */
  private readonly firstUnits = new Uint8Array(0x10000);
  /** Words on katakana or Latin letters must not start or end inside a longer word. */
  constructor(private readonly bounded = true) {}

  /** Adds a word; a later value for the same folded word replaces the earlier one. */
  add(word: string, value: T): void {
    let node = this.root;
    const folded = foldWord(word);
    if (folded === '') return;
    for (const u of unitsFoldingTo(folded.charCodeAt(0))) this.firstUnits[u] = 1;
    for (const ch of folded) {
      const code = ch.charCodeAt(0);
      let next = node.children.get(code);
      if (!next) {
        next = { children: new Map(), value: undefined };
        node.children.set(code, next);
      }
      node = next;
    }
    node.value = value;
  }

  /** The longest word starting exactly at `i`, or null. */
  longestAt(text: string, i: number, limit = text.length): TrieMatch<T> | null {
    let node: Node<T> | undefined = this.root;
    let best: TrieMatch<T> | null = null;
    let j = i;
    if (foldCode(text, i) < 0) return null;
    while (node && j < limit) {
      const code = foldCode(text, j);
      j +=
        code === 0x30d0 || code === 0x30d3 || code === 0x30d9 || code === 0x30dc
          ? foldWidth(text, j)
          : 1;
      if (code < 0) continue;
      node = node.children.get(code);
      if (node?.value !== undefined) best = { start: i, end: j, value: node.value };
    }
    if (!best) return null;
    best.end = extendOverLongVowels(text, best.end);
    return this.bounded && !isBounded(text, best.start, best.end) ? null : best;
  }

  /** Leftmost-longest, non-overlapping matches in `[from, to)`. */
  scan(text: string, from = 0, to = text.length): TrieMatch<T>[] {
    const out: TrieMatch<T>[] = [];
    const first = this.firstUnits;
    for (let i = from; i < to;) {
      if (first[text.charCodeAt(i)] !== 1) {
        i += 1;
        continue;
      }
      const m = this.longestAt(text, i, to);
      if (m) {
        out.push(m);
        i = m.end;
      } else i += 1;
    }
    return out;
  }
}

function extendOverLongVowels(text: string, end: number): number {
  let e = end;
  while (e < text.length && isLongVowelMark(text.charCodeAt(e))) e += 1;
  return e;
}

/** A katakana or Latin word must not be cut out of a longer katakana or Latin word. */
function isBounded(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  const last = text.charCodeAt(end - 1);
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  const after = end < text.length ? text.charCodeAt(end) : 0;
  if (isKatakana(first) && isKatakana(before)) return false;
  if (isKatakana(last) && isKatakana(after)) return false;
  // A Latin word after @ or # is part of a handle or hashtag (@nhk_news, #nhk_news).
  if (isAlnum(first) && (isAlnum(before) || before === 0x40 || before === 0x23)) return false;
  return !(isAlnum(last) && isAlnum(after));
}
