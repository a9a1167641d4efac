import {
  EntryVersionConflict,
  hasEntryVersions,
  type Archive,
  type FiledDay,
  type StoredEntry,
} from '../archive/index.js';
import { parseSummaryLine } from '../format/index.js';
import {
  err,
  ok,
  type Diagnostic,
  type Entry,
  type Result,
  type SummaryLine,
} from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import { entryCard, type EntryCard } from './entry-card.js';
import { entrySuggestion, type Suggestion } from './entry-suggestion.js';
import { learnCuratorTags, loadTagger } from './tagger.js';
import {
  readStoredSummaryStyle,
  readStoredTagModel,
  readStoredTaxonomy,
  type TagStorePaths,
} from './tag-store.js';

/**
 * Why a curator's verb was refused, for a person and for the API's status code: `not-found`
 * (no such entry), `invalid` (the input: a line that is no summary line, a wrong order),
 * `unavailable` (nothing to propose, a tag store that cannot be read), `conflict` (someone
 * else changed the entry since the edit began).
 */
export interface CurateError extends Diagnostic {
  reason: 'not-found' | 'invalid' | 'unavailable' | 'conflict';
  /** The input at fault, as the API names it: `summaryLines.2`, `ids`, `line`. */
  field?: string;
}

/** Where the tagger of an archive lives and what annotation knows: what teaching needs. */
export interface CurateOptions {
  paths: TagStorePaths;
  knowledge: Knowledge;
}

/**
 * The filed days with their entry counts, newest first (`kirinuki days`, the API's day list).
 *
 * @example
 * filedDays(archive); // [{ day: '2024-03-06', entries: 5 }, { day: '2024-03-05', entries: 4 }, …]
 */
export function filedDays(archive: Archive): FiledDay[] {
  return archive.filedDays();
}

/**
 * Sets an entry's summary lines (and so its tags) as the curator wrote them, and teaches the
 * tag model at once. Each line must parse as `#Tag(…)`; the first that does not is an error
 * naming its index, and nothing is changed. The stored entry, its tags, speakers and search
 * index change in one transaction (`Archive.updateEntries`); then the tags are learned into the
 * stored model without retraining (`learnCuratorTags`, what `kirinuki tags learn` does), so
 * the next suggestion already reflects them. No lines clears the entry's summary (nothing is
 * learned from that: unlabelled is not "no tag fits").
 *
 * Two curators editing one entry: with `startedFrom` — the lines as the curator saw them when
 * the edit began — an entry whose lines are no longer those is a `conflict`, and nothing is
 * saved, so no one's edit is silently overwritten. On an archive that versions its entries
 * (PostgreSQL) the save itself is conditional too, closing the gap between reading and writing.
 *
 * @example
 * const r = editEntry(archive, 'a7095dd5b93b', ['#原発(ザポリージャ・外部電源喪失)'], { paths, knowledge });
 * if (r.ok) r.value.tags; // ['原発']
 */
export function editEntry(
  archive: Archive,
  id: string,
  summaryLines: readonly string[],
  options: CurateOptions,
  startedFrom?: readonly string[],
): Result<EntryCard, CurateError> {
  const stored = archive.findEntry(id);
  if (!stored) return err(notFound(id));
  const version = hasEntryVersions(archive) ? archive.entryVersion(stored.entry.id) : null;
  const now = stored.entry.summaries.map((l) => l.raw);
  if (startedFrom !== undefined && !sameLines(now, startedFrom))
    return err(changed(stored.entry.id));
  const summaries: SummaryLine[] = [];
  for (const [i, raw] of summaryLines.entries()) {
    const line = parseSummaryLine(raw);
    if (!line)
      return err({
        ...invalid(
          `summary line ${i} is not a summary line #Tag(…): ${JSON.stringify(raw)}`,
          `summaryLines.${i}`,
        ),
        line: i + 1,
      });
    summaries.push(line);
  }
  const readable = checkTagStore(options.paths);
  if (!readable.ok) return readable;
  const entry = { ...stored.entry, summaries };
  const saved = saveEdit(archive, entry, startedFrom === undefined ? null : version);
  if (!saved.ok) return saved;
  const learned = learnCuratorTags(archive, options.paths, options.knowledge, [entry]);
  if (!learned.ok)
    return err(
      unavailable(
        `the lines are filed, but the tag model did not learn them: ${learned.error.map((d) => d.message).join('; ')}`,
      ),
    );
  return ok(entryCard({ ...stored, entry }));
}

