import type { Entry, Origin, Post, SummaryLine } from '../../model/index.js';
import { KirinukiError } from '../../model/index.js';
import { buildPost, parseAttribution, parseSummaryLine } from '../../format/index.js';
import { entrySections, type EntrySections } from '../fulltext/entry-text.js';

/**
 * How an entry is stored in `entry_docs.doc`: the only copy of its text, so it must come back
 * exactly, and every search that ranks or checks text reads it, so it must come back fast.
 *
 * Since schema 6 a BLOB: the byte {@link COMPACT_JSON_UTF16}, then the entry's *compact* JSON
 * in UTF-16LE.
 * - Compact: what the clip format derives from an entry's exact source lines is left out when
 *   deriving it again gives the same value — a post's text, links, hashtags, author, handle and
 *   date (from its lines and attribution line, `buildPost`), a summary line's tag, content and
 *   segments (from its raw line, `parseSummaryLine`). A post or summary whose stored fields
 *   differ from what its lines give (edited, or built by another importer) is kept whole, so
 *   the form is lossless for every entry, not only for those the clip parser made. Summaries
 *   were stored three times over. The entry and a compact post are arrays, not objects: keys
 *   would be a tenth of what is left.
 * - UTF-16: news text is mostly kana and kanji, three bytes each in UTF-8 and two in UTF-16;
 *   ASCII (links, digits) costs double, which is less. Decoding UTF-16 into a JavaScript string
 *   is a copy, where UTF-8 must be decoded character by character.
 *
 * The clip format's parsers must therefore go on reading every line they once read (its
 * round-trip tests hold them to that); a stored post whose attribution line stopped parsing
 * is reported, never guessed at.
 *
 * On the benchmark corpus an entry takes 0.6 of the bytes of its JSON. Reading the text for
 * ranking ({@link decodeEntrySections}) costs less than parsing JSON did; rebuilding the
 * whole entry costs about twice that (a post and its summary lines parsed again), which is
 * why ranking reads sections and rebuilds only the entries it shows. Archives of schema ≤ 5
 * stored JSON text, which both still read; migration 6 converts them.
 */
export const COMPACT_JSON_UTF16 = 1;

/**
 * A post as stored when the rest of it follows from its lines. Its text is kept although it
 * follows too: ranking reads it for every candidate, and deriving it would double what reading
 * one costs, for 4 % of the bytes.
 */
type CompactPost = [headLines: string[], attribution: string, tailLines: string[], text: string];

/** An entry as stored: posts and summary lines compact where they can be. */
type CompactEntry = [
  id: string,
  post: Post | CompactPost | null,
  bodyKind: Entry['bodyKind'],
  body: string[],
  summaries: (SummaryLine | string)[],
  origin?: Origin,
];

/**
 * The stored form of an entry.
 *
 * @example
 * decodeEntryDoc(encodeEntryDoc(entry)); // deep-equal to entry
 */
export function encodeEntryDoc(entry: Entry): Buffer {
  const compact: CompactEntry = [
    entry.id,
    entry.post ? compactPost(entry.post) : null,
    entry.bodyKind,
    entry.body,
    entry.summaries.map(compactSummary),
  ];
  if (entry.origin) compact.push(entry.origin);
  const json = JSON.stringify(compact);
  const out = Buffer.allocUnsafe(1 + 2 * json.length);
  out[0] = COMPACT_JSON_UTF16;
  out.write(json, 1, 'utf16le');
  return out;
}

/**
 * A stored entry read once, for both {@link sectionsOfParsed} and {@link entryOfParsed}:
 * ranking reads the sections of every candidate and rebuilds the entries it shows, which
 * parsed each shown document twice.
 */
export type ParsedEntryDoc =
  { kind: 'json'; entry: Entry } | { kind: 'compact'; compact: CompactEntry };

/**
 * @example
 * entryOfParsed(parseEntryDoc(encodeEntryDoc(entry))); // deep-equal to entry
 */
export function parseEntryDoc(stored: unknown): ParsedEntryDoc {
  if (typeof stored === 'string') return { kind: 'json', entry: JSON.parse(stored) as Entry };
  return { kind: 'compact', compact: parseCompact(stored) };
}

