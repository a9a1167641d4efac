import type { Annotations, Entry, Origin, Post } from '../model/index.js';
import { findCaveats } from './caveats/find-caveats.js';
import { resolveDates } from './dates/resolve-dates.js';
import { extractEntities, findMentions } from './entities/index.js';
import type { Knowledge } from './knowledge/index.js';
import { extractQuotes, layoutOf } from './quotes/index.js';
import { classifySource, type SourceHint } from './source/classify-source.js';

export interface AnnotateOptions {
  /** Compiled knowledge from `loadKnowledge()`, built once and shared. */
  knowledge: Knowledge;
  /** Reference date `YYYY-MM-DD` for relative dates (the post's date). */
  date?: string | null;
  /** The poster, when known: decides outlet vs commentary. Without it, `source` is guessed from the text. */
  source?: SourceHint;
}

/**
 * Annotates one Japanese text: quotes with speakers, entities, dates and caveats, with
 * `[start, end)` UTF-16 offsets into `text`. Pure: no I/O; never throws on any string.
 *
 * @example
 * const a = annotate('ロシアのプーチン大統領は16日、「主導権は我々にある」と主張した', { knowledge, date: '2024-01-17' });
 * a.quotes[0]?.canonical; // 'プーチン'
 * a.dates[0]?.from; // '2024-01-16'
 */
export function annotate(text: string, options: AnnotateOptions): Annotations {
  if (text.length <= MAX_PART) return annotatePart(text, options);
  // A text longer than any article is read in parts, so the work space stays bounded; what a
  // speaker said is never split across a line break, where parts are cut first.
  const out: Annotations = {
    quotes: [],
    entities: [],
    dates: [],
    caveats: [],
    source: classifySource(text.slice(0, MAX_PART), options.source ?? {}, options.knowledge),
  };
  for (const [from, to] of textParts(text, MAX_PART)) {
    const part = annotatePart(text.slice(from, to), options);
    // Past the cap of one kind, the rest of such a text is not read: what is kept is complete
    // up to that point, and `truncated` says so.
    if (appendShifted(out, part, from)) {
      out.truncated = true;
      break;
    }
  }
  return out;
}

/** The longest text annotated in one piece: far beyond any article. */
export const MAX_PART = 50_000;
/**
 * The most findings of one kind kept for one text (an article holds a few dozen): beyond it a
 * pathological text would hold memory without bound.
 */
export const MAX_FINDINGS = 20_000;

function annotatePart(text: string, options: AnnotateOptions): Annotations {
  const k = options.knowledge;
  const mentions = findMentions(text, k);
  const layout = layoutOf(text);
  const found: Annotations = {
    quotes: extractQuotes(text, k, mentions, layout),
    entities: extractEntities(text, k, mentions),
    dates: resolveDates(text, options.date),
    caveats: findCaveats(text, k, layout.sentences, mentions),
    source: classifySource(text, options.source ?? {}, k),
  };
  return capped(found);
}

function capped(a: Annotations): Annotations {
  const over =
    a.quotes.length > MAX_FINDINGS ||
    a.entities.length > MAX_FINDINGS ||
    a.dates.length > MAX_FINDINGS ||
    a.caveats.length > MAX_FINDINGS;
  if (!over) return a;
  return {
    ...a,
    quotes: a.quotes.slice(0, MAX_FINDINGS),
    entities: a.entities.slice(0, MAX_FINDINGS),
    dates: a.dates.slice(0, MAX_FINDINGS),
    caveats: a.caveats.slice(0, MAX_FINDINGS),
    truncated: true,
  };
}

/** `[from, to)` parts of at most `max` units, cut after a line break, else after 。, else anywhere. */
function textParts(text: string, max: number): [number, number][] {
  const parts: [number, number][] = [];
  for (let from = 0; from < text.length;) {
    let to = Math.min(text.length, from + max);
    if (to < text.length) {
      const window = text.slice(from + (max >> 1), to);
      const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'));
      if (cut >= 0) to = from + (max >> 1) + cut + 1;
      // Never cut a surrogate pair in two.
      else if (/[\uD800-\uDBFF]/u.test(text.charAt(to - 1))) to -= 1;
    }
    parts.push([from, to]);
    from = to;
  }
  return parts;
}

