import type { Annotations, Entry } from '../../model/index.js';
import { KANJI_CLASS, KATAKANA_CLASS, normaliseForMatch } from '../../text/index.js';
import { bigramSet, coverage } from './bigrams.js';
import { entryWords } from './source-text.js';
import type { SummaryStyle } from './style.js';
import type { WritingRules } from './writing-rules.js';
// Headline pieces are cut at spaces and punctuation; `=` starts Reuters' source credit.
const HEADLINE_BREAK = /[\s、,，。!！?？:：;；…]+/u;
const QUOTED = /「[^」]*」|“[^”]*”|"[^"]*"|『[^』]*』/gu;
// A keyword says something in kanji or katakana; bare kana is grammar.
const KANJI_OR_KATAKANA = new RegExp(`[${KANJI_CLASS}${KATAKANA_CLASS}]`, 'u');

/**
 * Context keywords saying what happened, every one of them words of this entry: first the
 * phrases the curator has used with this tag before that this entry says word for word
 * (`国防相会合`, `凍結資産の運用益`) — a phrase only like one of the entry's (`無人機26機を撃墜`
 * for an entry about 40 drones) is another day's news and stays out — then pieces of an
 * outlet's headline (`要衝チャシウヤール巡り激戦`) unless `withHeadline` is false. At most
 * `limit`, most used first.
 *
 * @example
 * contextKeywords({ entry, annotations, style }, 'NATO', 1); // ['国防相会合']
 */
export function contextKeywords(
  scene: ContextScene,
  tag: string,
  limit: number,
  withHeadline = true,
): string[] {
  if (limit <= 0) return [];
  const { entry, style } = scene;
  const text = normaliseForMatch(entryWords(entry));
  const habits = Object.entries(style.contexts[tag] ?? {})
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .filter(([phrase]) => text.includes(normaliseForMatch(phrase)))
    .map(([phrase]) => phrase);
  const out: string[] = [];
  for (const phrase of [...habits, ...(withHeadline ? headlinePhrases(scene) : [])]) {
    if (out.length >= limit) break;
    const b = bigramSet(phrase);
    if (!out.some((o) => coverage(b, bigramSet(o)) >= 0.5)) out.push(phrase);
  }
  return out;
}

/** What finding context keywords looks at. */
export interface ContextScene {
  entry: Entry;
  annotations: Annotations;
  style: SummaryStyle;
  /** The words of data/tagging/writing.json: references and connectives. */
  rules: WritingRules;
}

// A headline piece often ends in the particle that tied it to the next: 戦争終結に, 実効性重視を.
const TRAILING_PARTICLE = /[にをはがでともへの]$/u;

/**
 * Pieces of an outlet's headline that can stand as keywords: quoted words, the source credit
 * after `=`, trailing particles and the link removed; 4 to 20 characters, not bare kana, and
 * not just a name (the speaker is named with the quote). Commentary has no headline.
 *
 * @example
 * headlinePhrases(scene); // ['東部の要衝チャシウヤール巡り激戦', 'ロシア軍が攻勢強める']
 */
export function headlinePhrases(scene: ContextScene): string[] {
  const post = scene.entry.post;
  if (!post || post.truncated || scene.annotations.source?.kind === 'individual') return [];
  const names = new Set(
    scene.annotations.entities.flatMap((e) => [e.surface, e.surface + (e.title ?? '')]),
  );
  const head = (post.text.split('\n')[0] ?? '').replace(/https?:\/\/\S+/gu, '');
  return (head.replace(QUOTED, ' ').split(/[=＝]/u)[0] ?? '')
    .split(HEADLINE_BREAK)
    .map((p) => p.trim().replace(TRAILING_PARTICLE, ''))
    .filter((p) => p.length >= 4 && p.length <= 20 && KANJI_OR_KATAKANA.test(p))
    .filter((p) => !names.has(p));
}
