import type { Entry } from '../model/index.js';
import { digestEntryLines } from './render-digest-text.js';

/** An entry with the story it is filed under and its day. */
export interface StoryMember {
  entry: Entry;
  story: string;
  day: string;
}

export interface StoryDigestInput {
  /** The day's entries in filing order. */
  entries: readonly StoryMember[];
  /** Every entry of each story the day's entries belong to, any day, in filing order. */
  stories: ReadonlyMap<string, readonly StoryMember[]>;
  documentTagLines: readonly string[];
  /** Prefix of the sources line; the default reads 「同じ話題」 ("the same story"). */
  sourcesLabel?: string;
}

/** One story of a day: the entry shown, and the other entries that tell the same news. */
export interface DigestStory {
  story: string;
  shown: StoryMember;
  others: StoryMember[];
}

/**
 * The day's stories in order: each story once, shown by its first entry of the day, with the
 * story's other entries (that day's and other days') as its sources. Pure.
 *
 * @example
 * digestStories(input).map((s) => s.others.length); // [2, 0, 0, 1]
 */
export function digestStories(input: StoryDigestInput): DigestStory[] {
  const seen = new Set<string>();
  const out: DigestStory[] = [];
  for (const member of input.entries) {
    if (seen.has(member.story)) continue;
    seen.add(member.story);
    const all = input.stories.get(member.story) ?? [member];
    const others = all.filter((m) => m.entry.id !== member.entry.id);
    out.push({ story: member.story, shown: member, others });
  }
  return out;
}

/**
 * A day's digest with each story once: the first entry of a story in full, and a line naming
 * the story's other sources, placed after its body and before its summary lines — a body line
 * to the clip-document parser, so the result reads back as a clip document. A story with one
 * entry renders exactly as in {@link renderDigestText}.
 *
 * @example
 * renderStoryDigest(input);
 * // '…本文…\n同じ話題: ロイター (@ReutersJapan) https://t.co/… ／ NHK https://www3.nhk.or.jp/… (1月17日)\n#ウクライナ(…)\n'
 */
export function renderStoryDigest(input: StoryDigestInput): string {
  const label = input.sourcesLabel ?? '同じ話題';
  const lines: string[] = [];
  for (const { shown, others } of digestStories(input)) {
    const entry = shown.entry;
    if (others.length === 0) {
      lines.push(...digestEntryLines(entry));
      continue;
    }
    const sources = others.map((m) => sourceLabel(m.entry, m.day === shown.day ? null : m.day));
    lines.push(
      ...digestEntryLines({ ...entry, body: [...entry.body, `${label}: ${sources.join(' ／ ')}`] }),
    );
  }
  lines.push(...input.documentTagLines);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * How a source is named in a sources line: the post's author and handle, else the outlet or
 * title, then its link; the day when it is not the digest's.
 *
 * @example
 * sourceLabel(reutersEntry, null); // 'ロイター (@ReutersJapan) https://t.co/L4TStVNrj5'
 */
export function sourceLabel(entry: Entry, day: string | null): string {
  const post = entry.post;
  const who = post
    ? `${post.authorName} (@${post.handle})`
    : (entry.origin?.outlet ?? entry.origin?.title ?? firstWords(entry.body.join(' ')));
  const link = entry.origin?.url ?? post?.links[0];
  const when = day === null ? '' : ` (${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日)`;
  return `${who}${link ? ` ${link}` : ''}${when}`;
}

function firstWords(text: string): string {
  const chars = [...text.trim()];
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : chars.join('');
}
