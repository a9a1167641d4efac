import type { Annotations } from '../../model/index.js';

// Enough countries for the pairs that matter (露朝 is two), few enough that pairs stay few.
const MAX_COUNTRIES_FOR_PAIRS = 6;

/**
 * Named features from the annotator's findings: who speaks (by canonical name), for which
 * organisation, which people, organisations, places and countries are mentioned, every pair of
 * countries mentioned together (`pair:ロシア+北朝鮮`, so a tag about two countries together is
 * learnable apart from either alone), and whether the text is an outlet's or a person's.
 *
 * @example
 * annotationFeatures(annotations);
 * // ['speaker:プーチン', 'country:ロシア', 'country:北朝鮮', 'pair:ロシア+北朝鮮', …]
 */
export function annotationFeatures(a: Annotations): string[] {
  const out = new Set<string>();
  for (const q of a.quotes) {
    const who = q.canonical ?? q.speaker;
    if (who !== null) out.add(`speaker:${who}`);
    if (q.org !== null) out.add(`org:${q.org}`);
  }
  const countries: string[] = [];
  for (const e of a.entities) {
    out.add(`${e.type}:${e.canonical}`);
    if (e.type === 'country' && !countries.includes(e.canonical)) countries.push(e.canonical);
  }
  for (const pair of pairsOf(countries.slice(0, MAX_COUNTRIES_FOR_PAIRS))) out.add(pair);
  if (a.source) out.add(`source:${a.source.kind}`);
  return [...out];
}

function pairsOf(countries: readonly string[]): string[] {
  const sorted = [...countries].sort();
  const pairs: string[] = [];
  sorted.forEach((a, i) => sorted.slice(i + 1).forEach((b) => pairs.push(`pair:${a}+${b}`)));
  return pairs;
}
