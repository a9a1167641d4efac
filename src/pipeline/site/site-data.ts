import { createHash } from 'node:crypto';
import type { Archive, StoredEntry } from '../../archive/index.js';
import { tagsOfLine } from '../../format/index.js';
import type { SummaryLine } from '../../model/index.js';
import { siteEntryOf, type PersonQuote, type SiteEntry } from '../../publish/index.js';
import { TextHash } from './site-hash.js';
import type { SpeakerPerson } from './speaker-people.js';

/** A filed day as the site plans it. */
export interface SiteDay {
  day: string;
  entries: number;
  /** The hash of everything filed that day: its page is written again when it changes. */
  hash: string;
  documentTagLines: string[];
}

/** A tag with what carries it. */
export interface SiteTag {
  name: string;
  /** Entries with a summary line of the tag, in filing order. */
  entries: SiteEntry[];
  /** Days that carry it as a document tag, oldest first. */
  documentDays: string[];
}

/** A person quoted in summary lines. */
export interface SitePerson {
  key: string;
  /** Their name as first quoted. */
  name: string;
  /** Their quotes in filing order. */
  quotes: PersonQuote[];
  /** How many times each way of writing them (the speaker as written) was used. */
  writtenAs: Map<string, number>;
}

/** What the site is made of: the archive read once, without the entries' bodies. */
export interface SiteData {
  /** Every entry, in filing order. */
  entries: SiteEntry[];
  /** Every filed day, oldest first. */
  days: SiteDay[];
  tags: Map<string, SiteTag>;
  people: Map<string, SitePerson>;
  /** The stories told by two or more entries, each in filing order, by story id. */
  stories: Map<string, SiteEntry[]>;
}

/** The day the scan is in. */
interface OpenDay {
  day: string;
  count: number;
  hash: ReturnType<typeof createHash>;
}

/** Called with each month's days as the scan leaves the month. */
export type MonthVisitor = (month: string, days: SiteDay[]) => void;

/**
 * Reads the whole archive once, in filing order, into what the site's pages are planned from:
 * each entry's record (`SiteEntry`), each day with a hash of its content, the tags, the people
 * quoted (through `personOf`) and the stories, keeping no entry's body. Each month's days are
 * handed to `onMonth` as the scan leaves it (the search index is built a month at a time).
 *
 * @example
 * const data = scanArchive(archive, speakerPeople(knowledge), (month, days) => index(month, days));
 */
export function scanArchive(
  archive: Archive,
  personOf: (speaker: string) => SpeakerPerson | null,
  onMonth: MonthVisitor,
): SiteData {
  const data: SiteData = {
    entries: [],
    days: [],
    tags: new Map(),
    people: new Map(),
    stories: new Map(),
  };
  const stories = new Map<string, SiteEntry[]>();
  let monthDays: SiteDay[] = [];
  let day = null as OpenDay | null;

  const closeDay = (): void => {
    if (day === null) return;
    const documentTagLines = archive.documentTagLinesOfDay(day.day);
    day.hash.update(`\u0001${documentTagLines.join('\n')}`);
    const done: SiteDay = {
      day: day.day,
      entries: day.count,
      hash: day.hash.digest('hex'),
      documentTagLines,
    };
    data.days.push(done);
    monthDays.push(done);
    for (const line of documentTagLines)
      for (const name of tagsOfLine(line)) {
        const tag = tagOf(data.tags, name);
        if (tag.documentDays[tag.documentDays.length - 1] !== done.day)
          tag.documentDays.push(done.day);
      }
    day = null;
  };
  const closeMonth = (): void => {
    const first = monthDays[0];
    if (first !== undefined) onMonth(first.day.slice(0, 7), monthDays);
    monthDays = [];
  };

  for (const stored of archive.allEntries()) {
    if (day?.day !== stored.day) {
      closeDay();
      if (monthDays[0] !== undefined && monthDays[0].day.slice(0, 7) !== stored.day.slice(0, 7))
        closeMonth();
      day = { day: stored.day, count: 0, hash: createHash('sha1') };
    }
    day.count += 1;
    const hash = entryHash(stored);
    day.hash.update(hash);
    const record = siteEntryOf(stored.entry, { ...stored, hash });
    data.entries.push(record);
    for (const tag of record.tags) tagOf(data.tags, tag).entries.push(record);
    addQuotes(data.people, record, stored.entry.summaries, personOf);
    const story = stories.get(record.story);
    if (story) story.push(record);
    else stories.set(record.story, [record]);
  }
  closeDay();
  closeMonth();
  for (const [id, members] of stories) if (members.length > 1) data.stories.set(id, members);
  return data;
}

/**
 * The hash of everything of a stored entry its pages show: its lines as written (the parsed
 * parts are derived from them), where it came from, and where it is filed.
 */
function entryHash(stored: StoredEntry): string {
  const e = stored.entry;
  const h = new TextHash().add(e.id).add(stored.day).add(String(stored.seq)).add(stored.story);
  h.add(e.bodyKind);
  if (e.post) {
    for (const line of e.post.headLines) h.add(line);
    h.add(e.post.attribution);
    for (const line of e.post.tailLines) h.add(line);
  }
  h.add('\u0003');
  for (const line of e.body) h.add(line);
  h.add('\u0003');
  for (const line of e.summaries) h.add(line.raw);
  h.add(e.origin === undefined ? '' : JSON.stringify(e.origin));
  return h.digest();
}

function tagOf(tags: Map<string, SiteTag>, name: string): SiteTag {
  let tag = tags.get(name);
  if (tag === undefined) {
    tag = { name, entries: [], documentDays: [] };
    tags.set(name, tag);
  }
  return tag;
}

function addQuotes(
  people: Map<string, SitePerson>,
  record: SiteEntry,
  lines: readonly SummaryLine[],
  personOf: (speaker: string) => SpeakerPerson | null,
): void {
  for (const line of lines)
    for (const segment of line.segments) {
      if (segment.kind !== 'quote' || segment.speaker === null) continue;
      const person = personOf(segment.speaker);
      if (person === null) continue;
      let known = people.get(person.key);
      if (known === undefined) {
        known = { key: person.key, name: person.name, quotes: [], writtenAs: new Map() };
        people.set(person.key, known);
      }
      const speaker = segment.speaker.trim();
      known.quotes.push({ entry: record, speaker, quotes: segment.quotes, tag: line.tag });
      known.writtenAs.set(speaker, (known.writtenAs.get(speaker) ?? 0) + 1);
    }
}
