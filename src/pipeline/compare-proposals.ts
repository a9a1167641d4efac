import type { Archive } from '../archive/index.js';
import type { Entry } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import type { Taxonomy } from '../tagging/index.js';
import { suggestForEntry } from './suggest-lines.js';
import { readWritingRules } from './tag-store.js';
import { trainTagsOnEntries } from './train-tags.js';

/** The curator's summary lines for an entry next to the ones kirinuki proposes. */
export interface ProposalComparison {
  entryId: string;
  headline: string;
  curator: string[];
  proposed: string[];
}

/**
 * Proposes lines for the first `limit` labelled entries of a day with a model trained on every
 * other day of the archive, so the entries are unseen, and puts them next to the curator's
 * (`npm start`).
 *
 * @example
 * compareProposals(archive, '2024-03-06', { taxonomy, knowledge, limit: 3 })[0]?.proposed;
 */
export function compareProposals(
  archive: Archive,
  day: string,
  options: { taxonomy: Taxonomy; knowledge: Knowledge; limit: number },
): ProposalComparison[] {
  function* otherDays(): Generator<Entry> {
    for (const s of archive.allEntries()) if (s.day !== day) yield s.entry;
  }
  const rules = readWritingRules();
  const { model, style } = trainTagsOnEntries(otherDays(), { ...options, rules });
  const tagger = { taxonomy: options.taxonomy, model, style, rules };
  return archive
    .entriesOfDay(day)
    .filter((s) => s.entry.summaries.length > 0)
    .slice(0, options.limit)
    .map(({ entry }) => {
      const unlabelled = { ...entry, summaries: [] };
      const { lines } = suggestForEntry(unlabelled, tagger, options.knowledge);
      return {
        entryId: entry.id,
        headline: entry.post?.text ?? entry.origin?.title ?? entry.body[0] ?? '',
        curator: entry.summaries.map((l) => l.raw),
        proposed: lines.map((l) => l.raw),
      };
    });
}
