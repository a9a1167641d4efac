import type { Annotations, Entry } from '../model/index.js';
import type { LabelledExample } from './model/examples.js';
import { suggestTags, type SuggestOptions, type TagSuggestion } from './model/suggest.js';
import type { TagModel } from './model/tag-model.js';
import { entryLabels } from './relabel.js';
import { proposeSummaryLines, type ProposedLine } from './writer/propose.js';
import type { SummaryStyle } from './writer/style.js';
import type { WritingRules } from './writer/writing-rules.js';

/** What kirinuki proposes for an entry: its tags, and a summary line for each proposed tag. */
export interface EntryProposal {
  suggestion: TagSuggestion;
  /** One line per proposed tag, main tag first; empty when none fits. */
  lines: ProposedLine[];
}

/**
 * Suggests tags for an entry and writes a summary line for each, all of them together so that
 * each says something of its own (`proposeSummaryLines`): what `kirinuki suggest` prints
 * and what the `annotate --jsonl` batch writes (`tags` from `suggestion.ranked`, `summary` from
 * `lines[0]`).
 *
 * @example
 * const { suggestion, lines } = proposeForEntry({ model, style, rules }, { entry, annotations });
 * lines.map((l) => l.raw); // ['#露朝(…)']
 */
export function proposeForEntry(
  { model, style, rules }: { model: TagModel; style: SummaryStyle; rules: WritingRules },
  input: { entry: Entry; annotations: Annotations | null },
  options: SuggestOptions = {},
): EntryProposal {
  const suggestion = suggestTags(model, input, options);
  // All of the entry's lines at once: a quote goes to the tag it speaks to most, and no line
  // says again what an earlier one said.
  const lines = proposeSummaryLines(
    input.entry,
    input.annotations,
    suggestion.labels,
    rules,
    style,
  );
  return { suggestion, lines };
}

/**
 * An archived entry as a training example: its summary lines' tags are its labels.
 *
 * @example
 * trainTagModel(entries.map((e) => labelledExample(e, annotationsOf(e))), { taxonomy });
 */
export function labelledExample(entry: Entry, annotations: Annotations | null): LabelledExample {
  return { entry, annotations, labels: entryLabels(entry) };
}
