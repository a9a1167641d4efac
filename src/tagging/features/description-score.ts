import type { DescriptionTerms } from './description.js';
import { compileTerms, countTerms, type CompiledTerms } from './term-counts.js';

/**
 * How common each description word is in the entries the model has learned from: `docs`
 * entries read, `seen[term]` of them containing the term. A word most news says (ロシア in a
 * digest about Russia's war) tells no tag apart however specific the taxonomy makes it look;
 * counted over the archive's own entries, so it follows what the curator collects.
 */
export interface TermBackground {
  docs: number;
  seen: Record<string, number>;
}

/** Entries counted into a background at most: word frequencies settle well before this. */
export const BACKGROUND_SAMPLE = 5000;

/** The background of no entries: every description word counts the same. */
export function emptyBackground(): TermBackground {
  return { docs: 0, seen: {} };
}

/**
 * Counts one entry's normalised text into a background (in place): each description word it
 * contains, once.
 *
 * @example
 * const bg = emptyBackground();
 * addToBackground(bg, descriptions, 'ロシア軍がミサイル攻撃');
 * bg.seen['攻撃']; // 1
 */
export function addToBackground(
  background: TermBackground,
  descriptions: readonly DescriptionTerms[],
  text: string,
): TermBackground {
  background.docs += 1;
  const c = compileTerms(descriptions);
  countTerms(text, c, 1).all.forEach((n, id) => {
    const term = c.terms[id] as string;
    if (n > 0) background.seen[term] = (background.seen[term] ?? 0) + 1;
  });
  return background;
}

/** How scoring weighs description words. */
export interface DescriptionScoring {
  /** A description word in the headline counts as this many in the body. */
  headHits: number;
  /** A description word in the body's first sentence counts as this many elsewhere in it. */
  leadHits: number;
  /** How much the background's rarity counts: 0 ignores it, 1 multiplies by its full idf. */
  backgroundPower: number;
  /** A tag's sum is divided by its words' total weight to this power (0.5: a long description does not win by length alone). */
  lengthPower: number;
}

/** A description word of a tag found in an entry, and what it added to the tag's score. */
export interface DescribedWord {
  term: string;
  /** Occurrences, a headline one counting `headHits` and a lead one `leadHits`. */
  hits: number;
  /** weight × rarity × ln(1 + hits), before the tag's length normalisation. */
  contribution: number;
}

/**
 * How strongly an entry's text says each tag's words: for each tag, the sum over its words of
 * weight × rarity × ln(1 + hits), a headline hit counting as `headHits` body hits and one in
 * the lead (the body's first sentence) as `leadHits`, divided by the tag's total weight to
 * `lengthPower`. A tag whose description names two parties together scores 0 unless the entry
 * names its own party (`requires`), and has one word more, as heavy as its heaviest: the two
 * named in the headline or the lead, hit as often as the less named of them there. Rarity is the word's smoothed inverse document frequency in the background,
 * `ln(1 + (docs + 1) / (seen + 1))`, to `backgroundPower`. Matching is by substring on
 * normalised text, so a stem (終わら) meets its inflections (終わらせる, 終わらない) and ヴォ
 * meets ボ.
 *
 * @example
 * descriptionScores(describeTags(tags, glossary), '北朝鮮外相が訪露', '…', scoring, background);
 * // Float64Array [0.1, 1.9, …]
 */
export function descriptionScores(
  descriptions: readonly DescriptionTerms[],
  head: string,
  body: string,
  scoring: DescriptionScoring,
  background: TermBackground = emptyBackground(),
): Float64Array {
  const c = compileTerms(descriptions);
  const hits = hitsOf(c, head, body, scoring);
  const rare = rarities(c, background, scoring.backgroundPower);
  return Float64Array.from(c.tags, ({ ids, weights, parties, requires }) => {
    // A pair tag without its own party named: troops and talks are not 露朝 without North Korea.
    if (requires.length > 0 && !requires.some((id) => (hits.all[id] as number) > 0)) return 0;
    let sum = 0;
    let total = 0;
    let heaviest = 0;
    ids.forEach((id, k) => {
      const w = (weights[k] as number) * (rare[id] as number);
      total += w;
      heaviest = Math.max(heaviest, w);
      const h = hits.all[id] as number;
      if (h > 0) sum += w * Math.log1p(h);
    });
    if (parties.length > 0) {
      // The parties named together where the story is told (headline, lead) count as one more
      // word, as heavy as the tag's heaviest: a pair tag's own subject.
      const w = heaviest;
      const named = parties.map((words) =>
        Math.max(0, ...Array.from(words, (id) => hits.front[id] as number)),
      );
      total += w;
      sum += w * Math.log1p(Math.min(...named));
    }
    return total > 0 ? sum / total ** scoring.lengthPower : 0;
  });
}

/**
 * The words of one tag's description that an entry says, strongest first: what
 * `explainSuggestion` shows as the words behind the descriptions' part of a score.
 *
 * @example
 * describedWords(description, '北朝鮮外相が訪露', '…', scoring, background)[0];
 * // { term: '北朝鮮', hits: 5, contribution: 4.4 }
 */
export function describedWords(
  description: DescriptionTerms,
  head: string,
  body: string,
  scoring: DescriptionScoring,
  background: TermBackground = emptyBackground(),
): DescribedWord[] {
  const c = compileTerms([description]);
  const hits = hitsOf(c, head, body, scoring).all;
  const rare = rarities(c, background, scoring.backgroundPower);
  const words: DescribedWord[] = [];
  c.tags[0]?.ids.forEach((id, k) => {
    const h = hits[id] as number;
    const w = (c.tags[0]?.weights[k] as number) * (rare[id] as number);
    if (h > 0)
      words.push({ term: c.terms[id] as string, hits: h, contribution: w * Math.log1p(h) });
  });
  return words.sort((a, b) => b.contribution - a.contribution || (a.term < b.term ? -1 : 1));
}

/**
 * Weighted occurrences of each word in an entry: `all`, a headline one counting `headHits`,
 * one in the lead (the body's first sentence, where news says what the story is) `leadHits`,
 * one elsewhere 1; and `front`, those of the headline and the lead only.
 */
function hitsOf(
  c: CompiledTerms,
  head: string,
  body: string,
  scoring: DescriptionScoring,
): { all: Float64Array; front: Float64Array } {
  const end = body.search(/[。\n]/u);
  const inHead = countTerms(head, c, MAX_HITS).all;
  const inBody = countTerms(body, c, MAX_HITS, end < 0 ? body.length : end);
  const front = Float64Array.from(
    inHead,
    (n, id) => scoring.headHits * n + scoring.leadHits * (inBody.before[id] as number),
  );
  const all = Float64Array.from(
    inBody.all,
    (n, id) => (front[id] as number) + n - (inBody.before[id] as number),
  );
  return { all, front };
}

/** Each word's rarity to `power`. */
function rarities(c: CompiledTerms, background: TermBackground, power: number): Float64Array {
  return Float64Array.from(c.terms, (term) =>
    power === 0 ? 1 : rarity(background, term) ** power,
  );
}

/** The smoothed inverse document frequency of a word in the background. */
export function rarity(background: TermBackground, term: string): number {
  return Math.log(1 + (background.docs + 1) / ((background.seen[term] ?? 0) + 1));
}

// Counting stops here: the tenth mention of a word adds little to the first few.
const MAX_HITS = 8;
