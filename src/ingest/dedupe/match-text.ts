import type { Entry } from '../../model/index.js';
import { normaliseLong } from '../shared/index.js';

const URL_LIKE = /(?:https?:\/\/|pic\.(?:twitter|x)\.com\/)\S+/g;

/**
 * The text an entry is compared by: its title, its post's text and its body, links removed.
 *
 * @example
 * entryText({ ...entry, origin: { kind: 'feed', title: '見出し' }, body: ['本文'] }); // '見出し\n本文'
 */
export function entryText(entry: Entry): string {
  const parts = [entry.origin?.title ?? '', entry.post?.text ?? '', ...entry.body];
  return parts
    .filter((p) => p !== '')
    .join('\n')
    .replace(URL_LIKE, '');
}

/**
 * Text reduced to what matters for matching: `normaliseForMatch` (in pieces), then letters and
 * digits only — punctuation, brackets, spaces and emoji carry no story identity, and outlets
 * differ in them most.
 *
 * @example
 * matchKey('ＮＡＴＯ、「演習」開始！'); // 'nato演習開始'
 */
export function matchKey(text: string): string {
  return normaliseLong(text.replace(URL_LIKE, '')).replace(/[^\p{L}\p{N}]+/gu, '');
}
