import { createHash } from 'node:crypto';
import type { Entry } from '../../model/index.js';
import { canonicalUrl, normaliseForId, statusIdFromUrl } from '../shared/index.js';
import { entryText } from './match-text.js';

/** Truncated prefixes shorter than this are too generic to merge on. */
export const MIN_PREFIX = 12;

/**
 * What says "this is the same post or article" about an entry, as short keys an archive can
 * index. `keys` are filed with the entry; `probes` are looked up to find an entry already
 * filed that may be the same one (a candidate, confirmed with {@link sameItem}).
 *
 * - `id:` the entry id; `x:` the status id; `url:` the canonical URL (tracking stripped);
 * - `post:` the author and the normalised post text, so a post captured from its embed and
 *   the same post in a clip document (which has no status link) meet;
 * - `text:` the normalised text;
 * - `head:`/`cut:` the first characters of a complete or a truncated (`…`) text: a truncated
 *   post probes the heads of complete texts and a complete text probes the cuts.
 */
export interface EntryIdentity {
  keys: string[];
  probes: string[];
}

/**
 * The identity keys of an entry (see {@link EntryIdentity}). Long values are hashed, so a key
 * is at most about 40 characters. Pure.
 *
 * @example
 * identityOf(embedEntry).keys; // ['id:…', 'x:1747871244170555421', 'post:reutersjapan:…', 'text:…', 'head:…']
 */
export function identityOf(entry: Entry): EntryIdentity {
  return identityWithText(entry, identityText(entry));
}

/** {@link identityOf} given the entry's {@link identityText}, for a caller that has it. */
export function identityWithText(entry: Entry, text: string): EntryIdentity {
  const keys = [`id:${entry.id}`];
  const url = entry.origin?.url === undefined ? null : canonicalUrl(entry.origin.url);
  const status = url === null ? null : statusIdFromUrl(url);
  if (status) keys.push(`x:${status.id}`);
  else if (url !== null) keys.push(`url:${url}`);
  const post = entry.post;
  if (post) {
    const text = normaliseForId(post.text);
    const what = text.length >= 4 ? text : post.links.join(' ');
    if (what !== '') keys.push(`post:${post.handle.toLowerCase()}:${digest(what)}`);
  }
  const truncated = isTruncated(entry, text);
  const prefix = truncated ? text.replace(/(?:…|\.\.\.)$/u, '') : text;
  if (text !== '' && !truncated) keys.push(`text:${digest(text)}`);
  const probes = [...keys];
  if (prefix.length >= MIN_PREFIX) {
    const start = prefix.slice(0, MIN_PREFIX);
    keys.push(truncated ? `cut:${start}` : `head:${start}`);
    probes.push(truncated ? `head:${start}` : `cut:${start}`);
  }
  return { keys, probes };
}

/**
 * Whether two entries are the same post or article: same id, status id, canonical URL,
 * author and post text, or normalised text, or one is the truncated (`…`) start of the other.
 * Pure; the archive's candidates from {@link identityOf} probes are confirmed with it.
 *
 * @example
 * sameItem(truncatedEmbed, fullTextPaste); // true
 */
export function sameItem(a: Entry, b: Entry): boolean {
  const ka = identityOf(a);
  const kb = new Set(identityOf(b).keys.filter((k) => !isPrefixKey(k)));
  if (ka.keys.some((k) => !isPrefixKey(k) && kb.has(k))) return true;
  const ta = identityText(a);
  const tb = identityText(b);
  return startsTruncated(a, ta, tb) || startsTruncated(b, tb, ta);
}

/**
 * How complete an entry is, for choosing which of two copies to keep: one that is not
 * truncated beats one that is, then the longer text wins.
 */
export function completeness(entry: Entry): number {
  const truncated = entry.post?.truncated === true ? 0 : 1;
  const length = entry.body.join('').length + (entry.post?.text.length ?? 0);
  return truncated * 1e9 + length;
}

/** An entry with the curator's summary lines: a digest's clip, never folded into a capture. */
export function isCurated(entry: Entry): boolean {
  return entry.summaries.length > 0;
}

/** The text identity is judged on: the post's text when there is a post, else the entry's. */
export function identityText(entry: Entry): string {
  return normaliseForId(entry.post?.text || entryText(entry));
}

export function isTruncated(entry: Entry, text: string): boolean {
  return entry.post?.truncated === true || text.endsWith('…') || text.endsWith('...');
}

function startsTruncated(cut: Entry, cutText: string, fullText: string): boolean {
  if (!isTruncated(cut, cutText)) return false;
  const prefix = cutText.replace(/(?:…|\.\.\.)$/u, '');
  return prefix.length >= MIN_PREFIX && fullText.startsWith(prefix) && fullText !== cutText;
}

function isPrefixKey(key: string): boolean {
  return key.startsWith('head:') || key.startsWith('cut:');
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
