import type { SummaryLine } from '../../model/index.js';
import { hasHiragana } from '../../text/index.js';
import { bigramSet } from './bigrams.js';

// A bigram must be in this many of a tag's lines, and this much more common there than in
// all lines, to say something about the tag.
const MIN_LINES = 2;
const MIN_LIFT = 1.5;
const MAX_WORDS = 300;

/**
 * The bigrams that mark each tag's lines (凍結, 制裁 for sanctions; 北朝, 朝鮮 for 露朝): in at
 * least two of the tag's lines and clearly more common there than overall. An entry with two
 * tags gets, for each, the quotes that speak to it.
 *
 * @example
 * tagWords(lines)['ウクライナ経済制裁']; // ['制裁', '凍結', '資産', …]
 */
export function tagWords(lines: readonly SummaryLine[]): Record<string, string[]> {
  const all = new Map<string, number>();
  const byTag = new Map<string, { lines: number; counts: Map<string, number> }>();
  for (const line of lines) {
    const tag = byTag.get(line.tag) ?? { lines: 0, counts: new Map<string, number>() };
    byTag.set(line.tag, tag);
    tag.lines += 1;
    for (const b of bigramSet(line.content)) {
      all.set(b, (all.get(b) ?? 0) + 1);
      tag.counts.set(b, (tag.counts.get(b) ?? 0) + 1);
    }
  }
  const out: Record<string, string[]> = {};
  for (const [tag, { lines: n, counts }] of byTag) {
    const lifted = [...counts]
      .filter(([b, c]) => c >= MIN_LINES && c / n / ((all.get(b) ?? 1) / lines.length) >= MIN_LIFT)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_WORDS)
      .map(([b]) => b);
    if (lifted.length > 0) out[tag] = lifted;
  }
  return out;
}

// A bigram in the descriptions of more than this share of the tags says nothing about any one.
const MAX_TAG_SHARE = 0.25;
// A description's particles and endings (`が組`, `の提`) are no topic: content bigrams only.

/**
 * The bigrams of what the curator wrote about each tag — its name, description and keywords —
 * that few other tags share (`無人`, `迎撃` for drone attacks; `イラ`, `条約` for Russia and
 * Iran): before the curator has written lines under a tag, they tell which of an entry's
 * quotes speak to it.
 *
 * @example
 * describedTagWords({ 露斯: '露斯 ロシアとイランの条約', 露朝: '露朝 ロシアと北朝鮮' })['露斯']; // ['斯', 'イラ', …]
 */
export function describedTagWords(
  tagTexts: Readonly<Record<string, string>>,
): Record<string, string[]> {
  const sets = Object.entries(tagTexts).map(([tag, text]) => [tag, bigramSet(text)] as const);
  const spread = new Map<string, number>();
  for (const [, set] of sets) for (const b of set) spread.set(b, (spread.get(b) ?? 0) + 1);
  const most = Math.max(1, Math.floor(MAX_TAG_SHARE * sets.length));
  const out: Record<string, string[]> = {};
  for (const [tag, set] of sets) {
    const words = [...set].filter((b) => !hasHiragana(b) && (spread.get(b) ?? 0) <= most).sort();
    if (words.length > 0) out[tag] = words;
  }
  return out;
}