/** Appends a part's findings with offsets moved by `by`; true when a cap cut some off. */
function appendShifted(out: Annotations, part: Annotations, by: number): boolean {
  const room = (have: readonly unknown[], more: readonly unknown[]): number =>
    Math.max(0, Math.min(more.length, MAX_FINDINGS - have.length));
  const shift = <T extends { start: number; end: number }>(x: T): T => ({
    ...x,
    start: x.start + by,
    end: x.end + by,
  });
  const cut =
    part.truncated === true ||
    room(out.quotes, part.quotes) < part.quotes.length ||
    room(out.entities, part.entities) < part.entities.length ||
    room(out.dates, part.dates) < part.dates.length ||
    room(out.caveats, part.caveats) < part.caveats.length;
  for (const q of part.quotes.slice(0, room(out.quotes, part.quotes)))
    out.quotes.push({ ...shift(q), speakerSpan: q.speakerSpan ? shift(q.speakerSpan) : null });
  for (const e of part.entities.slice(0, room(out.entities, part.entities)))
    out.entities.push(shift(e));
  for (const d of part.dates.slice(0, room(out.dates, part.dates))) out.dates.push(shift(d));
  for (const c of part.caveats.slice(0, room(out.caveats, part.caveats)))
    out.caveats.push({ ...shift(c), claim: shift(c.claim) });
  return cut;
}

/**
 * The parts of an entry that annotation reads: its text, its post's date and poster, its
 * origin's date and outlet. An `Entry` is one; {@link entryForAnnotation} makes the smallest.
 */
export interface AnnotatableEntry {
  id: string;
  bodyKind: Entry['bodyKind'];
  body: readonly string[];
  post: Pick<Post, 'text' | 'date' | 'handle' | 'authorName'> | null;
  origin?: Pick<Origin, 'published' | 'outlet'>;
}

/**
 * Only what annotation reads of an entry: what an import sends to its annotation workers,
 * where copying a whole entry (a post's lines and links, summary lines and their segments)
 * cost the filing thread several times as much.
 *
 * @example
 * annotateEntry(entryForAnnotation(entry), { knowledge }); // the same as annotateEntry(entry, …)
 */
export function entryForAnnotation(entry: Entry): AnnotatableEntry {
  const { post, origin } = entry;
  return {
    id: entry.id,
    bodyKind: entry.bodyKind,
    body: entry.body,
    post: post && {
      text: post.text,
      date: post.date,
      handle: post.handle,
      authorName: post.authorName,
    },
    ...(origin && { origin: { published: origin.published, outlet: origin.outlet } }),
  };
}

/**
 * The text of an entry that annotation works on: the post text then the body lines. When the
 * body is the post's own full text (a truncated embed repeated in full), the body alone, so
 * nothing is annotated twice.
 *
 * @example
 * entryText(entry); // 'ロシア中西部で大規模デモ…\nロシア中西部のバシコルトスタン共和国の…'
 */
export function entryText(entry: AnnotatableEntry): string {
  if (entry.bodyKind === 'fullText' && entry.body.length > 0) return entry.body.join('\n');
  return [entry.post?.text ?? '', ...entry.body].filter((s) => s !== '').join('\n');
}

/**
 * Annotates an entry against its post's date, with the poster as the source hint. Offsets
 * refer to the returned `text` (see {@link entryText}).
 *
 * @example
 * const { text, annotations } = annotateEntry(entry, { knowledge });
 */
export function annotateEntry(
  entry: AnnotatableEntry,
  options: AnnotateOptions,
): { text: string; annotations: Annotations } {
  const text = entryText(entry);
  const date = options.date ?? entry.post?.date ?? entry.origin?.published?.slice(0, 10) ?? null;
  const source = options.source ?? {
    handle: entry.post?.handle ?? null,
    authorName: entry.post?.authorName ?? entry.origin?.outlet ?? null,
  };
  return { text, annotations: annotate(text, { ...options, date, source }) };
}
