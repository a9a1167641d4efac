/**
 * The quote check of `kirinuki check`, run on kirinuki's own proposed summary lines: every
 * proposed `speaker「quote」` looked up in its entry's text exactly as a curator's would be.
 * kirinuki should never propose a quote that fails it.
 */
import { parseSummaryLine } from '../src/format/index.js';
import type { Document, Entry, SummaryLine } from '../src/model/index.js';
import {
  checkDocumentQuotes,
  type CheckFlag,
  type QuoteCheckOptions,
} from '../src/pipeline/index.js';
import type { ProposedLine } from '../src/tagging/index.js';

/** One entry with the lines proposed for it. */
export interface Proposals {
  entry: Entry;
  lines: readonly ProposedLine[];
}

/** What the check found on the proposed lines. */
export interface ProposedCheck {
  quotes: number;
  failing: number;
  speakers: number;
  unnamed: number;
  flags: CheckFlag[];
}

/**
 * Checks the proposed lines of each entry against the entry's own text.
 *
 * @example
 * checkProposals([{ entry, lines }], { knowledge, abbreviations }).failing; // 0
 */
export function checkProposals(
  proposals: readonly Proposals[],
  options: QuoteCheckOptions,
): ProposedCheck {
  const doc: Document = {
    layout: { bom: false, eol: '\n', finalNewline: true },
    parts: proposals.map(({ entry, lines }) => ({
      kind: 'entry' as const,
      entry: { ...entry, summaries: lines.map(asSummaryLine) },
    })),
  };
  const r = checkDocumentQuotes(doc, options);
  const unnamed = r.flags.filter((f) => f.kind === 'speaker').length;
  return {
    quotes: r.quotes,
    failing: r.quotes - r.passed,
    speakers: r.speakers,
    unnamed,
    flags: r.flags,
  };
}

/** The proposed line as a curator's pasted line would be read: by the summary-line parser. */
function asSummaryLine(line: ProposedLine): SummaryLine {
  const parsed = parseSummaryLine(line.raw);
  if (parsed) return parsed;
  const open = line.raw.indexOf('(');
  return {
    raw: line.raw,
    tag: line.raw.slice(1, open),
    content: line.raw.slice(open + 1, -1),
    segments: line.segments,
  };
}
