import type { Entity, Entry, Quote } from '../../model/index.js';
import { normaliseForMatch } from '../../text/index.js';
import { HONORIFIC } from './names.js';

/**
 * The headline of an entry: the first line of its post, links removed. An outlet's post is its
 * headline; for commentary it is the post's opening line.
 *
 * @example
 * headlineOf(entry); // 'プーチン大統領「ロシアに主導権」ウクライナも徹底抗戦を強調'
 */
export function headlineOf(entry: Entry): string {
  return ((entry.post?.text ?? '').split('\n')[0] ?? '').replace(/https?:\/\/\S+/gu, '').trim();
}

/**
 * The words a headline quotes: `「プーチンの国はいつか崩壊」、…` → `プーチンの国はいつか崩壊`.
 *
 * @example
 * headlineQuotes('NATO、「戦闘の変革」必要'); // ['戦闘の変革']
 */
export function headlineQuotes(head: string): string[] {
  return [...head.matchAll(/[「『“"]([^」』”"]{2,})[」』”"]/gu)].map((m) => m[1] ?? '');
}

/**
 * Whether the headline names a quote's speaker — by name, by any name the entry gives them, by
 * title alone (`=軍事委員長`, `外相とプーチン大統領会談`), or by the organisation or country they
 * speak for (`ウクライナも徹底抗戦`). An outlet's headline says whose words are the news: the
 * curator quotes those speakers, and leaves the bystanders of the article out.
 *
 * @example
 * namedInHeadline(zelenskyQuote, 'プーチン大統領「ロシアに主導権」ウクライナも徹底抗戦を強調', entities); // true
 */
export function namedInHeadline(q: Quote, head: string, entities: readonly Entity[]): boolean {
  if (q.speaker === null || head === '') return false;
  const h = normaliseForMatch(head);
  const has = (s: string | null | undefined): boolean =>
    s !== null && s !== undefined && s.length >= 2 && h.includes(normaliseForMatch(s));
  const bare = q.speaker.endsWith(HONORIFIC) ? q.speaker.slice(0, -HONORIFIC.length) : q.speaker;
  if (has(bare) || has(q.canonical)) return true;
  // A place in a headline is where it happened (`ハリコフ攻撃`), not who spoke: only a country
  // or an organisation stands for its officials.
  const body = (e: Entity): boolean =>
    e.canonical === q.org && (e.type === 'country' || e.type === 'organisation');
  return entities.some(
    (e) =>
      (body(e) && (has(e.surface) || has(e.canonical))) ||
      (e.canonical === q.canonical && (has(e.surface) || (e.title !== HONORIFIC && has(e.title)))),
  );
}
