import type { Archive, StoredEntry } from '../archive/index.js';
import type { Knowledge } from '../nlp/index.js';
import { normaliseForMatch } from '../text/index.js';
import { speakerPeople, type SpeakerPerson } from './site/speaker-people.js';

/** A person the archive's summary lines quote, with how often. */
export interface QuotedPerson {
  /** Their name as the gazetteer knows it (`ゼレンスキー`), else as first written. */
  name: string;
  /** Quotes of theirs in summary lines. */
  quotes: number;
  /** Entries with a summary line quoting them. */
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

/** A person's page: every quote of theirs in the summary lines, and how many a day. */
export interface PersonTimeline {
  name: string;
  /** By day, then the day's order. */
  quotes: QuoteOfPerson[];
  /** Quotes per day, oldest day first; days without any are left out. */
  perDay: { day: string; count: number }[];
}

/**
 * The people the archive's summary lines quote, most quoted first, at most `limit`: each
 * speaker read as the person it names (`speakerPeople`, as the static site's people pages
 * read them), so `ゼレンスキー大統領` and `ゼレンスキー` are one person and a body such as
 * `ロシア国防省` is nobody. Reads every entry once.
 *
 * @example
 * quotedPeople(archive, knowledge, 10)[0]; // { name: 'ゼレンスキー', quotes: 12, entries: 9 }
 */
export function quotedPeople(
  archive: Archive,
  knowledge: Knowledge,
  limit: number,
): QuotedPerson[] {
  const personOf = speakerPeople(knowledge);
  const people = new Map<string, { name: string; quotes: number; entries: Set<string> }>();
  for (const stored of archive.allEntries())
    for (const q of quotesOf(stored, personOf)) {
      const person = people.get(q.person.key) ?? {
        name: q.person.name,
        quotes: 0,
        entries: new Set<string>(),
      };
      person.quotes += 1;
      person.entries.add(stored.entry.id);
      people.set(q.person.key, person);
    }
  return [...people.values()]
    .map((p) => ({ name: p.name, quotes: p.quotes, entries: p.entries.size }))
    .sort(
      (a, b) =>
        b.quotes - a.quotes ||
        b.entries - a.entries ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    )
    .slice(0, limit);
}

/**
 * Every quote of one person in the archive's summary lines — named as `quotedPeople` names
 * them, or any way of writing them that reads as the same person — with the count per day;
 * null when no summary line quotes them.
 *
 * @example
 * personTimeline(archive, knowledge, 'ゼレンスキー')?.perDay; // [{ day: '2024-03-04', count: 2 }, …]
 */
export function personTimeline(
  archive: Archive,
  knowledge: Knowledge,
  name: string,
): PersonTimeline | null {
  const personOf = speakerPeople(knowledge);
  // The name as `quotedPeople` gives it, or a speaker as a summary line writes them.
  const wanted = new Set([normaliseForMatch(name.trim()), personOf(name)?.key]);
  const quotes: QuoteOfPerson[] = [];
  let known: string | null = null;
  for (const stored of archive.allEntries())
    for (const q of quotesOf(stored, personOf)) {
      if (!wanted.has(q.person.key)) continue;
      known ??= q.person.name;
      quotes.push({
        day: stored.day,
        entryId: stored.entry.id,
        quote: q.quote,
        tag: q.tag,
        speaker: q.speaker,
      });
    }
  if (known === null) return null;
  const perDay = new Map<string, number>();
  for (const q of quotes) perDay.set(q.day, (perDay.get(q.day) ?? 0) + 1);
  return {
    name: known,
    quotes,
    perDay: [...perDay].map(([day, count]) => ({ day, count })),
  };
}

/** The quotes of an entry's summary lines whose speaker names a person. */
function* quotesOf(
  stored: StoredEntry,
  personOf: (speaker: string) => SpeakerPerson | null,
): Generator<{ person: SpeakerPerson; speaker: string; quote: string; tag: string }> {
  for (const line of stored.entry.summaries)
    for (const segment of line.segments) {
      if (segment.kind !== 'quote' || segment.speaker === null) continue;
      const person = personOf(segment.speaker);
      if (person === null) continue;
      for (const quote of segment.quotes)
        yield { person, speaker: segment.speaker.trim(), quote, tag: line.tag };
    }
}
