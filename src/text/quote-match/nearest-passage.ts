import type { MatchView } from './match-view.js';
import type { NearestPassage } from './types.js';

/**
 * The passage of `hay` most like `query`: a window as long as the query slid over the text, its
 * similarity the Dice overlap of character bigrams, kept up to date as the window moves one
 * character — linear in the text, however long, with one map of the query's bigrams. Both are
 * views (see `matchView`); the passage is reported in the source `source` of `hay`. Null when
 * the text is empty or shares nothing with the query.
 *
 * @example
 * nearestPassage(matchView('戦争は終わる', false), view, source)?.similarity; // 0.8
 */
export function nearestPassage(
  query: MatchView,
  hay: MatchView,
  source: string,
): NearestPassage | null {
  const q = query.text;
  const t = hay.text;
  if (q.length === 0 || t.length === 0) return null;
  if (q.length === 1) {
    const i = t.indexOf(q);
    return i === -1 ? null : passage(hay, source, i, i + 1, 1);
  }
  const wanted = new Map<number, number>();
  for (let i = 0; i + 1 < q.length; i += 1) {
    const b = bigram(q, i);
    wanted.set(b, (wanted.get(b) ?? 0) + 1);
  }
  const total = q.length - 1;
  const width = Math.min(q.length, t.length);
  const have = new Map<number, number>();
  let overlap = 0;
  const add = (b: number): void => {
    const w = wanted.get(b);
    if (w === undefined) return;
    const h = have.get(b) ?? 0;
    if (h < w) overlap += 1;
    have.set(b, h + 1);
  };
  const remove = (b: number): void => {
    const w = wanted.get(b);
    if (w === undefined) return;
    const h = (have.get(b) ?? 0) - 1;
    if (h < w) overlap -= 1;
    have.set(b, h);
  };
  for (let i = 0; i + 1 < width; i += 1) add(bigram(t, i));
  let best = overlap;
  let bestAt = 0;
  for (let start = 1; start + width <= t.length; start += 1) {
    remove(bigram(t, start - 1));
    add(bigram(t, start + width - 2));
    if (overlap > best) {
      best = overlap;
      bestAt = start;
    }
  }
  if (best === 0) return null;
  const windowBigrams = Math.max(1, width - 1);
  const similarity = (2 * best) / (total + windowBigrams);
  return passage(hay, source, bestAt, bestAt + width, similarity);
}

function bigram(s: string, i: number): number {
  return s.charCodeAt(i) * 0x10000 + s.charCodeAt(i + 1);
}

function passage(
  view: MatchView,
  source: string,
  from: number,
  to: number,
  similarity: number,
): NearestPassage {
  const start = view.starts[from] as number;
  const end = view.ends[to - 1] as number;
  return {
    start,
    end,
    text: source.slice(start, end),
    similarity: Math.round(similarity * 1000) / 1000,
  };
}
