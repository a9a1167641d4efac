import type { Archive, StoredEntry } from '../archive/index.js';
import type { Knowledge } from '../nlp/index.js';
import { normaliseForMatch } from '../text/index.js';
import { speakerPeople, type SpeakerPerson } from './site/speaker-people.js';

/** A person the archive's summary lines quote. */
export interface QuotedPerson {
  /** Their name as the gazetteer knows it (`ゼレンスキー`), else as first written. */
  name: string;
  /** Entries whose summary lines quote them. */
  quotes: number;
  /** Entries that name them anywhere: quoted in a summary line, or found in the text. */
  entries: number;
}

/** One quote of a person in a summary line. */
export interface QuoteOfPerson {
  day: string;
  entryId: string;
  quote: string;
  tag: string;
  /** The speaker as the line writes them (`ゼレンスキー大統領`). */
  speaker: string;
}

/** A person's page: their quotes in the summary lines, and how many entries quote them a day. */
export interface PersonTimeline {
  name: string;
  /** The quotes of the newest entries quoting them, newest first. */
  quotes: QuoteOfPerson[];
  /** Entries quoting them, per day, oldest day first; days without any are left out. */
  perDay: { day: string; count: number }[];
}

/** Who a summary line's speaker is (`speakerPeople`); one per server, as it remembers names. */
export type PersonOf = (speaker: string) => SpeakerPerson | null;

/**
 * The reader of speakers the people functions use, remembering each speaker it was asked about.
 *
 * @example
 * const personOf = personReader(knowledge);
 * quotedPeople(archive, personOf, 50);
 */
export function personReader(knowledge: Knowledge): PersonOf {
  return speakerPeople(knowledge);
}

/** The names the archive files for one person: as summary lines quote them, and all of them. */
interface PersonNames {
  name: string;
  key: string;
  quoted: string[];
  /** The quoted names and the names found in the text that are the same person. */
  all: string[];
  /** Entries quoting any of the quoted names, counted per name (an upper bound). */
  quotedEntries: number;
}

/**
 * The people the archive's summary lines quote, most quoted first, at most `limit`: each
 * speaker read as the person it names (`speakerPeople`, as the static site's people pages read
 * them), so `ゼレンスキー大統領` and `ゼレンスキー` are one person and a body such as
 * `ロシア国防省` is nobody. Counted from the archive's index of names: the cost is the number
 * of names, not of entries.
 *
 * @example
 * quotedPeople(archive, personReader(knowledge), 10)[0]; // { name: 'ゼレンスキー', quotes: 9, entries: 14 }
 */
export function quotedPeople(archive: Archive, personOf: PersonOf, limit: number): QuotedPerson[] {
  const people = [...namesByPerson(archive, personOf).values()]
    .sort((a, b) => b.quotedEntries - a.quotedEntries || byText(a.name, b.name))
    // Counts per name may add an entry twice (two ways of writing one speaker): rank a few more
    // than asked by them, then by the exact counts.
    .slice(0, limit * 2 + 10)
    .map((p) => ({
      name: p.name,
      quotes: total(archive.daysNaming({ names: p.quoted, quotedOnly: true })),
      entries: total(archive.daysNaming({ names: p.all, quotedOnly: false })),
    }));
  return people
    .sort((a, b) => b.quotes - a.quotes || b.entries - a.entries || byText(a.name, b.name))
    .slice(0, limit);
}

/**
 * One person's quotes in the summary lines — by the name `quotedPeople` gives, or any way a
 * summary line writes them — from their newest `latest` entries, and the entries quoting them
 * per day; null when no summary line quotes them.
 *
 * @example
 * personTimeline(archive, personReader(knowledge), 'ゼレンスキー', 200)?.perDay; // [{ day: '2024-03-04', count: 2 }, …]
 */
export function personTimeline(
  archive: Archive,
  personOf: PersonOf,
  name: string,
  latest: number,
): PersonTimeline | null {
  const people = namesByPerson(archive, personOf);
  const person =
    people.get(normaliseForMatch(name.trim())) ?? people.get(personOf(name)?.key ?? '') ?? null;
  if (person === null) return null;
  const query = { names: person.quoted, quotedOnly: true };
  const written = new Set(person.quoted);
  return {
    name: person.name,
    quotes: archive.entriesNaming(query, latest).flatMap((s) => quotesOf(s, written)),
    perDay: archive.daysNaming(query),
  };
}

/** The archive's person names grouped by the person they name, for the quoted people. */
function namesByPerson(archive: Archive, personOf: PersonOf): Map<string, PersonNames> {
  const people = new Map<string, PersonNames>();
  const names = archive.personNames();
  for (const { name, quoted } of names) {
    if (quoted === 0) continue;
    const person = personOf(name);
    if (person === null) continue;
    const known = people.get(person.key);
    if (known) {
      known.quoted.push(name);
      known.all.push(name);
      known.quotedEntries += quoted;
    } else
      people.set(person.key, {
        name: person.name,
        key: person.key,
        quoted: [name],
        all: [name],
        quotedEntries: quoted,
      });
  }
  // The text's people are filed by their canonical names: the key is the name normalised.
  for (const { name, quoted } of names)
    if (quoted === 0) people.get(normaliseForMatch(name))?.all.push(name);
  return people;
}

/** The quotes of an entry's summary lines by any of these speakers (as written). */
function quotesOf(stored: StoredEntry, speakers: ReadonlySet<string>): QuoteOfPerson[] {
  const out: QuoteOfPerson[] = [];
  for (const line of stored.entry.summaries)
    for (const segment of line.segments) {
      const speaker = segment.kind === 'quote' ? (segment.speaker?.trim() ?? '') : '';
      if (segment.kind !== 'quote' || !speakers.has(speaker)) continue;
      for (const quote of segment.quotes)
        out.push({ day: stored.day, entryId: stored.entry.id, quote, tag: line.tag, speaker });
    }
  return out;
}

const total = (days: readonly { count: number }[]): number => days.reduce((n, d) => n + d.count, 0);
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
