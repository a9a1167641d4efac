import type { Entry } from '../../model/index.js';
import { completeness, identityOf, identityText, isTruncated, MIN_PREFIX } from './identity.js';
import { UnionFind } from './union-find.js';

/** Entries folded into another by {@link dedupeEntries}. */
export interface Merge {
  kept: string;
  merged: string[];
}

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
  const texts = entries.map(identityText);
  entries.forEach((entry, i) => {
    for (const key of exactKeys(entry)) {
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

/** The identity keys that mean "the same" by themselves (not the truncation prefixes). */
function exactKeys(entry: Entry): string[] {
  return identityOf(entry).keys.filter((k) => !k.startsWith('head:') && !k.startsWith('cut:'));
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
