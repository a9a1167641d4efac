import type { Entry, SummaryLine } from '../model/index.js';
import { relabelTag, type Relabelling } from './taxonomy-edit.js';

// The tag sits right after the leading `#`/`＃` (after optional spaces) and runs to the opening
// parenthesis: the same shape `parseSummaryLine` accepts.
const TAG_AT_START = /^(\s*[#＃])([^\s#＃()（）]+)(?=[(（])/u;

/**
 * Relabels one summary line: the tag changes and `raw` is rewritten with it, everything else
 * of the line — full-width `＃（）`, leading spaces, the content — kept byte for byte. A line
 * whose tag the relabelling does not touch is returned as it is (the same object).
 *
 * @example
 * relabelSummaryLine(parseSummaryLine('＃露斯（会談）')!, { 露斯: '露イラン' }).raw;
 * // '＃露イラン（会談）'
 */
export function relabelSummaryLine(line: SummaryLine, relabelling: Relabelling): SummaryLine {
  const tag = relabelTag(line.tag, relabelling);
  if (tag === line.tag) return line;
  const m = TAG_AT_START.exec(line.raw);
  // A line built by hand may have a raw that disagrees with its tag; rebuild it then.
  const raw =
    m && m[2] === line.tag
      ? `${m[1] ?? '#'}${tag}${line.raw.slice(m[0].length)}`
      : `#${tag}(${line.content})`;
  return { ...line, raw, tag };
}

/**
 * Relabels every summary line of an entry; the same entry object when nothing changes, so a
 * caller can tell which entries to write back.
 *
 * @example
 * const changed = entries.map((e) => relabelEntry(e, r)).filter((e, i) => e !== entries[i]);
 */
export function relabelEntry(entry: Entry, relabelling: Relabelling): Entry {
  const summaries = entry.summaries.map((s) => relabelSummaryLine(s, relabelling));
  return summaries.every((s, i) => s === entry.summaries[i]) ? entry : { ...entry, summaries };
}

/**
 * The tags of an entry as labels: distinct, in the order of its summary lines, so the first
 * is the main tag.
 *
 * @example
 * entryLabels(entry); // ['ウクライナ戦況', 'ウクライナ和平交渉']
 */
export function entryLabels(entry: Entry): string[] {
  return [...new Set(entry.summaries.map((s) => s.tag))];
}

/** How many entries carry each tag, and whether the taxonomy defines it. */
export interface TagCount {
  tag: string;
  /** Entries with at least one summary line of this tag. */
  entries: number;
  /** Summary lines of this tag. */
  lines: number;
  /** False for a tag used in the archive but missing from the taxonomy file. */
  defined: boolean;
}

/**
 * Counts tags over entries for `kirinuki tags`: every taxonomy tag (zero when unused) in file
 * order, then tags only the archive knows, most used first.
 *
 * @example
 * countTags(entries, taxonomy.tags.map((t) => t.name))[0]; // { tag: 'ロシア', entries: 3, … }
 */
export function countTags(entries: Iterable<Entry>, defined: readonly string[]): TagCount[] {
  const counts = new Map<string, TagCount>();
  const slot = (tag: string): TagCount => {
    const c = counts.get(tag) ?? { tag, entries: 0, lines: 0, defined: defined.includes(tag) };
    counts.set(tag, c);
    return c;
  };
  defined.forEach(slot);
  for (const e of entries) {
    for (const s of e.summaries) slot(s.tag).lines += 1;
    for (const t of entryLabels(e)) slot(t).entries += 1;
  }
  const known = defined.map((t) => counts.get(t) as TagCount);
  const extra = [...counts.values()]
    .filter((c) => !c.defined)
    .sort((a, b) => b.entries - a.entries || a.tag.localeCompare(b.tag));
  return [...known, ...extra];
}
