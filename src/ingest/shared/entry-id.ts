import { createHash } from 'node:crypto';
import { normaliseLong } from './normalise-long.js';

/**
 * Query parameters that only say how a reader arrived, never which page they read. Stripped so
 * the same article shared from a newsletter and from a timeline gets one id.
 */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'mc_cid',
  'mc_eid',
  'igshid',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
]);

/**
 * The canonical form of a URL for ids and dedupe: http(s) only, host lower-cased, fragment
 * dropped, tracking parameters (`utm_*`, `fbclid`, `gclid`, …) removed. `null` when the text is
 * not an absolute http(s) URL (after resolving against `base`).
 *
 * @example
 * canonicalUrl('https://WWW.Example.jp/a?utm_source=x&id=3#top'); // 'https://www.example.jp/a?id=3'
 */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (key.toLowerCase().startsWith('utm_') || TRACKING_PARAMS.has(key.toLowerCase())) {
      url.searchParams.delete(key);
    }
  }
  const status = statusIdFromUrl(url.href);
  if (status) return `https://x.com/${status.handle}/status/${status.id}`;
  return url.href.replace(/\?$/, '');
}

const STATUS_URL =
  /^https?:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status(?:es)?\/(\d{1,20})(?:[/?#]|$)/i;

/**
 * The handle and status id of an X/Twitter status URL, or `null`.
 *
 * @example
 * statusIdFromUrl('https://twitter.com/ReutersJapan/status/1747871244170555421?ref_src=twsrc');
 * // { handle: 'ReutersJapan', id: '1747871244170555421' }
 */
export function statusIdFromUrl(url: string): { handle: string; id: string } | null {
  const m = STATUS_URL.exec(url.trim());
  if (!m || m[1] === undefined || m[2] === undefined) return null;
  return { handle: m[1], id: m[2] };
}

/**
 * Text normalised for identity: `normaliseForMatch` (via {@link normaliseLong}) plus all whitespace removed, so a
 * re-wrapped or re-indented copy of a text is the same text.
 */
export function normaliseForId(text: string): string {
  return normaliseLong(text).replace(/\s+/gu, '');
}

/** What an id is derived from: a post's status id, a page's URL, or a text. */
export type EntryKey = { statusId: string } | { url: string } | { text: string };

/**
 * The readable key an id is the hash of: `x:<status id>`, `url:<canonical URL>`, or
 * `text:<normalised text>` (a URL that is not http(s) counts as text).
 *
 * @example
 * entryKey({ url: 'https://Example.jp/a?utm_medium=rss#x' }); // 'url:https://example.jp/a'
 */
export function entryKey(key: EntryKey): string {
  if ('statusId' in key) return `x:${key.statusId}`;
  if ('url' in key) {
    const canonical = canonicalUrl(key.url);
    return canonical === null ? entryKey({ text: key.url }) : `url:${canonical}`;
  }
  return `text:${normaliseForId(key.text)}`;
}

/**
 * A stable entry id derived from content — the status id for posts, the canonical URL
 * (tracking parameters stripped) for articles and feed items, else the normalised text — as
 * 16 hex digits of the SHA-256 of {@link entryKey}. The same shape as the clip-document
 * parser's ids (and the same value for `url:` keys), so the archive's prefix look-up works
 * for every entry; importing the same thing twice gives the same id.
 *
 * @example
 * entryId({ statusId: '1747871244170555421' }); // 16 hex digits
 * entryId({ text: 'ＮＡＴＯ 首脳' }) === entryId({ text: 'nato首脳' }); // true
 */
export function entryId(key: EntryKey): string {
  return createHash('sha256').update(entryKey(key)).digest('hex').slice(0, 16);
}
