import type { Entry } from '../../model/index.js';
import { canonicalUrl, normaliseForId, statusIdFromUrl } from '../shared/index.js';
import { entryText } from './match-text.js';
import { UnionFind } from './union-find.js';

/** Entries folded into another by {@link dedupeEntries}. */
export interface Merge {
  kept: string;
  merged: string[];
}

/** Truncated prefixes shorter than this are too generic to merge on. */
const MIN_PREFIX = 12;

/**
 * One entry per post or article: entries with the same id, the same status id, the same
 * canonical URL or the same normalised text are one, and a truncated post (`…`) is one with
 * the entry whose text it begins. The most complete entry of each group is kept (not
 * truncated, then the longest body, then the first), in the position of the group's first
 * entry. Pure and linear in the number of entries.
 *
 * @example
 * const { entries, merges } = dedupeEntries([truncatedEmbed, fullTextPaste]);
 * entries.length; // 1
 */
export function dedupeEntries(entries: readonly Entry[]): { entries: Entry[]; merges: Merge[] } {
  const sets = new UnionFind(entries.length);
  const owner = new Map<string, number>();
  const texts = entries.map((e) => normaliseForId(e.post?.text || entryText(e)));
  entries.forEach((entry, i) => {
    for (const key of identityKeys(entry, texts[i] as string)) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else sets.union(first, i);
    }
  });
  mergeTruncated(entries, texts, sets);
  const kept: Entry[] = [];
  const merges: Merge[] = [];
  for (const group of sets.groups()) {
    const best = group.reduce((a, b) =>
      completeness(entries[b] as Entry) > completeness(entries[a] as Entry) ? b : a,
    );
    kept.push(entries[best] as Entry);
    if (group.length > 1)
      merges.push({
        kept: (entries[best] as Entry).id,
        merged: group.filter((i) => i !== best).map((i) => (entries[i] as Entry).id),
      });
  }
  return { entries: kept, merges };
}

function identityKeys(entry: Entry, text: string): string[] {
  const keys = [`id:${entry.id}`];
  const url = entry.origin?.url === undefined ? null : canonicalUrl(entry.origin.url);
  const status = url === null ? null : statusIdFromUrl(url);
  if (status) keys.push(`x:${status.id}`);
  else if (url !== null) keys.push(`url:${url}`);
  if (text.length > 0 && !isTruncated(entry, text)) keys.push(`text:${text}`);
  return keys;
}

function isTruncated(entry: Entry, text: string): boolean {
  return entry.post?.truncated === true || text.endsWith('…') || text.endsWith('...');
}

/** A truncated text joins the entry whose text starts with it (looked up by its first characters). */
function mergeTruncated(
  entries: readonly Entry[],
  texts: readonly string[],
  sets: UnionFind,
): void {
  const byStart = new Map<string, number[]>();
  texts.forEach((t, i) => {
    if (t.length < MIN_PREFIX || isTruncated(entries[i] as Entry, t)) return;
    const key = t.slice(0, MIN_PREFIX);
    byStart.set(key, [...(byStart.get(key) ?? []), i]);
  });
  texts.forEach((t, i) => {
    if (!isTruncated(entries[i] as Entry, t)) return;
    const prefix = t.replace(/(?:…|\.\.\.)$/, '');
    if (prefix.length < MIN_PREFIX) return;
    const full = byStart
      .get(prefix.slice(0, MIN_PREFIX))
      ?.find((j) => (texts[j] as string).startsWith(prefix));
    if (full !== undefined) sets.union(full, i);
  });
}

function completeness(entry: Entry): number {
  const truncated = entry.post?.truncated === true ? 0 : 1;
  const length = entry.body.join('').length + (entry.post?.text.length ?? 0);
  return truncated * 1e9 + length;
}
