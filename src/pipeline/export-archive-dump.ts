import type { Archive, DayRecord, EntryRecord } from '../archive/index.js';
import { dumpHeaderLine, dumpRecordLine } from '../format/archive-dump/index.js';
import { entryCard } from './entry-card.js';
import { TAG_DOCUMENT_KINDS } from './tag-documents.js';
import type { TagStoreSnapshot } from './tag-store-snapshot.js';

/**
 * The archive as an archive dump (`kirinuki export --format jsonl`), a line at a time without
 * line breaks: the header; each day (its document tag lines) before its entries; each entry
 * exactly as stored, with its day, seq, source, story, identity keys and the people filed
 * from its text (and its card's fields, for tools: the importer ignores them); the blog posts
 * remembered for days; the documents of the archive's tag store (`tagStore`: taxonomy, tag
 * model, style — read by the caller, as the store is not the archive's); an end record with
 * the counts. Streams: memory is one page of entries and the list of days, whatever the
 * archive's size. The same archive always gives the same lines.
 *
 * @example
 * for (const line of archiveDumpLines(archive, readTagStoreSnapshot(paths))) out.write(`${line}\n`);
 */
export function* archiveDumpLines(
  archive: Archive,
  tagStore: TagStoreSnapshot = {},
): Generator<string> {
  yield dumpHeaderLine();
  const days = archive.allDays();
  let next = 0;
  let entries = 0;
  for (const record of archive.allEntryRecords()) {
    for (; next < days.length && (days[next] as DayRecord).day <= record.stored.day; next += 1)
      yield dayLine(days[next] as DayRecord);
    yield entryLine(record);
    entries += 1;
  }
  for (; next < days.length; next += 1) yield dayLine(days[next] as DayRecord);
  const published = archive.allPublishedPosts();
  for (const post of published) yield dumpRecordLine({ kind: 'published', ...post });
  let tagDocuments = 0;
  for (const document of TAG_DOCUMENT_KINDS) {
    const text = tagStore[document];
    if (text === undefined) continue;
    yield dumpRecordLine({ kind: 'tag-document', document, text });
    tagDocuments += 1;
  }
  yield dumpRecordLine({
    kind: 'end',
    days: days.length,
    entries,
    published: published.length,
    // Only when there are some: the dump of an archive without a tag store stays as it was.
    ...(tagDocuments > 0 ? { tagDocuments } : {}),
  });
}

function dayLine(day: DayRecord): string {
  return dumpRecordLine({ kind: 'day', day: day.day, documentTagLines: day.documentTagLines });
}

function entryLine({ stored, keys, people }: EntryRecord): string {
  const { day, seq, source, story, entry } = stored;
  return dumpRecordLine(
    { kind: 'entry', day, seq, source, story, entry, keys, people },
    entryCard(stored),
  );
}
