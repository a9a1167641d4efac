/**
 * Tagging: the curator's taxonomy, tag suggestion learned from their labels, and summary lines
 * written in their style. Pure: no file, network or database; the pipeline feeds annotations
 * in and stores the model (JSON) and the taxonomy (JSON) where it likes.
 */
export * from './taxonomy.js';
export * from './taxonomy-edit.js';
export * from './relabel.js';
export type { FeatureInput, FeatureOptions, KeywordSet } from './features/extract.js';
export { DEFAULT_FEATURE_OPTIONS } from './features/extract.js';
export type { DescribedWord, TermBackground } from './features/description-score.js';
export {
  describeTags,
  type DescriptionTerm,
  type DescriptionTerms,
  type Glossary,
} from './features/description.js';
export { seedExamples, type LabelledExample } from './model/examples.js';
export {
  DEFAULT_TAG_MODEL_OPTIONS,
  type TagModel,
  type TagModelOptions,
  type TagModelStats,
} from './model/tag-model.js';
export { createTagModel, trainTagModel, type TrainOptions } from './model/train.js';
export { updateTagModel } from './model/update.js';
export {
  suggestTags,
  type SuggestOptions,
  type TagScore,
  type TagSuggestion,
} from './model/suggest.js';
export {
  explainSuggestion,
  type DescriptionEvidence,
  type ExplainOptions,
  type FeatureContribution,
  type SuggestionExplanation,
} from './model/explain.js';
export type { Neighbour } from './model/memory.js';
export { addTagToModel, redescribeTagModel, relabelTagModel } from './model/edit-model.js';
export { parseTagModel, serialiseTagModel } from './model/serialise.js';
export {
  proposeSummaryLine,
  proposeSummaryLines,
  trimQuote,
  type ProposedLine,
} from './writer/propose.js';
export {
  DEFAULT_SUMMARY_STYLE,
  learnStyle,
  type StyleHistory,
  type SummaryStyle,
} from './writer/style.js';
export {
  compileWritingRules,
  parseWritingRules,
  WritingLexiconSchema,
  type WritingLexicon,
  type WritingRules,
} from './writer/writing-rules.js';
export type { AnnotatedEntry } from './writer/kind-preference.js';
export { parseSummaryStyle, SummaryStyleSchema } from './writer/style-schema.js';
export { bigramSet, coverage } from './writer/bigrams.js';
export { labelledExample, proposeForEntry, type EntryProposal } from './tag-entry.js';
