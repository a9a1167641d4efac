import type { Attribution } from './attribution.js';
import type { LineInfo } from './classify.js';
import { endsWithLink } from './post-tail.js';

/** Where one embedded post sits: lines `[headStart, attribution)` are its head. */
export interface PostSpan {
  headStart: number;
  attribution: number;
  /** Last line of the post: the attribution or its last tail line. */
  end: number;
  who: Attribution;
}

/** A multi-line first paragraph longer than this is more likely notes than a post head. */
const MAX_HEAD_LINES = 4;
/** How far after the attribution the rest of a cut-short post may run. */
const MAX_TAIL_LINES = 12;

/**
 * Finds the posts of a document from its attribution lines.
 *
 * The head is the line before the attribution — or the whole run of text lines up to a blank,
 * summary or tag line when that run is short — but never lines of the previous post. The tail
 * is the rest of a multi-paragraph post: when the head does not end with the post's link, the
 * lines up to the first one that does (X embeds put the attribution after the first paragraph).
 */
export function findPosts(lines: readonly string[], info: readonly LineInfo[]): PostSpan[] {
  const attributions: number[] = [];
  for (let i = 0; i < info.length; i += 1)
    if (info[i]?.kind === 'attribution') attributions.push(i);
  const spans: PostSpan[] = [];
  let floor = 0;
  attributions.forEach((a, k) => {
    const x = info[a];
    if (x?.kind !== 'attribution') return;
    const headStart = findHeadStart(info, a, floor);
    const next = attributions[k + 1] ?? lines.length + 1;
    const last = headStart < a ? lines[a - 1] : undefined; // the head's last line
    const end =
      last !== undefined && endsWithLink(last) ? a : findTailEnd(lines, info, a, next - 1);
    spans.push({ headStart, attribution: a, end, who: x.who });
    floor = end + 1;
  });
  return spans;
}

function findHeadStart(info: readonly LineInfo[], a: number, floor: number): number {
  if (a - 1 < floor || info[a - 1]?.kind !== 'text') return a;
  let s = a - 1;
  while (s - 1 >= floor && info[s - 1]?.kind === 'text') s -= 1;
  const bounded =
    s === 0 ||
    (s > floor && info[s - 1]?.kind !== 'text') ||
    (s === floor && isBoundary(info[s - 1]));
  return bounded && a - s <= MAX_HEAD_LINES ? s : a - 1;
}

function isBoundary(x: LineInfo | undefined): boolean {
  return x === undefined || x.kind === 'blank' || x.kind === 'summary' || x.kind === 'tags';
}

function findTailEnd(
  lines: readonly string[],
  info: readonly LineInfo[],
  a: number,
  limit: number,
): number {
  for (let j = a + 1; j < limit && j <= a + MAX_TAIL_LINES; j += 1) {
    if (info[j]?.kind !== 'text') break;
    if (endsWithLink(lines[j] ?? '')) return j;
  }
  return a;
}
