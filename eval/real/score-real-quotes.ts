import { foldWord } from '../../src/nlp/index.js';
import type { Quote } from '../../src/model/index.js';
import type { RealItem, RealQuote } from './load-real.js';

/** Quote and speaker counts over real excerpts, with each miss for `VERBOSE=1`. */
export interface RealQuoteScores {
  tp: number;
  fp: number;
  fn: number;
  speakerRight: number;
  speakerTotal: number;
  /** Misses by class: `missed`, `extra`, `no-speaker`, `wrong-speaker`. */
  classes: Map<string, number>;
  misses: string[];
}

export function emptyRealScores(): RealQuoteScores {
  return { tp: 0, fp: 0, fn: 0, speakerRight: 0, speakerTotal: 0, classes: new Map(), misses: [] };
}

/** Quotes that count as attributed speech: speech and fragments, not terms or indirect reports. */
export function isAttributedQuote(q: Quote): boolean {
  return q.kind === 'speech' || q.kind === 'fragment';
}

const key = (s: string | null | undefined): string => (s ? foldWord(s.replace(/\s/g, '')) : '');

/**
 * Whether the proposed speaker names the gold one: the canonical names agree, or the speaker as
 * written agrees with the gold speaker or canonical name (`崔氏` for 崔善姫 written `崔氏`). A bare
 * title (`報道官` for `国防総省の報道官`) does not count: names are compared whole, never by
 * substring.
 */
export function speakerMatches(got: Quote, gold: RealQuote): boolean {
  const mine = [key(got.canonical), key(got.speaker)].filter((x) => x !== '');
  const theirs = [key(gold.canonical), key(gold.speaker)];
  return mine.some((m) => theirs.includes(m));
}

const bump = (s: RealQuoteScores, cls: string): void => {
  s.classes.set(cls, (s.classes.get(cls) ?? 0) + 1);
};

/**
 * Scores one excerpt: gold quotes are matched to found quotes by their exact inner text, in
 * order (the same words quoted twice are two quotes).
 */
export function scoreRealItem(item: RealItem, quotes: readonly Quote[], s: RealQuoteScores): void {
  const found = quotes.filter(isAttributedQuote);
  const used = new Set<number>();
  for (const g of item.quotes) {
    const i = found.findIndex((q, j) => !used.has(j) && q.text === g.text);
    const hit = found[i];
    if (!hit) {
      s.fn += 1;
      bump(s, 'missed');
      s.misses.push(`${item.id}: missed 「${clip(g.text)}」 (${g.speaker})`);
      continue;
    }
    used.add(i);
    s.tp += 1;
    s.speakerTotal += 1;
    if (speakerMatches(hit, g)) {
      s.speakerRight += 1;
      continue;
    }
    bump(s, hit.speaker === null ? 'no-speaker' : 'wrong-speaker');
    s.misses.push(
      `${item.id}: speaker ${hit.speaker ?? 'null'} [${hit.canonical ?? '-'}] ≠ ${g.speaker} [${g.canonical}] for 「${clip(g.text)}」`,
    );
  }
  found.forEach((q, j) => {
    if (used.has(j)) return;
    s.fp += 1;
    bump(s, 'extra');
    s.misses.push(`${item.id}: extra 「${clip(q.text)}」 (${q.kind}, ${q.speaker ?? 'null'})`);
  });
}

const clip = (t: string): string => (t.length > 40 ? `${t.slice(0, 40)}…` : t);
