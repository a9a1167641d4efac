import { parseSummaryLine } from '../format/index.js';
import type { Document, Entry, Part, SummaryLine } from '../model/index.js';
import type { JsonlLine, Knowledge } from '../nlp/index.js';
import {
  explainSuggestion,
  proposeForEntry,
  type EntryProposal,
  type ProposedLine,
  type SuggestionExplanation,
  type TagScore,
} from '../tagging/index.js';
import type { Tagger } from './tagger.js';
import { annotatedEntry } from './train-tags.js';

/** What was proposed for one entry that had no summary line. */
export interface EntrySuggestion extends EntryProposal {
  entryId: string;
  /** Why each proposed tag (or the best tag, when none fits); empty unless asked for. */
  explanations: SuggestionExplanation[];
}

export interface DocumentSuggestion {
  /** The document with the proposed lines added to the entries that had none. */
  document: Document;
  entries: EntrySuggestion[];
}

/**
 * Proposes summary lines for the entries of a clip document that have none (`kirinuki
 * suggest`): the document comes back with the lines in place, ready for `renderClipDocument`,
 * so the curator reads and edits them in their own format. Entries the curator has already
 * summarised are left as they are. Deterministic.
 *
 * @example
 * const { document } = suggestLinesForDocument(parsed.document, tagger, knowledge);
 * renderClipDocument(document); // the text, with `#Tag(…)` lines added
 */
export function suggestLinesForDocument(
  document: Document,
  tagger: Tagger,
  knowledge: Knowledge,
  options: { explain?: boolean } = {},
): DocumentSuggestion {
  const entries: EntrySuggestion[] = [];
  const parts = document.parts.map((part): Part => {
    if (part.kind !== 'entry' || part.entry.summaries.length > 0) return part;
    const s = suggestForEntry(part.entry, tagger, knowledge, options.explain ?? false);
    entries.push(s);
    return { kind: 'entry', entry: { ...part.entry, summaries: s.lines.map(asSummaryLine) } };
  });
  return { document: { ...document, parts }, entries };
}

/** Tags and a summary line for one entry, with the reasons when asked. */
export function suggestForEntry(
  entry: Entry,
  tagger: Tagger,
  knowledge: Knowledge,
  explain = false,
): EntrySuggestion {
  const input = annotatedEntry(entry, knowledge);
  const proposal = proposeForEntry(tagger, input);
  const { labels, ranked } = proposal.suggestion;
  const best = ranked[0]?.tag;
  const tags = labels.length > 0 || best === undefined ? labels : [best];
  const explanations = explain
    ? tags.flatMap((tag) => explainSuggestion(tagger.model, input, { tag }) ?? [])
    : [];
  return { ...proposal, entryId: entry.id, explanations };
}

/** The fields `annotate --jsonl` adds per line when it has a tagger (a type: an output row). */
export type JsonlTagFields = {
  /** Every tag, most probable first, with calibrated scores. */
  tags: TagScore[];
  /** The proposed summary line for the main tag; null when no tag fits. */
  summary: string | null;
};

/**
 * The enrichment hook for `annotateJsonl`: the ranked tags and the proposed summary line of
 * each input line, its text read as a pasted article whose first line is the headline.
 *
 * @example
 * await annotateJsonl(lines, write, { knowledge, enrich: jsonlTagFields(tagger) });
 */
export function jsonlTagFields(tagger: Tagger): (line: JsonlLine) => JsonlTagFields {
  return (line) => {
    const entry: Entry = {
      id: String(line.id),
      post: null,
      // `fullText` so that the entry's annotated text is the line's text, offsets and all.
      bodyKind: 'fullText',
      body: line.text.split('\n'),
      summaries: [],
      origin: { kind: 'paste', title: line.text.split('\n', 1)[0] ?? '' },
    };
    const { suggestion, lines } = proposeForEntry(tagger, {
      entry,
      annotations: line.annotations,
    });
    return { tags: suggestion.ranked, summary: lines[0]?.raw ?? null };
  };
}

function asSummaryLine(line: ProposedLine): SummaryLine {
  const parsed = parseSummaryLine(line.raw);
  if (parsed) return parsed;
  const tag = /^#([^(]*)\(/u.exec(line.raw)?.[1] ?? '';
  return {
    raw: line.raw,
    tag,
    content: line.raw.slice(tag.length + 2, -1),
    segments: line.segments,
  };
}