/**
 * The entry of a parsed document.
 *
 * @example
 * entryOfParsed(parseEntryDoc(doc)).id;
 */
export function entryOfParsed(parsed: ParsedEntryDoc): Entry {
  if (parsed.kind === 'json') return parsed.entry;
  const [id, post, bodyKind, body, summaries, origin] = parsed.compact;
  return {
    id,
    post: post ? expandPost(post) : null,
    bodyKind,
    body,
    summaries: summaries.map(expandSummary),
    ...(origin ? { origin } : {}),
  };
}

/**
 * The searchable sections of a parsed document (`entrySections`), without rebuilding the rest.
 *
 * @example
 * sectionsOfParsed(parseEntryDoc(doc)).body;
 */
export function sectionsOfParsed(parsed: ParsedEntryDoc): EntrySections {
  if (parsed.kind === 'json') return entrySections(parsed.entry);
  const [, post, , body, summaries, origin] = parsed.compact;
  return {
    post: post ? postText(post) : (origin?.title ?? ''),
    body: body.join('\n'),
    summary: summaries.map((s) => (typeof s === 'string' ? s : s.raw)).join('\n'),
  };
}

/**
 * An entry from its stored form: a BLOB as {@link encodeEntryDoc} writes it, or JSON text as
 * archives of schema ≤ 5 stored it.
 *
 * @example
 * decodeEntryDoc('{"id":"a","post":null,"bodyKind":"article","body":[],"summaries":[]}').id; // 'a'
 */
export function decodeEntryDoc(stored: unknown): Entry {
  return entryOfParsed(parseEntryDoc(stored));
}

/**
 * The searchable sections of a stored entry (`entrySections`), without rebuilding the rest:
 * ranking reads the text of up to a few hundred candidates to show twenty, and a summary
 * line's segments or a post's links are not part of that text.
 *
 * @example
 * decodeEntrySections(encodeEntryDoc(entry)); // equal to entrySections(entry)
 */
export function decodeEntrySections(stored: unknown): EntrySections {
  return sectionsOfParsed(parseEntryDoc(stored));
}

function parseCompact(stored: unknown): CompactEntry {
  if (!(stored instanceof Uint8Array) || stored.length < 1 || stored[0] !== COMPACT_JSON_UTF16)
    throw new KirinukiError(
      'archive',
      `a stored entry is neither JSON nor compact JSON (form ${describeForm(stored)})`,
    );
  const bytes = Buffer.isBuffer(stored)
    ? stored
    : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return JSON.parse(bytes.toString('utf16le', 1)) as CompactEntry;
}

function describeForm(stored: unknown): string {
  if (stored instanceof Uint8Array) return stored.length === 0 ? 'empty' : `byte ${stored[0]}`;
  return stored === null ? 'null' : typeof stored;
}

/** A post's exact source lines: what the rest of it is derived from. */
type Lines = [headLines: string[], attribution: string, tailLines: string[]];

function compactPost(post: Post): Post | CompactPost {
  const derived = derivePost([post.headLines, post.attribution, post.tailLines]);
  if (!derived || JSON.stringify(derived) !== JSON.stringify(post)) return post;
  return [post.headLines, post.attribution, post.tailLines, post.text];
}

function expandPost(post: Post | CompactPost): Post {
  if (!Array.isArray(post)) return post;
  const derived = derivePost(post);
  if (!derived)
    throw new KirinukiError(
      'archive',
      `a stored post's attribution line no longer parses: ${post[1]}`,
    );
  return derived;
}

function postText(post: Post | CompactPost): string {
  return Array.isArray(post) ? post[3] : post.text;
}

function derivePost([headLines, attribution, tailLines]: CompactPost | Lines): Post | null {
  const who = parseAttribution(attribution);
  return who ? buildPost(headLines, attribution, tailLines, who) : null;
}

function compactSummary(line: SummaryLine): SummaryLine | string {
  const derived = parseSummaryLine(line.raw);
  return derived && JSON.stringify(derived) === JSON.stringify(line) ? line.raw : line;
}

function expandSummary(line: SummaryLine | string): SummaryLine {
  if (typeof line !== 'string') return line;
  const derived = parseSummaryLine(line);
  if (!derived)
    throw new KirinukiError('archive', `a stored summary line no longer parses: ${line}`);
  return derived;
}
