import { looksLikeAttribution, parseAttribution, type Attribution } from './attribution.js';
import { isTagOnlyLine, parseSummaryLine } from './summary-line.js';
import type { SummaryLine } from '../../model/index.js';

/** What a single line of a clip document is, judged on its own. */
export type LineInfo =
  | { kind: 'blank' }
  | { kind: 'text'; badAttribution?: boolean }
  | { kind: 'attribution'; who: Attribution }
  | { kind: 'summary'; summary: SummaryLine }
  | { kind: 'tags' };

/**
 * Classifies one line.
 *
 * @example
 * classifyLine('#露朝(会談)').kind; // 'summary'
 */
export function classifyLine(line: string): LineInfo {
  if (line.trim() === '') return { kind: 'blank' };
  const c = line.trimStart()[0];
  if (c === '#' || c === '＃') {
    const summary = parseSummaryLine(line);
    if (summary) return { kind: 'summary', summary };
    if (isTagOnlyLine(line)) return { kind: 'tags' };
  }
  if (c === '—' || c === '―' || c === '-' || c === '&') {
    const who = parseAttribution(line);
    if (who) return { kind: 'attribution', who };
    if (looksLikeAttribution(line)) return { kind: 'text', badAttribution: true };
  }
  return { kind: 'text' };
}