/** What accepting a suggestion filed, and what kirinuki proposes for the entry now. */
export interface AcceptedSuggestion {
  card: EntryCard;
  /** The line filed: the proposed one, or the curator's correction. */
  accepted: string;
  /** The suggestion for the same entry after learning: shows that the correction took. */
  suggestionAfter: Suggestion | null;
}

/**
 * Files the summary line kirinuki proposes for an entry — or `line`, the curator's correction
 * of it — through {@link editEntry}, so the tagger learns it at once, and proposes again for
 * the same entry. The line joins the entry's summary lines, replacing one of the same tag (an
 * entry of the inbox has none).
 *
 * @example
 * const r = acceptSuggestion(archive, id, { paths, knowledge }, '#露朝(首脳会談)');
 * if (r.ok) r.value.suggestionAfter?.tags[0]?.tag; // '露朝'
 */
export function acceptSuggestion(
  archive: Archive,
  id: string,
  options: CurateOptions,
  line?: string,
): Result<AcceptedSuggestion, CurateError> {
  const stored = archive.findEntry(id);
  if (!stored) return err(notFound(id));
  const proposed = line === undefined ? suggestionFor(archive, stored, options) : null;
  if (proposed && !proposed.ok) return proposed;
  const accepted = line ?? proposed?.value.line ?? null;
  if (accepted === null)
    return err(
      unavailable(
        `nothing to accept for ${stored.entry.id}: ${proposed?.value.lineReasons.join('; ') ?? ''}; write the line yourself`,
        'line',
      ),
    );
  const parsed = parseSummaryLine(accepted);
  if (!parsed)
    return err(invalid(`not a summary line #Tag(…): ${JSON.stringify(accepted)}`, 'line'));
  const lines = [
    ...stored.entry.summaries.filter((s) => s.tag !== parsed.tag).map((s) => s.raw),
    accepted,
  ];
  const edited = editEntry(archive, stored.entry.id, lines, options);
  if (!edited.ok) return edited;
  const after = archive.findEntry(stored.entry.id);
  const next = after ? suggestionFor(archive, after, options) : null;
  return ok({
    card: edited.value,
    accepted,
    suggestionAfter: next?.ok ? next.value : null,
  });
}

/**
 * What kirinuki proposes for a stored entry now (the API's suggestion route), from the
 * archive's tagger: the stored model, else one trained from the archive, else one started from
 * the taxonomy. An error when there is none of these or its files cannot be read.
 *
 * @example
 * const r = suggestionFor(archive, archive.findEntry(id)!, { paths, knowledge });
 * if (r.ok) r.value.line; // '#原発(…)'
 */
export function suggestionFor(
  archive: Archive,
  stored: StoredEntry,
  options: CurateOptions,
): Result<Suggestion, CurateError> {
  const loaded = loadTagger(archive, options.paths, options.knowledge);
  if (!loaded.ok) return err(unavailable(loaded.error.map((d) => d.message).join('; ')));
  if (!loaded.value)
    return err(
      unavailable(
        'no tags to suggest: file summarised entries, or add tags to the taxonomy (`kirinuki tags add`, `kirinuki tags import`)',
      ),
    );
  return ok(entrySuggestion(stored.entry, loaded.value.tagger, options.knowledge));
}

/**
 * Removes an entry from the archive (the API's DELETE, `kirinuki drop`): by id, unique prefix
 * or the id of an entry it replaced, as `show` finds it. Returns the card of what was removed.
 *
 * @example
 * removeEntry(archive, 'a7095dd5b93b'); // { ok: true, value: { id: 'a7095dd5b93ba0a5', … } }
 */
