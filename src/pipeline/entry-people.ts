import type { EntryPeople, ImportBatch } from '../archive/index.js';
import { annotateEntry, type AnnotatableEntry, type Knowledge } from '../nlp/index.js';
import { ownString } from '../text/index.js';
import { bulkPacer } from './memory-pacer.js';

/**
 * Who an entry's text quotes and mentions, for `speaker:` and `person:`: each name canonical
 * (`ザハロワ`) and as written (`ザハロワ報道官`) where they differ.
 *
 * @example
 * entryPeople(entry, knowledge); // { speakers: ['ザハロワ', 'ザハロワ報道官'], mentions: ['プーチン'] }
 */
export function entryPeople(entry: AnnotatableEntry, knowledge: Knowledge): EntryPeople {
  const { text, annotations } = annotateEntry(entry, { knowledge });
  // Annotation makes garbage in proportion to the text (see memory-pacer.ts).
  bulkPacer.done(2 * text.length);
  const speakers = new Set<string>();
  const mentions = new Set<string>();
  const add = (names: Set<string>, ...found: (string | null)[]): void => {
    for (const name of found) if (name !== null && name.trim() !== '') names.add(name.trim());
  };
  for (const q of annotations.quotes) add(speakers, q.canonical, q.speaker);
  for (const e of annotations.entities)
    if (e.type === 'person') add(mentions, e.canonical, e.surface);
  // Kept until the entry is filed: not as views of the annotated text (see `ownString`).
  return { speakers: [...speakers].map(ownString), mentions: [...mentions].map(ownString) };
}

/** The batches with `people` filled in from their entries' text; as they are without knowledge. */
export function withPeople(
  batches: readonly ImportBatch[],
  knowledge: Knowledge | undefined,
): ImportBatch[] {
  if (knowledge === undefined) return [...batches];
  return batches.map((b) => ({
    ...b,
    people: Object.fromEntries(b.entries.map((e) => [e.id, entryPeople(e, knowledge)])),
  }));
}
