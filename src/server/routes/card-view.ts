import type { Archive, StoredEntry } from '../../archive/index.js';
import { entryCard, type EntryCard } from '../../pipeline/index.js';

/** An entry's card as the API answers it: the pipeline's card and the size of its story. */
export type CardView = EntryCard & {
  /** How many entries its story holds (1: the entry is a story of its own). */
  storyEntries: number;
};

/**
 * The cards of stored entries with the size of each one's story, each story counted once per
 * call — or once while the archive is unchanged, given the server's kept sizes
 * (`ResponseCache.storySizes`). The story id alone cannot tell: a story's first entry has
 * its own id as the story's, whether the story holds one entry or ten.
 *
 * @example
 * const cards = cardViews(archive, archive.entriesOfDay('2024-03-06'));
 * cards[0]?.storyEntries; // 1 for an entry no other source carried
 */
export function cardViews(
  archive: Archive,
  stored: readonly StoredEntry[],
  sizes: Map<string, number> = new Map(),
): CardView[] {
  return stored.map((s) => withStorySize(archive, entryCard(s), sizes));
}

/**
 * A card the pipeline made (after an edit or an accept) with the size of its story.
 *
 * @example
 * return c.json({ card: withStorySize(deps.archive, r.value) }, 200);
 */
export function withStorySize(
  archive: Archive,
  card: EntryCard,
  sizes: Map<string, number> = new Map(),
): CardView {
  let size = sizes.get(card.story);
  if (size === undefined) {
    size = Math.max(1, archive.entriesOfStory(card.story).length);
    sizes.set(card.story, size);
  }
  return { ...card, storyEntries: size };
}
