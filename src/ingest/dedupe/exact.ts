import type { Entry } from '../../model/index.js';
import {
  completeness,
  identityText,
  identityWithText,
  isTruncated,
  MIN_PREFIX,
  type EntryIdentity,
} from './identity.js';
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
  const starts = new TruncationStarts();
  entries.forEach((entry, i) => {
    // Each text is normalised once and not kept: a paste of 50 MB in parts held them all.
    const text = identityText(entry);
    for (const key of exactKeys(identityWithText(entry, text))) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else sets.union(first, i);
    }
    starts.add(i, text, isTruncated(entry, text));
  });
  starts.merge(entries, sets);
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
function exactKeys(identity: EntryIdentity): string[] {
  return identity.keys.filter((k) => !k.startsWith('head:') && !k.startsWith('cut:'));
}

/**
 * Truncated texts and the complete texts they may begin, by their first characters: a
 * truncated text joins the entry whose text starts with it. Only those first characters are
 * kept; a candidate's text is normalised again to confirm, which is rare.
 */
class TruncationStarts {
  private readonly complete = new Map<string, number[]>();
  private readonly cuts: { at: number; prefix: string }[] = [];

  add(at: number, text: string, truncated: boolean): void {
    if (!truncated) {
      if (text.length < MIN_PREFIX) return;
      const key = text.slice(0, MIN_PREFIX);
      const list = this.complete.get(key);
      if (list) list.push(at);
      else this.complete.set(key, [at]);
      return;
    }
    const prefix = text.replace(/(?:…|\.\.\.)$/, '');
    if (prefix.length >= MIN_PREFIX) this.cuts.push({ at, prefix });
  }

  merge(entries: readonly Entry[], sets: UnionFind): void {
    for (const { at, prefix } of this.cuts) {
      const full = this.complete
        .get(prefix.slice(0, MIN_PREFIX))
        ?.find((j) => identityText(entries[j] as Entry).startsWith(prefix));
      if (full !== undefined) sets.union(full, at);
    }
  }
}
