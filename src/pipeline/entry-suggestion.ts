import type { Entry } from '../model/index.js';
import type { Knowledge } from '../nlp/index.js';
import {
  explainSuggestion,
  proposeForEntry,
  type ProposedLine,
  type SuggestionExplanation,
  type TagSuggestion,
} from '../tagging/index.js';
import type { Tagger } from './tagger.js';
import { annotatedEntry } from './train-tags.js';

/** A tag proposed or ranked for an entry, with why, in words a curator reads. */
export interface SuggestedTag {
  tag: string;
  /** The calibrated probability that the tag is right. */
  score: number;
  reasons: string[];
}

/**
 * What the workbench shows beside an entry (the API's `Suggestion`): the proposed tags first,
 * then the next best, each with its reasons; the proposed summary line for the main tag, and
 * why that line (or why none).
 */
export interface Suggestion {
  tags: SuggestedTag[];
  /** The proposed `#Tag(…)` line for the main tag; null when no tag fits. */
  line: string | null;
  lineReasons: string[];
}

/** How many tags a suggestion lists at most: the proposed ones, then the best of the rest. */
const LISTED_TAGS = 5;
// How much of each reason is shown: enough to see the cause, short enough to read at a glance.
const FEATURES_SHOWN = 3;
const NEIGHBOURS_SHOWN = 2;

/**
 * The tags and summary line kirinuki proposes for one entry, with the reasons — what
 * `kirinuki accept` files and the workbench's inbox shows. Deterministic for a given tagger.
 *
 * @example
 * const s = entrySuggestion(entry, tagger, knowledge);
 * s.line; // '#ウクライナ戦況(…)'
 * s.tags[0]; // { tag: 'ウクライナ戦況', score: 0.91, reasons: ['words of its description: 反転攻勢×2', …] }
 */
export function entrySuggestion(entry: Entry, tagger: Tagger, knowledge: Knowledge): Suggestion {
  const input = annotatedEntry(entry, knowledge);
  const { suggestion, lines } = proposeForEntry(tagger, input);
  const listed = [
    ...suggestion.labels,
    ...suggestion.ranked.map((r) => r.tag).filter((t) => !suggestion.labels.includes(t)),
  ].slice(0, Math.max(LISTED_TAGS, suggestion.labels.length));
  const tags = listed.map((tag): SuggestedTag => {
    const score = suggestion.ranked.find((r) => r.tag === tag)?.score ?? 0;
    const why = explainSuggestion(tagger.model, input, { tag, features: FEATURES_SHOWN });
    return { tag, score, reasons: tagReasons(tag, suggestion, why) };
  });
  const line = lines[0] ?? null;
  return {
    tags,
    line: line?.raw ?? null,
    lineReasons: line ? lineReasons(line, suggestion) : noLineReasons(suggestion),
  };
}

function tagReasons(
  tag: string,
  suggestion: TagSuggestion,
  why: SuggestionExplanation | null,
): string[] {
  const reasons: string[] = [];
  const rank = suggestion.labels.indexOf(tag);
  if (rank === 0) reasons.push('the main proposed tag');
  else if (rank > 0) reasons.push('also proposed: probable enough on its own');
  const remembered = suggestion.remembered;
  if (remembered?.labels.includes(tag))
    reasons.push(
      `you gave it to a near-identical entry (${remembered.id}, ${percent(remembered.similarity)} alike)`,
    );
  if (!why) return reasons;
  const words = why.description?.words ?? [];
  if (words.length > 0)
    reasons.push(
      `words of its description: ${words
        .slice(0, FEATURES_SHOWN)
        .map((w) => (w.hits > 1 ? `${w.term}×${w.hits}` : w.term))
        .join(', ')}`,
    );
  if (why.for.length > 0)
    reasons.push(
      `learned from: ${why.for.map((f) => `${f.feature} ${signed(f.contribution)}`).join(', ')}`,
    );
  if (why.against.length > 0)
    reasons.push(
      `against it: ${why.against.map((f) => `${f.feature} ${signed(f.contribution)}`).join(', ')}`,
    );
  const like = why.similar.slice(0, NEIGHBOURS_SHOWN);
  if (like.length > 0)
    reasons.push(
      `like ${like.map((n) => `${n.id} (${n.labels.join(', ')}; ${percent(n.similarity)} alike)`).join('; ')}`,
    );
  return reasons;
}

function lineReasons(line: ProposedLine, suggestion: TagSuggestion): string[] {
  const reasons = [`written for the main tag ${suggestion.labels[0] ?? ''}`.trimEnd()];
  for (const s of line.segments)
    if (s.kind === 'quote')
      reasons.push(
        `${s.speaker ?? 'an unnamed speaker'}: ${s.quotes.map((q) => `「${q}」`).join('')} stands in the text`,
      );
    else if (s.text.trim() !== '') reasons.push(`context from the text: ${s.text}`);
  return reasons;
}

function noLineReasons(suggestion: TagSuggestion): string[] {
  if (suggestion.noneReason === 'novel')
    return ['no tag fits: the entry is unlike every labelled one — a new topic?'];
  if (suggestion.noneReason === 'low-score')
    return ['no tag fits: even the best tag is not probable enough'];
  return ['no summary line could be written from the text'];
}

const percent = (x: number): string => `${Math.round(100 * x)} %`;
const signed = (x: number): string => (x >= 0 ? `+${x.toFixed(2)}` : x.toFixed(2));
