// The text core's files, not its barrel: the annotator's start-up need not load the quote check.
import { isAlnum, isKatakana, isLongVowelMark } from '../../text/chars.js';
import { foldCode, foldWidth, foldWord, unitsFoldingTo } from '../../text/fold.js';

interface Node<T> {
  children: Map<number, Node<T>>;
  value: T | undefined;
}

/**
 * The trie as scanned: nodes numbered from 1 (0 is "no node"), each node's edges a run of
 * `codes`/`targets` sorted by code, and the root's edges a table indexed by code. A lookup is
 * then an array read or a short search in two typed arrays instead of a Map probe per unit —
 * the scans walk every kanji and katakana of a text (issue 10's speed target).
 */
interface Compiled<T> {
  rootEdges: Int32Array;
  edgeStart: Int32Array;
  codes: Uint16Array;
  targets: Int32Array;
  values: (T | undefined)[];
}

/** Above this many edges a node's edges are searched by halves, below it one by one. */
const LINEAR_EDGES = 8;

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
  /** Built on the first look-up after the last `add`. */
  private compiled: Compiled<T> | null = null;
  /** Raw UTF-16 units that can start a word (after folding): the scan skips all others at once. */
  private readonly firstUnits = new Uint8Array(0x10000);
  /** Words on katakana or Latin letters must not start or end inside a longer word. */
  constructor(private readonly bounded = true) {}

  /** Adds a word; a later value for the same folded word replaces the earlier one. */
  add(word: string, value: T): void {
    let node = this.root;
    const folded = foldWord(word);
    if (folded === '') return;
    this.compiled = null;
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
    if (foldCode(text, i) < 0) return null;
    const c = (this.compiled ??= compile(this.root));
    let node = -1;
    let bestEnd = -1;
    let bestValue: T | undefined;
    let j = i;
    while (node !== 0 && j < limit) {
      const code = foldCode(text, j);
      j +=
        code === 0x30d0 || code === 0x30d3 || code === 0x30d9 || code === 0x30dc
          ? foldWidth(text, j)
          : 1;
      if (code < 0) continue;
      node = node < 0 ? (c.rootEdges[code] ?? 0) : edge(c, node, code);
      const value = c.values[node];
      if (value !== undefined) {
        bestEnd = j;
        bestValue = value;
      }
    }
    if (bestValue === undefined) return null;
    const end = extendOverLongVowels(text, bestEnd);
    return this.bounded && !isBounded(text, i, end) ? null : { start: i, end, value: bestValue };
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

/** The node an edge from `node` on `code` leads to, or 0. */
function edge<T>(c: Compiled<T>, node: number, code: number): number {
  let lo = c.edgeStart[node] ?? 0;
  let hi = c.edgeStart[node + 1] ?? 0;
  if (hi - lo <= LINEAR_EDGES) {
    for (; lo < hi; lo += 1) if (c.codes[lo] === code) return c.targets[lo] ?? 0;
    return 0;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = c.codes[mid] ?? 0;
    if (at === code) return c.targets[mid] ?? 0;
    if (at < code) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** Numbers the nodes breadth first and lays their edges out in typed arrays. */
function compile<T>(root: Node<T>): Compiled<T> {
  // Index 0 stands for "no node"; the root's children are 1…n, their children after them.
  const order: Node<T>[] = [];
  const ids = new Map<Node<T>, number>();
  const queue: Node<T>[] = [...root.children.values()];
  for (let q = 0; q < queue.length; q += 1) {
    const n = queue[q] as Node<T>;
    ids.set(n, q + 1);
    order.push(n);
    for (const child of n.children.values()) queue.push(child);
  }
  const edgeStart = new Int32Array(order.length + 2);
  const codes = new Uint16Array(Math.max(1, order.length));
  const targets = new Int32Array(Math.max(1, order.length));
  const values: (T | undefined)[] = [undefined];
  let e = 0;
  for (let id = 1; id <= order.length; id += 1) {
    const n = order[id - 1] as Node<T>;
    values.push(n.value);
    edgeStart[id] = e;
    for (const [code, child] of [...n.children].sort((a, b) => a[0] - b[0])) {
      codes[e] = code;
      targets[e] = ids.get(child) ?? 0;
      e += 1;
    }
  }
  edgeStart[order.length + 1] = e;
  const rootEdges = new Int32Array(0x10000);
  for (const [code, child] of root.children) rootEdges[code] = ids.get(child) ?? 0;
  return { rootEdges, edgeStart, codes, targets, values };
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
