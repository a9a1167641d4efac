import { bigramSet, coverage } from './bigrams.js';
import { headlinePhrases, type ContextScene } from './context.js';
import { withoutEmoji } from './emoji.js';
import { opensWithReference, withoutConnective } from './references.js';
import { annotatedText } from './source-text.js';
import { clip } from './trim.js';
import type { WritingRules } from './writing-rules.js';

// Without quotes a line is all context: a few keywords say what happened.
const PHRASES = 3;
// A sentence standing in for keywords is cut to about what a keyword line holds.
const SENTENCE_ROOM = 40;
// A phrase this much inside something an earlier line of the entry said says it again.
const REPEAT = 0.6;

/**
 * What a line says when there is nothing to quote and the curator's usual keywords are not in
 * the entry: pieces of an outlet's headline; else the sentence of the entry that speaks most
 * to the tag (the first, when none does), emoji and links dropped, cut where a reader can stop.
 * Nothing an earlier line of the same entry said (`said`) is said again, and no sentence that
 * opens by pointing back (`それは…`) stands alone.
 *
 * @example
 * fallbackContext(scene, 'NATO', []); // ['北欧で大規模演習', 'スウェーデン部隊も参加']
 */
export function fallbackContext(
  scene: ContextScene,
  tag: string,
  said: readonly string[],
): string[] {
  // Taken together: a sentence that names an earlier line's speaker and repeats its quote says
  // that line again, though neither alone holds most of it.
  const before = bigramSet(said.join('\n'));
  const fresh = (p: string): boolean => coverage(bigramSet(p), before) < REPEAT;
  const phrases = headlinePhrases(scene).filter(fresh);
  if (phrases.length > 0) return phrases.slice(0, PHRASES);
  const words = new Set(scene.style.tagWords[tag] ?? []);
  let best: { text: string; score: number } | null = null;
  for (const raw of sentencesOf(annotatedText(scene.entry), scene.rules)) {
    const text = clip(raw, SENTENCE_ROOM);
    if (text.length < 4 || opensWithReference(text, scene.rules) || !fresh(text)) continue;
    const score = coverage(bigramSet(raw), words);
    if (!best || score > best.score) best = { text, score };
  }
  return best ? [best.text] : [];
}

/**
 * The sentences of a text (a dash closes one too), without emoji, links, datelines
 * (`【ブリュッセルAFP=時事】`, the agency's credit, not news), list marks, the final
 * stop, or brackets: in a line, a bracket opens a quote, and these words are context.
 */
function sentencesOf(text: string, rules: WritingRules): string[] {
  return withoutEmoji(text.replace(/https?:\/\/\S+|pic\.twitter\.com\/\S+|【[^】\n]*】/gu, ''))
    .replace(/[「」『』]/gu, '')
    .split(/[。！？!?\n]+|[―—]{2,}/u)
    .map((s) => withoutConnective(s.replace(/^[\s⁃・\-–—…]+/u, ''), rules).trim())
    .filter((s) => s !== '');
}