export function removeEntry(archive: Archive, id: string): Result<EntryCard, CurateError> {
  const stored = archive.findEntry(id);
  if (!stored || !archive.removeEntry(stored.entry.id)) return err(notFound(id));
  return ok(entryCard(stored));
}

/**
 * A new digest order for a day: `ids` must name every entry filed under the day exactly once.
 * Stored, so that `digest` and every by-day view print the day in this order. Returns the
 * day's cards in the new order.
 *
 * @example
 * reorderDay(archive, '2024-03-05', ['c3', 'c1', 'c2']); // { ok: true, value: [card c3, card c1, card c2] }
 */
export function reorderDay(
  archive: Archive,
  day: string,
  ids: readonly string[],
): Result<EntryCard[], CurateError> {
  const filed = archive.entriesOfDay(day).map((s) => s.entry.id);
  const problem = orderProblem(day, filed, ids);
  if (problem !== null) return err(invalid(problem, 'ids'));
  if (!archive.reorderDay(day, ids))
    return err(
      invalid(`the entries of ${day} changed meanwhile; reload and order them again`, 'ids'),
    );
  return ok(archive.entriesOfDay(day).map(entryCard));
}

/** What is wrong with `ids` as an order of the day's `filed` entries; null when nothing. */
function orderProblem(
  day: string,
  filed: readonly string[],
  ids: readonly string[],
): string | null {
  if (filed.length === 0) return `no entries filed for ${day}`;
  const seen = new Set<string>();
  const twice = ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  const strangers = ids.filter((id) => !filed.includes(id));
  const missing = filed.filter((id) => !seen.has(id));
  const parts = [
    twice.length > 0 ? `named more than once: ${[...new Set(twice)].join(', ')}` : '',
    strangers.length > 0 ? `not filed under ${day}: ${strangers.join(', ')}` : '',
    missing.length > 0 ? `missing: ${missing.join(', ')}` : '',
  ].filter((p) => p !== '');
  return parts.length === 0
    ? null
    : `an order of ${day} names each of its ${filed.length} entries once; ${parts.join('; ')}`;
}

/** The stored tag files, read before anything is changed: a broken one refuses the edit. */
function checkTagStore(paths: TagStorePaths): Result<void, CurateError> {
  const taxonomy = readStoredTaxonomy(paths);
  if (!taxonomy.ok) return err(unavailable(taxonomy.error.map((d) => d.message).join('; ')));
  for (const r of [readStoredTagModel(paths), readStoredSummaryStyle(paths)])
    if (!r.ok) return err(unavailable(`${r.error.file ?? ''}: ${r.error.message}`));
  return ok(undefined);
}

/** Saves the edited entry, over `version` only when one is given (see `VersionedEntries`). */
function saveEdit(
  archive: Archive,
  entry: Entry,
  version: number | null,
): Result<true, CurateError> {
  if (version === null || !hasEntryVersions(archive)) {
    archive.updateEntries([entry]);
    return ok(true);
  }
  try {
    archive.updateEntriesIfUnchanged([entry], new Map([[entry.id, version]]));
    return ok(true);
  } catch (e) {
    if (e instanceof EntryVersionConflict) return err(changed(entry.id));
    throw e;
  }
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

function changed(id: string): CurateError {
  return {
    severity: 'error',
    reason: 'conflict',
    message: `pipeline: entry ${id} was changed by someone else since this edit began; nothing was saved: load it again and redo the edit`,
    field: 'startedFrom',
  };
}

function notFound(id: string): CurateError {
  return {
    severity: 'error',
    reason: 'not-found',
    message: `pipeline: no entry with id "${id}" (give the full id or a unique prefix of 6+ characters)`,
  };
}

function invalid(message: string, field: string): CurateError {
  return { severity: 'error', reason: 'invalid', message: `pipeline: ${message}`, field };
}

function unavailable(message: string, field?: string): CurateError {
  return {
    severity: 'error',
    reason: 'unavailable',
    message: `pipeline: ${message}`,
    ...(field === undefined ? {} : { field }),
  };
}
