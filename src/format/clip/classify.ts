import { looksLikeAttribution, parseAttribution, type Attribution } from './attribution.js';
import { firstNonSpace } from './lines.js';
import { isTagOnlyLine, parseSummaryLine } from './summary-line.js';
import type { SummaryLine } from '../../model/index.js';

/** What a single line of a clip document is, judged on its own. */
export type LineInfo =
  | { kind: 'blank' }
  | { kind: 'text'; badAttribution?: boolean }
  | { kind: 'attribution'; who: Attribution }
  | { kind: 'summary'; summary: SummaryLine }
  | { kind: 'tags' };

// Most lines are text; these carry no data, so every line of a kind shares one (never mutated).
const BLANK: LineInfo = { kind: 'blank' };
const TEXT: LineInfo = { kind: 'text' };
const BAD_ATTRIBUTION: LineInfo = { kind: 'text', badAttribution: true };
const TAGS: LineInfo = { kind: 'tags' };

/**
 * Classifies one line.
 *
 * @example
 * classifyLine('#露朝(会談)').kind; // 'summary'
 */
export function classifyLine(line: string): LineInfo {
  // Summary, tag and attribution lines are told by their first visible character, found here
  // without `trim()`, which copies every line with surrounding white space.
  const at = firstNonSpace(line);
  if (at < 0) return BLANK;
  const c = line.charCodeAt(at);
  if (c === 0x23 /* # */ || c === 0xff03 /* ＃ */) {
    const summary = parseSummaryLine(line);
    if (summary) return { kind: 'summary', summary };
    if (isTagOnlyLine(line)) return TAGS;
  } else if (
    c === 0x2014 /* — */ ||
    c === 0x2015 /* ― */ ||
    c === 0x2d /* - */ ||
    c === 0x26 /* & */
  ) {
    const who = parseAttribution(line);
    if (who) return { kind: 'attribution', who };
    if (looksLikeAttribution(line)) return BAD_ATTRIBUTION;
  }
  return TEXT;
}
